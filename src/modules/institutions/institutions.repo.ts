import { and, eq, ilike, like, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { Scope } from '../accounts/scope.js';
import { institutions } from './institutions.table.js';

function scopeCondition(scope: Scope): SQL {
  if (scope.kind === 'region') return like(institutions.regionCode, `${scope.prefix}%`);
  if (scope.kind === 'institution') return eq(institutions.id, scope.institutionId);
  return eq(institutions.id, '00000000-0000-0000-0000-000000000000');
}

/** Institutions in the caller's scope whose name contains `q`, for pickers. */
export async function searchInstitutions(db: Executor, scope: Scope, q: string | undefined, limit: number) {
  const conditions: SQL[] = [scopeCondition(scope)];
  if (q) conditions.push(ilike(institutions.name, `%${q.replace(/[%_\\]/g, '\\$&')}%`));
  return db
    .select({
      id: institutions.id,
      name: institutions.name,
      kind: institutions.kind,
      regionCode: institutions.regionCode,
      status: institutions.status,
    })
    .from(institutions)
    .where(and(...conditions))
    .orderBy(institutions.regionCode, institutions.name)
    .limit(limit);
}
