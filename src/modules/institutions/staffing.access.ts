import type { Db, Executor } from '../../db/client.js';
import type { Actor, RequestContext } from '../../server/context.js';
import { forbidden, notFound, outOfScope } from '../../server/errors.js';
import type { Lang } from '../../server/i18n.js';
import {
  type ChildcareClassRules,
  CLASS_TYPE_NAMES,
  type ClassType,
} from '../../standards/childcare-classes.js';
import {
  CERTIFICATE_KINDS,
  type CertificateKind,
  STAFF_ROLE_NAMES,
} from '../../standards/staff-requirements.js';
import { chinaToday } from '../../standards/working-days.js';
import { requirePermission } from '../accounts/accounts.service.js';
import { type Department, type Permission, ROLES } from '../accounts/roles.js';
import { requireActor, scopeOf } from '../accounts/scope.js';
import { getSetting } from '../settings/settings.service.js';
import { findInstitutionInScope, type InstitutionFacts, institutionExists } from './classes.repo.js';
import { kindsSupervisedBy } from './institutions.kinds.js';
import { supervisesKind } from './institutions.policy.js';

/** 401 when nobody is signed in, 403 without `permission`: checked before anything is looked up. */
export function requireCaller(ctx: RequestContext, permission: Permission): Actor {
  const actor = requireActor(ctx.actor);
  requirePermission(actor, permission);
  return actor;
}

/**
 * Who may touch an institution's classes, staff and capacity: the caller needs `permission`
 * and the institution must lie in their scope (officials: their region; institution users:
 * their own institution). Officials reading staffing must also belong to the department that
 * supervises the institution's kind (childcare: health). 403 outside the scope, 404 when there
 * is no such institution.
 */
export async function requireInstitution(
  db: Db,
  ctx: RequestContext,
  institutionId: string,
  permission: Permission,
): Promise<{ actor: Actor; institution: InstitutionFacts }> {
  const actor = requireCaller(ctx, permission);
  const institution = await findInstitutionInScope(db, scopeOf(actor), institutionId);
  if (institution) {
    const official = ROLES[actor.role].kind === 'official';
    if (official && permission === 'institutions.staffing.read' && !supervisesKind(actor, institution.kind)) {
      throw forbidden();
    }
    return { actor, institution };
  }
  if (await institutionExists(db, institutionId)) {
    throw outOfScope(actor.institutionId ? actor.username : actor.regionCode);
  }
  throw notFound(ctx.lang === 'en' ? 'institution' : '机构');
}

/** The childcare class rules in force where the institution sits, today (a region may override). */
export function classRulesFor(db: Executor, regionCode: string): Promise<ChildcareClassRules> {
  return getSetting(db, 'childcare.class_rules', regionCode, chinaToday());
}

/** Days ahead a certificate's expiry is warned of, for the institution's region. */
export function warningDaysFor(db: Executor, regionCode: string): Promise<number> {
  return getSetting(db, 'staff.expiry_warning_days', regionCode, chinaToday());
}

/** Children one health staff member covers, for the institution's region. */
export function healthStaffRatioFor(db: Executor, regionCode: string): Promise<number> {
  return getSetting(db, 'childcare.health_staff_per_children', regionCode, chinaToday());
}

export const classTypeName = (type: ClassType, lang: Lang) => CLASS_TYPE_NAMES[type][lang];
export const certificateKindName = (kind: string, lang: Lang) =>
  kind in CERTIFICATE_KINDS ? CERTIFICATE_KINDS[kind as CertificateKind][lang] : kind;
export const staffRoleName = (role: string, lang: Lang) =>
  role in STAFF_ROLE_NAMES ? STAFF_ROLE_NAMES[role as keyof typeof STAFF_ROLE_NAMES][lang] : role;

/**
 * The institution kinds whose staffing an official may read (their department's); undefined
 * for everyone else (institution users and the system administrator are limited by scope alone).
 */
export function staffingKindsOf(actor: Actor): string[] | undefined {
  const spec = ROLES[actor.role] as { kind: string; department?: Department };
  if (spec.kind !== 'official' || !spec.department) return undefined;
  return kindsSupervisedBy(spec.department);
}
