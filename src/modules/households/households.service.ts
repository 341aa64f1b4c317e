import type { Db, Executor, Tx } from '../../db/client.js';
import type { FieldCipher } from '../../lib/secrets.js';
import type { Actor, RequestContext } from '../../server/context.js';
import { AppError, notFound } from '../../server/errors.js';
import { chinaToday } from '../../standards/working-days.js';
import { requirePermission } from '../accounts/accounts.service.js';
import { requireActor } from '../accounts/scope.js';
import { type AuditEntry, mutate } from '../audit/audit.service.js';
import { regionNames } from '../regions/regions.service.js';
import { getSetting } from '../settings/settings.service.js';
import { HM } from './households.messages.js';
import { memberSnapshot, presentMember, sealIdNumber } from './households.presenter.js';
import * as repo from './households.repo.js';
import { assertMayPickUp, assertMemberDates, memberKind, resolveIdentity } from './households.rules.js';
import type {
  CreateMemberInput,
  HouseholdView,
  MemberView,
  UpdateHouseholdInput,
  UpdateMemberInput,
} from './households.schema.js';

type Audit = (entry: AuditEntry) => Promise<void>;

/** Only residents keep a household (permission `bookings.book`); everyone else gets 401/403. */
function requireResident(ctx: RequestContext): Actor {
  const actor = requireActor(ctx.actor);
  requirePermission(actor, 'bookings.book');
  return actor;
}

const memberNotFound = (ctx: RequestContext) => notFound(ctx.lang === 'en' ? 'household member' : '家庭成员');

/** Months an admission health report counts where the household lives (national default without a community). */
export function healthReportMonths(db: Executor, regionCode: string | null, today = chinaToday()) {
  return getSetting(db, 'childcare.health_report_valid_months', regionCode ?? '', today);
}

/** 400 naming `regionCode` unless the code is a community of the current division table. */
export async function assertCommunity(db: Executor, code: string | null | undefined): Promise<void> {
  if (!code) return;
  if (!(await regionNames(db, [code])).has(code)) {
    throw new AppError(400, HM['household.region_unknown'], { code }, 'regionCode');
  }
}

async function householdView(db: Executor, household: repo.HouseholdRow | undefined): Promise<HouseholdView> {
  if (!household) return { id: null, regionCode: null, regionName: null, address: null, members: [] };
  const today = chinaToday();
  const [members, months, names] = await Promise.all([
    repo.listMembers(db, household.id),
    healthReportMonths(db, household.regionCode, today),
    regionNames(db, household.regionCode ? [household.regionCode] : []),
  ]);
  return {
    id: household.id,
    regionCode: household.regionCode,
    regionName: household.regionCode ? (names.get(household.regionCode) ?? null) : null,
    address: household.address,
    members: members.map((m) => presentMember(m, months, today)),
  };
}

/** The signed-in resident's own household and its active members. */
export async function getHousehold(db: Db, ctx: RequestContext): Promise<HouseholdView> {
  const actor = requireResident(ctx);
  return householdView(db, await repo.findHouseholdOf(db, actor.id));
}

const householdAudit = (household: repo.HouseholdRow) => ({
  entityType: 'household',
  entityId: household.id,
  regionCode: household.regionCode ?? '',
});

/** The actor's household, locked for the transaction; created (and audited) on first use. */
async function ownHousehold(tx: Tx, actor: Actor, audit: Audit): Promise<repo.HouseholdRow> {
  const { household, created } = await repo.lockOrCreateHousehold(tx, actor.id);
  if (created) await audit({ action: 'household.create', ...householdAudit(household), after: household });
  return household;
}

/** Change where the household lives. */
export async function updateHousehold(
  db: Db,
  ctx: RequestContext,
  input: UpdateHouseholdInput,
): Promise<HouseholdView> {
  const actor = requireResident(ctx);
  await assertCommunity(db, input.regionCode);
  const after = await mutate(db, ctx, async (tx, audit) => {
    const before = await ownHousehold(tx, actor, audit);
    const changed = await repo.updateHousehold(tx, before.id, {
      ...(input.regionCode !== undefined ? { regionCode: input.regionCode } : {}),
      ...(input.address !== undefined ? { address: input.address } : {}),
    });
    await audit({
      action: 'household.update',
      ...householdAudit(changed),
      before: { regionCode: before.regionCode, address: before.address },
      after: { regionCode: changed.regionCode, address: changed.address },
    });
    return changed;
  });
  return householdView(db, after);
}

/** 409 naming `idNumber` when another member of the household has the number already. */
async function assertIdNumberFree(tx: Tx, householdId: string, index: string | null, excludeId?: string) {
  if (index && (await repo.idNumberInHousehold(tx, householdId, index, excludeId))) {
    throw new AppError(409, HM['household.id_number_taken'], {}, 'idNumber');
  }
}

/**
 * Add a member. Birth date and sex come from the ID number when one is given; the kind (child
 * under 36 months, older from 60, else adult) from the birth date. The ID number is stored only
 * encrypted, with a blind index and a masked copy.
 */
