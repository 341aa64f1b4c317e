import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { Actor, RequestContext } from '../../server/context.js';
import { AppError, notFound, outOfScope } from '../../server/errors.js';
import type { Lang } from '../../server/i18n.js';
import { requirePermission } from '../accounts/accounts.service.js';
import { hasPermission, type Permission, ROLES } from '../accounts/roles.js';
import { isRegionInScope, requireActor } from '../accounts/scope.js';
import { householdMembers, households } from '../households/households.table.js';
import { HM } from './homecare.messages.js';
import { type InstitutionRow, PROVIDER_KINDS } from './menu.repo.js';

/** 401 when nobody is signed in, 403 without `permission`. */
export function requireCaller(ctx: RequestContext, permission: Permission): Actor {
  const actor = requireActor(ctx.actor);
  requirePermission(actor, permission);
  return actor;
}

export const isAdmin = (actor: Actor) => ROLES[actor.role].kind === 'admin';
export const isOfficial = (actor: Actor) => ROLES[actor.role].kind === 'official';
export const isInstitutionUser = (actor: Actor) => ROLES[actor.role].kind === 'institution';
export const isResident = (actor: Actor) => actor.role === 'resident';

/** Officials and the system administrator: the region lies in their scope. */
export const officialCovers = (actor: Actor, regionCode: string) =>
  (isOfficial(actor) || isAdmin(actor)) && isRegionInScope(actor, regionCode);

/** The provider's own users (homecare.provide), or the system administrator. */
export function actsForProvider(actor: Actor, providerId: string | null): boolean {
  if (!hasPermission(actor.role, 'homecare.provide')) return false;
  return isAdmin(actor) || (providerId !== null && actor.institutionId === providerId);
}

/** 403 unless the caller acts for the provider (its own users with homecare.provide; sysadmin). */
export function requireProviderSide(actor: Actor, providerId: string): void {
  requirePermission(actor, 'homecare.provide');
  if (!actsForProvider(actor, providerId))
    throw outOfScope(actor.institutionId ? actor.username : actor.regionCode);
}

/** A provider is an institution of an elderly (or mixed) kind. */
export function assertProviderKind(institution: InstitutionRow, field = 'providerId'): void {
  if (!(PROVIDER_KINDS as readonly string[]).includes(institution.kind)) {
    throw new AppError(400, HM['provider.not_elderly'], { name: institution.name }, field);
  }
}

export function requireFound<T>(
  row: T | undefined | null,
  what: { 'zh-CN': string; en: string },
  lang: Lang,
): T {
  if (!row) throw notFound(what[lang]);
  return row;
}

export const WHAT = {
  item: { 'zh-CN': '服务项目', en: 'service item' },
  provider: { 'zh-CN': '服务机构', en: 'provider' },
  person: { 'zh-CN': '老人', en: 'older person' },
  order: { 'zh-CN': '服务订单', en: 'service order' },
  visit: { 'zh-CN': '服务记录', en: 'visit' },
  settlement: { 'zh-CN': '结算单', en: 'settlement' },
} as const;

/**
 * Whether the resident's household has an active member with the person's ID number (blind
 * index): the family link that lets a resident order for and confirm visits to an older person.
 */
export async function isFamilyOf(
  db: Executor,
  accountId: string,
  personIdNumberIndex: string,
): Promise<boolean> {
  const [row] = await db
    .select({ id: householdMembers.id })
    .from(householdMembers)
    .innerJoin(households, eq(households.id, householdMembers.householdId))
    .where(
      and(
        eq(households.ownerAccountId, accountId),
        eq(householdMembers.status, 'active'),
        eq(householdMembers.idNumberIndex, personIdNumberIndex),
      ),
    )
    .limit(1);
  return row !== undefined;
}
