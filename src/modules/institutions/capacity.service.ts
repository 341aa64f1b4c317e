import type { Db } from '../../db/client.js';
import type { RequestContext } from '../../server/context.js';
import { CLASS_TYPES } from '../../standards/childcare-classes.js';
import * as repo from './capacity.repo.js';
import { requireInstitution } from './staffing.access.js';

/**
 * How much an institution can take and how much is taken: childcare places per class type
 * (licensed = the classes' places, free = licensed − enrolled, never below 0) and the
 * registered functions (beds, day places, meal seats…).
 */
export async function getCapacity(db: Db, ctx: RequestContext, institutionId: string) {
  const { institution } = await requireInstitution(db, ctx, institutionId, 'institutions.read');
  const [byType, functions] = await Promise.all([
    repo.childcareByType(db, institution.id),
    repo.listFunctions(db, institution.id),
  ]);
  const order = (type: string) => {
    const index = (CLASS_TYPES as readonly string[]).indexOf(type);
    return index < 0 ? CLASS_TYPES.length : index;
  };
  const childcare = byType
    .sort((a, b) => order(a.classType) - order(b.classType))
    .map((row) => ({ ...row, free: Math.max(0, row.licensed - row.enrolled) }));
  return { childcare, functions };
}