export async function addMember(
  db: Db,
  cipher: FieldCipher,
  ctx: RequestContext,
  input: CreateMemberInput,
): Promise<MemberView> {
  const actor = requireResident(ctx);
  const today = chinaToday();
  const identity = resolveIdentity(input, ctx.lang);
  assertMemberDates({ ...input, birthDate: identity.birthDate }, today);
  if (input.canPickUp) assertMayPickUp(input.name, identity.birthDate, today);
  const sealed = sealIdNumber(cipher, identity.idNumber);
  const { row, household } = await mutate(db, ctx, async (tx, audit) => {
    const household = await ownHousehold(tx, actor, audit);
    await assertIdNumberFree(tx, household.id, sealed.idNumberIndex);
    const row = await repo.insertMember(tx, {
      householdId: household.id,
      relation: input.relation,
      kind: memberKind(identity.birthDate, today),
      name: input.name,
      sex: identity.sex,
      birthDate: identity.birthDate,
      ...sealed,
      phone: input.phone ?? null,
      vaccinationStatus: input.vaccinationStatus ?? null,
      vaccinationCheckedOn: input.vaccinationCheckedOn ?? null,
      healthCheckOn: input.healthCheckOn ?? null,
      healthCheckResult: input.healthCheckResult ?? null,
      canPickUp: input.canPickUp ?? false,
    });
    await audit({
      action: 'household.member.create',
      entityType: 'household_member',
      entityId: row.id,
      regionCode: household.regionCode ?? '',
      after: memberSnapshot(row),
    });
    return { row, household };
  });
  return presentMember(row, await healthReportMonths(db, household.regionCode, today), today);
}

/** Change a member of one's own household; someone else's member is a 404. */
export async function updateMember(
  db: Db,
  cipher: FieldCipher,
  ctx: RequestContext,
  memberId: string,
  input: UpdateMemberInput,
): Promise<MemberView> {
  const actor = requireResident(ctx);
  const household = await repo.findHouseholdOf(db, actor.id);
  if (!household) throw memberNotFound(ctx);
  const today = chinaToday();
  const row = await mutate(db, ctx, async (tx, audit) => {
    const before = await repo.lockMember(tx, household.id, memberId);
    if (!before) throw memberNotFound(ctx);
    if (input.relation !== undefined && before.relation === 'self') {
      throw new AppError(400, HM['household.self_relation'], {}, 'relation');
    }
    const idNumber =
      input.idNumber !== undefined
        ? input.idNumber
        : before.idNumberCipher
          ? cipher.decrypt(before.idNumberCipher)
          : null;
    const identity = resolveIdentity(
      {
        idNumber,
        birthDate: input.birthDate ?? (idNumber ? undefined : before.birthDate),
        sex:
          input.sex !== undefined
            ? input.sex
            : idNumber
              ? undefined
              : (before.sex as 'male' | 'female' | null),
      },
      ctx.lang,
    );
    const { idNumber: _id, birthDate: _b, sex: _s, ...plain } = input;
    const merged = { ...before, ...plain, birthDate: identity.birthDate };
    assertMemberDates(merged, today);
    const birthChanged = identity.birthDate !== before.birthDate;
    if (merged.canPickUp && (input.canPickUp === true || birthChanged)) {
      assertMayPickUp(merged.name, identity.birthDate, today);
    }
    const sealed = input.idNumber !== undefined ? sealIdNumber(cipher, identity.idNumber) : undefined;
    if (sealed) await assertIdNumberFree(tx, household.id, sealed.idNumberIndex, memberId);
    const after = await repo.updateMember(tx, memberId, {
      ...plain,
      ...sealed,
      birthDate: identity.birthDate,
      sex: identity.sex,
      ...(birthChanged ? { kind: memberKind(identity.birthDate, today) } : {}),
    });
    await audit({
      action: 'household.member.update',
      entityType: 'household_member',
      entityId: memberId,
      regionCode: household.regionCode ?? '',
      before: memberSnapshot(before),
      after: memberSnapshot(after),
    });
    return after;
  });
  return presentMember(row, await healthReportMonths(db, household.regionCode, today), today);
}

/**
 * Take a member off the household (status `removed`; the row stays for the bookings that name
 * it). Refused (409) for the account holder and while the member has a confirmed or held booking
 * that has not ended. The member row is locked first, as the booking engine locks it when it
 * takes a place, so a booking made at the same moment cannot slip past the check.
 */
export async function removeMember(db: Db, ctx: RequestContext, memberId: string): Promise<void> {
  const actor = requireResident(ctx);
  const household = await repo.findHouseholdOf(db, actor.id);
  if (!household) throw memberNotFound(ctx);
  const today = chinaToday();
  await mutate(db, ctx, async (tx, audit) => {
    const before = await repo.lockMember(tx, household.id, memberId);
    if (!before) throw memberNotFound(ctx);
    if (before.relation === 'self') throw new AppError(409, HM['household.self_not_removable']);
    const live = await repo.liveBookingsOf(tx, memberId, today);
    if (live.count > 0) {
      throw new AppError(
        409,
        HM['household.member_has_bookings'],
        { name: before.name, count: live.count, lastDay: live.lastDay },
        undefined,
        { count: live.count, lastDay: live.lastDay },
      );
    }
    const after = await repo.updateMember(tx, memberId, { status: 'removed', canPickUp: false });
    await audit({
      action: 'household.member.remove',
      entityType: 'household_member',
      entityId: memberId,
      regionCode: household.regionCode ?? '',
      before: memberSnapshot(before),
      after: memberSnapshot(after),
    });
  });
}
