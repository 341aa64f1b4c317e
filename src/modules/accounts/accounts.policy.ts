import type { Actor } from '../../server/context.js';
import { AppError } from '../../server/errors.js';
import { AM } from './accounts.messages.js';
import { allowedScopeDigits, ROLES, type Role } from './roles.js';
import { isRegionInScope } from './scope.js';

interface Spec {
  kind: string;
  rank: number;
  department?: string;
}
const spec = (role: Role): Spec => ROLES[role] as Spec;

/**
 * Whether `actor` may hand out accounts of `target` at all (scope is checked separately):
 * the system administrator may create any role; an official only roles strictly below their
 * rank, in their own department (or department-less), plus the admins of institutions in their
 * area from county level up; an institution admin only its own staff.
 */
export function canCreateRole(actor: Actor, target: Role): boolean {
  const mine = spec(actor.role);
  const theirs = spec(target);
  if (mine.kind === 'admin') return true;
  if (mine.kind === 'institution')
    return actor.role === 'institution_admin' && target === 'institution_staff';
  if (mine.kind !== 'official') return false;
  if (theirs.kind === 'institution') return target === 'institution_admin' && mine.rank >= 3;
  if (theirs.kind !== 'official') return false;
  if (theirs.rank >= mine.rank) return false;
  return !theirs.department || theirs.department === mine.department;
}

/** Whether `actor` may change or reset `target` (an account already known to be in scope). */
export function canManageAccount(
  actor: Actor,
  target: { id: string; role: string; regionCode: string; institutionId: string | null },
): boolean {
  if (target.id === actor.id) return false;
  const role = target.role as Role;
  if (spec(actor.role).kind === 'institution') {
    return (
      actor.role === 'institution_admin' &&
      role === 'institution_staff' &&
      target.institutionId === actor.institutionId
    );
  }
  if (spec(actor.role).kind === 'admin') return true;
  return isRegionInScope(actor, target.regionCode) && canCreateRole(actor, role);
}

/** Check that an official-type role gets a region code of the right length for its level. */
export function assertRegionFitsRole(role: Role, regionCode: string): void {
  const allowed = allowedScopeDigits(role);
  if (!allowed.includes(regionCode.length)) {
    throw new AppError(400, AM['accounts.region_level'], { role, digits: allowed.join('/') }, 'regionCode');
  }
}
