import type { Actor } from '../../server/context.js';
import { AppError, forbidden } from '../../server/errors.js';
import { hasPermission, ROLES } from '../accounts/roles.js';
import { isRegionInScope } from '../accounts/scope.js';
import { departmentsFor } from './institutions.kinds.js';
import { IM } from './institutions.messages.js';

/**
 * Who may do what with the register. Reading follows scope alone (officials of any department see
 * the institutions of their region; institution users their own). Changing the register and
 * deciding filings also needs the right department: the health commission supervises childcare,
 * civil affairs elderly care, both a service complex.
 */

interface InstitutionRef {
  id: string;
  kind: string;
  regionCode: string;
}

/** Whether the caller's department supervises institutions of `kind` (the system administrator: all). */
export function supervisesKind(actor: Actor, kind: string): boolean {
  const spec = ROLES[actor.role] as { kind: string; department?: string };
  if (spec.kind === 'admin') return true;
  if (spec.kind !== 'official' || !spec.department) return false;
  return (departmentsFor(kind) as readonly string[]).includes(spec.department);
}

/** Whether the caller sees this institution at all. */
export function canReadInstitution(actor: Actor, inst: InstitutionRef): boolean {
  const kind = ROLES[actor.role].kind;
  if (kind === 'institution') return actor.institutionId === inst.id;
  if (kind === 'official' || kind === 'admin') return isRegionInScope(actor, inst.regionCode);
  return false;
}

/** County-or-higher officials of the supervising department, in scope, and the system administrator. */
export function isSupervisingOfficial(actor: Actor, inst: Omit<InstitutionRef, 'id'>): boolean {
  return (
    hasPermission(actor.role, 'institutions.manage') &&
    isRegionInScope(actor, inst.regionCode) &&
    supervisesKind(actor, inst.kind)
  );
}

/** Whether the caller may change the institution's record: its own admin or a supervising official. */
export function canEditInstitution(actor: Actor, inst: InstitutionRef): boolean {
  if (actor.role === 'institution_admin') return actor.institutionId === inst.id;
  return isSupervisingOfficial(actor, inst);
}

/** Refuse with 403 unless the caller may create an institution of `kind` in `regionCode`. */
export function assertCanCreate(actor: Actor, kind: string, regionCode: string): void {
  if (!hasPermission(actor.role, 'institutions.manage')) throw forbidden();
  if (!supervisesKind(actor, kind))
    throw new AppError(403, IM['institutions.wrong_department'], { kind }, 'kind');
  if (!isRegionInScope(actor, regionCode)) {
    throw new AppError(403, 'error.out_of_scope', { scope: actor.regionCode || '*' }, 'regionCode');
  }
}

/** Refuse with 403, naming the department rule when that is what fails. */
export function assertCanEdit(actor: Actor, inst: InstitutionRef): void {
  if (canEditInstitution(actor, inst)) return;
  if (ROLES[actor.role].kind === 'official' && hasPermission(actor.role, 'institutions.manage')) {
    if (isRegionInScope(actor, inst.regionCode) && !supervisesKind(actor, inst.kind)) {
      throw new AppError(403, IM['institutions.wrong_department'], { kind: inst.kind });
    }
  }
  throw forbidden();
}
