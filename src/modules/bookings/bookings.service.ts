/**
 * Booking, cancelling, changing and confirming places: each one transaction that locks the rows it
 * needs (places.repo.ts), checks every rule on the locked state (places.ts), writes, audits and
 * notifies — or changes nothing. `Idempotency-Key` makes a retried booking safe.
 */
import { randomUUID } from 'node:crypto';
import type { Db, Executor, Tx } from '../../db/client.js';
import type { Actor, RequestContext } from '../../server/context.js';
import { AppError, conflict, forbidden, notFound } from '../../server/errors.js';
import { requirePermission } from '../accounts/accounts.service.js';
import { hasPermission, ROLES } from '../accounts/roles.js';
import { requireActor } from '../accounts/scope.js';
import { type AuditEntry, auditRow, mutate } from '../audit/audit.service.js';
import {
  type IdempotentResult,
  replayOf,
  requestHashOf,
  storeAnswer,
} from '../idempotency/idempotency.service.js';
import { type NewNotification, notificationRows, notify } from '../notifications/notifications.service.js';
import { pickEffectiveRow, settingOf } from '../settings/settings.service.js';
import { BM } from './bookings.messages.js';
import {
  type BookingView,
  cancelDeadline,
  presentBooking,
  presentEntry,
  type WaitlistView,
  whenText,
} from './bookings.presenter.js';
import * as repo from './bookings.repo.js';
import {
  BOOKING_SETTING_KEYS,
  type BookingRequest,
  checkMember,
  checkMemberWith,
  enrolmentOffers,
  priceOf,
  priceWith,
  type Resolved,
  requestedOfferIds,
  resolveFrom,
  resolveOffers,
} from './bookings.request.js';
import { findInstitution } from './offers.repo.js';
import { applyPlaces, childcareSpans, placeViolation, type Violation } from './places.js';
import { flushPlaces, placeStateOf, takeDirty } from './places.repo.js';
import { formName } from './services.js';
import { expireHold, lockForRelease, promote } from './waitlist.service.js';

type Audit = (entry: AuditEntry) => Promise<void>;

/** Refusals that mean "no room": these may join the waitlist. */
const CAPACITY_RULES = new Set<Violation['code']>([
  'booking.full',
  'booking.class_size',
  'booking.licensed_capacity',
  'booking.ratio',
]);

const memberNotFound = (ctx: RequestContext) => notFound(ctx.lang === 'en' ? 'household member' : '家庭成员');
const bookingNotFound = (ctx: RequestContext) => notFound(ctx.lang === 'en' ? 'booking' : '预约');

function refuse(v: Violation): AppError {
  return conflict(v.code, v.params, { rule: v.code, ...v.params });
}

async function institutionFor(tx: Tx, id: string, ctx: RequestContext) {
  const institution = await findInstitution(tx, id);
  if (institution?.status !== 'filed') throw notFound(ctx.lang === 'en' ? 'institution' : '机构');
  return institution;
}

/** The columns of a confirmed booking of a resolved request, on both paths. */
function bookingValues(
  actor: Actor,
  member: { householdId: string; member: { id: string } },
  r: Resolved,
  request: BookingRequest,
  price: { priceCents: number; subsidyCents: number; dueCents: number },
  replacesId?: string,
) {
  return {
    accountId: actor.id,
    householdId: member.householdId,
    memberId: member.member.id,
    institutionId: r.institutionId,
    classId: r.classId,
    service: r.service,
    form: r.form,
    firstDay: r.firstDay,
    lastDay: r.lastDay,
    startsMin: r.startsMin,
    endsMin: r.endsMin,
    status: 'confirmed',
    ...price,
    mealMode: request.mealMode ?? null,
    notes: request.notes ?? null,
    replacesId: replacesId ?? null,
  };
}

/** Take the places of a resolved request for a member; the caller holds the locks (state). */
async function createBooking(
  tx: Tx,
  ctx: RequestContext,
  audit: Audit,
  actor: Actor,
  member: NonNullable<Awaited<ReturnType<typeof repo.findMember>>>,
  r: Resolved,
  request: BookingRequest,
  institution: NonNullable<Awaited<ReturnType<typeof findInstitution>>>,
  now: Date,
  replacesId?: string,
) {
  const price = await priceOf(tx, r, member, institution.regionCode);
  const booking = await repo.insertBooking(
    tx,
    bookingValues(actor, member, r, request, price, replacesId),
    r.offerIds,
  );
  const { entry, notice } = bookingRecords(
    ctx,
    actor,
    member,
    r,
    request,
    institution,
    booking,
    price,
    replacesId,
  );
  await audit(entry);
  await notify(tx, notice);
  return presentBooking(
    booking,
    { institutionName: institution.name, className: null, memberName: member.member.name },
    r.offers,
    now,
    ctx.lang,
  );
}

export type BookResult = { booking?: BookingView; waitlist?: WaitlistView };

const OPERATION = 'POST /api/bookings';

/** The offers a request names, read without locks (an enrolment's are found from its class and month). */
async function requestOfferIds(ex: Executor, request: BookingRequest, now: Date): Promise<string[]> {
  return request.enrolment
    ? (await enrolmentOffers(ex, request.enrolment, now)).map((o) => o.id)
    : requestedOfferIds(request);
}

/**
 * Every check of a booking request but capacity, on what `booking_open` read; 404/409 naming the
 * rule, else what the booking needs next.
 */
function checkOpened(opened: repo.OpenedBooking, request: BookingRequest, ctx: RequestContext, now: Date) {
  const member = opened.member;
  if (!member) throw memberNotFound(ctx);
  const r = resolveFrom(request, opened.offers, ctx.lang, now);
  const institution = opened.institution;
  if (institution?.status !== 'filed') throw notFound(ctx.lang === 'en' ? 'institution' : '机构');
  const setting = <K extends (typeof BOOKING_SETTING_KEYS)[number]>(k: K, region: string, day?: string) =>
    settingOf(k, pickEffectiveRow(opened.settings, k, region, day)).value;
  const memberRegion = member.regionCode ?? institution.regionCode;
  checkMemberWith(
    member,
    r,
    request,
    {
      classRules: setting('childcare.class_rules', institution.regionCode),
      classType: opened.classType ?? '',
      healthReportValidMonths: setting('childcare.health_report_valid_months', memberRegion),
    },
    ctx.lang,
  );
  if (opened.memberStatus !== 'active') throw memberNotFound(ctx);
  const overlap = repo.overlapDay(opened.liveSpans, r.offers);
  if (overlap) {
    throw conflict(
      BM['booking.overlap'],
      { member: member.member.name, day: overlap },
      { rule: 'booking.overlap' },
    );
  }
  const price = priceWith(
    r,
    member,
    r.service === 'meal' ? setting('meals.subsidy', memberRegion, r.firstDay) : [],
  );
  return { member, r, institution, price };
}

/** The booking row, its 201 answer, audit entry and notification, for a request that passed every rule. */
function newBooking(
  ctx: RequestContext,
  actor: Actor,
  request: BookingRequest,
  checked: ReturnType<typeof checkOpened>,
  now: Date,
) {
  const { member, r, institution, price } = checked;
  const at = new Date();
  const booking: repo.BookingRow = {
    id: randomUUID(),
    ...bookingValues(actor, member, r, request, price),
    waitlistEntryId: null,
    holdExpiresAt: null,
    cancelledAt: null,
    cancelReason: null,
    createdAt: at,
    updatedAt: at,
  };
  const { entry, notice } = bookingRecords(ctx, actor, member, r, request, institution, booking, price);
  const { notification, deliveries } = notificationRows(notice);
  const answer = {
    status: 201,
    body: {
      booking: presentBooking(
        booking,
        { institutionName: institution.name, className: null, memberName: member.member.name },
        r.offers,
        now,
        ctx.lang,
      ),
    } as BookResult,
  };
  return {
    answer,
    writes: {
      booking,
      offerIds: r.offerIds,
      audit: [auditRow(ctx, entry)],
      notifications: [notification],
      deliveries,
    },
  };
}

/**
 * POST /api/bookings: 201 with the booking, 202 with a waitlist place, or 409 naming the rule.
 *
 * First optimistically: the rules run here on an unlocked read, and one statement
 * (`booking_commit`) locks the rows, re-checks that the place still fits and writes everything —
 * so locks are never held across a round trip. When that statement finds the places changed, or
 * the read shows a refusal, the booking runs on the locked path, which decides on locked rows and
 * gives the exact answer (the rule that refuses, a waitlist place, or a replay).
 */
export async function book(
  db: Db,
  ctx: RequestContext,
  request: BookingRequest,
  key: string | undefined,
  now = new Date(),
): Promise<IdempotentResult<BookResult>> {
  const actor = requireActor(ctx.actor);
  requirePermission(actor, 'bookings.book');
  const requestHash = key ? requestHashOf(request) : null;
  const idempotent = { accountId: actor.id, key, operation: OPERATION, body: request };
  const fast = await bookOptimistically(db, ctx, actor, request, key, requestHash, now);
  if (fast.done) {
    if (fast.replay !== undefined)
      return replayOf<BookResult>(fast.replay ?? undefined, idempotent, requestHash!);
    return { ...fast.answer!, replayed: false };
  }
  return mutate(db, ctx, async (tx, audit) => {
    const opened = await repo.openBooking(tx, {
      accountId: actor.id,
      key: key ?? null,
      operation: OPERATION,
      requestHash,
      memberId: request.memberId,
      offerIds: await requestOfferIds(tx, request, now),
      settingKeys: BOOKING_SETTING_KEYS,
    });
    if (opened.replay !== undefined)
      return replayOf<BookResult>(opened.replay ?? undefined, idempotent, requestHash!);
    const checked = checkOpened(opened, request, ctx, now);
    const state = placeStateOf(opened.state);
    const violation = placeViolation(state, checked.r.offerIds);
    if (violation) {
      if (!request.waitlist || !CAPACITY_RULES.has(violation.code)) throw refuse(violation);
      const { member, r, institution } = checked;
      const waitlist = await joinWaitlist(tx, ctx, audit, actor, member, r, request, institution, violation);
      const answer = { status: 202, body: { waitlist } };
      if (key) await storeAnswer(tx, actor.id, key, answer);
      return { ...answer, replayed: false };
    }
    applyPlaces(state, checked.r.offerIds, 1);
    const { answer, writes } = newBooking(ctx, actor, request, checked, now);
    await repo.writeBooking(tx, {
      ...takeDirty(state),
      ...writes,
      idempotency: key ? { accountId: actor.id, key, ...answer } : undefined,
    });
    return { ...answer, replayed: false };
  });
}

/**
 * The optimistic booking: the first look is an unlocked read (batched with others, `peekBooking`);
 * the commit re-checks on locked rows (batched, `commitBookingBatched`). A place the read shows full
 * is committed alone (`booking_commit`), which books it if it fits after all, replays a stored key
 * (an original still running holds the same rows, so it is waited for), or returns the locked rows
 * to name the rule that refuses. `done` false whenever the locked path must decide instead: a
 * waitlist request that does not fit (only the locked path joins the waitlist), or a refusal no
 * place rule explains. Any other rule that refuses on the read is the answer, as of that read
 * (after checking that a request with a key is not a retry to replay).
 */
async function bookOptimistically(
  db: Db,
  ctx: RequestContext,
  actor: Actor,
  request: BookingRequest,
  key: string | undefined,
  requestHash: string | null,
  now: Date,
): Promise<{
  done: boolean;
  answer?: { status: number; body: BookResult };
  replay?: repo.StoredAnswer | null;
}> {
  let refusedOnRead = false;
  let prepared: {
    answer: { status: number; body: BookResult };
    commit: repo.BookingCommit;
    checked: ReturnType<typeof checkOpened>;
  };
  try {
    const opened = await repo.peekBooking(db, {
      accountId: actor.id,
      memberId: request.memberId,
      offerIds: await requestOfferIds(db, request, now),
      settingKeys: BOOKING_SETTING_KEYS,
    });
    const checked = checkOpened(opened, request, ctx, now);
    refusedOnRead = placeViolation(placeStateOf(opened.state), checked.r.offerIds) !== null;
    // Only the locked path joins the waitlist.
    if (refusedOnRead && request.waitlist) return { done: false };
    const { answer, writes } = newBooking(ctx, actor, request, checked, now);
    const spans = childcareSpans(checked.r.offers);
    prepared = {
      answer,
      checked,
      commit: {
        ...writes,
        accountId: actor.id,
        key: key ?? null,
        operation: OPERATION,
        requestHash,
        memberId: request.memberId,
        service: checked.r.service,
        spans: checked.r.offers.map((o) => ({ day: o.day, startsMin: o.startsMin, endsMin: o.endsMin })),
        classSlots: [...spans].map(([day, { classId, slots }]) => ({ classId, day, slots })),
        institutionSlots: [...spans].map(([day, { slots }]) => ({
          institutionId: checked.r.institutionId,
          day,
          slots,
        })),
        idempotency: key ? { accountId: actor.id, key, ...answer } : undefined,
      },
    };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    // A rule refuses on the read, as of that moment: the answer stands unless the request is a
    // retry of one already made (or still running) with its key, which is replayed instead.
    if (key) {
      const stored = await repo.probeKey(db, {
        accountId: actor.id,
        key,
        operation: OPERATION,
        requestHash: requestHash!,
      });
      if (stored) return { done: true, replay: stored };
    }
    throw error;
  }
  // A place the read shows full is tried alone (a batch would refuse it anyway): on the locked rows it
  // either fits after all, or the answer names the rule that refuses.
  const committed = refusedOnRead
    ? await repo.commitBooking(db, prepared.commit)
    : await repo.commitBookingBatched(db, prepared.commit);
  if ('changed' in committed) {
    // Refused on rows read under lock a moment ago: name the rule. The waitlist is joined only on
    // the locked path, and a refusal no rule explains is left to it too.
    if (request.waitlist) return { done: false };
    if (committed.memberStatus !== 'active') throw memberNotFound(ctx);
    const { r, member } = prepared.checked;
    const overlap = repo.overlapDay(committed.liveSpans, r.offers);
    if (overlap) {
      throw conflict(
        BM['booking.overlap'],
        { member: member.member.name, day: overlap },
        { rule: 'booking.overlap' },
      );
    }
    const violation = placeViolation(placeStateOf(committed.state), r.offerIds);
    if (violation) throw refuse(violation);
    return { done: false };
  }
  if (committed.replay !== undefined) return { done: true, replay: committed.replay };
  return { done: true, answer: prepared.answer };
}

/** The audit entry and the notification of a booking made (or made by a change). */
function bookingRecords(
  ctx: RequestContext,
  actor: Actor,
  member: { member: { name: string } },
  r: Resolved,
  request: BookingRequest,
  institution: { id: string; name: string; regionCode: string },
  booking: repo.BookingRow,
  price: { dueCents: number },
  replacesId?: string,
): { entry: AuditEntry; notice: NewNotification } {
  return {
    entry: {
      action: replacesId ? 'bookings.change' : 'bookings.create',
      entityType: 'booking',
      entityId: booking.id,
      regionCode: institution.regionCode,
      institutionId: institution.id,
      after: { ...booking, offers: r.offerIds.length },
    },
    notice: {
      accountId: actor.id,
      kind: replacesId
        ? 'notify.booking_changed'
        : r.service === 'meal'
          ? 'notify.meal_ordered'
          : 'notify.booking_confirmed',
      params: {
        institution: institution.name,
        member: member.member.name,
        form: formName(r.service, r.form, ctx.lang),
        when: whenText(r),
        mode: request.mealMode ?? '',
        due: (price.dueCents / 100).toFixed(2),
      },
      entityType: 'booking',
      entityId: booking.id,
    },
  };
}

async function joinWaitlist(
  tx: Tx,
  ctx: RequestContext,
  audit: Audit,
  actor: Actor,
  member: NonNullable<Awaited<ReturnType<typeof repo.findMember>>>,
  r: Resolved,
  request: BookingRequest,
  institution: { id: string; name: string; regionCode: string },
  violation: Violation,
) {
  const entry = await repo.insertEntry(tx, {
    accountId: actor.id,
    householdId: member.householdId,
    memberId: member.member.id,
    institutionId: r.institutionId,
    classId: r.classId,
    service: r.service,
    form: r.form,
    request: {
      ...request,
      firstDay: r.firstDay,
      lastDay: r.lastDay,
      startsMin: r.startsMin,
      endsMin: r.endsMin,
      refusedBy: violation.code,
    },
    offerIds: r.offerIds,
  });
  const position = await repo.positionOf(tx, entry);
  await audit({
    action: 'waitlist.join',
    entityType: 'waitlist_entry',
    entityId: entry.id,
    regionCode: institution.regionCode,
    institutionId: institution.id,
    after: { ...entry, position },
  });
  await notify(tx, {
    accountId: actor.id,
    kind: 'notify.waitlist_joined',
    params: {
      institution: institution.name,
      member: member.member.name,
      form: formName(r.service, r.form, ctx.lang),
      when: whenText(r),
      position,
    },
    entityType: 'waitlist_entry',
    entityId: entry.id,
  });
  return presentEntry(
    entry,
    { institutionName: institution.name, className: null, memberName: member.member.name },
    position,
    ctx.lang,
  );
}

/** Who may act on a booking: its resident, or the institution's users (and the system administrator). */
function sideOf(actor: Actor, booking: repo.BookingRow): 'resident' | 'institution' | null {
  if (actor.role === 'resident') return booking.accountId === actor.id ? 'resident' : null;
  if (actor.role === 'sysadmin') return 'institution';
  if (ROLES[actor.role].kind === 'institution' && actor.institutionId === booking.institutionId)
    return 'institution';
  return null;
}

/**
 * Cancel (or decline a held place). A resident may cancel until the cut-off; an enrolment that has
 * begun gives up only its days still ahead of their cut-off. The institution may cancel what has
 * not started, with a reason. Freed places go to the waitlist in the same transaction.
 */
export async function cancel(
  db: Db,
  ctx: RequestContext,
  bookingId: string,
  input: { reason?: string },
  mode: 'cancel' | 'decline' = 'cancel',
  now = new Date(),
) {
  const actor = requireActor(ctx.actor);
  if (!hasPermission(actor.role, 'bookings.book') && !hasPermission(actor.role, 'bookings.manage')) {
    throw forbidden();
  }
  return mutate(db, ctx, async (tx, audit) => {
    const booking = await repo.lockBooking(tx, bookingId);
    if (!booking) throw bookingNotFound(ctx);
    const side = sideOf(actor, booking);
    if (!side) throw bookingNotFound(ctx);
    if (side === 'resident') requirePermission(actor, 'bookings.book');
    else requirePermission(actor, 'bookings.manage');
    if (booking.status === 'held' && booking.holdExpiresAt && booking.holdExpiresAt <= now) {
      throw conflict(
        BM['booking.hold_expired'],
        { expiredAt: booking.holdExpiresAt.toISOString() },
        { rule: 'booking.hold_expired' },
      );
    }
    const allowed = mode === 'decline' ? ['held'] : ['confirmed', 'held'];
    if (!allowed.includes(booking.status)) {
      throw conflict(
        BM['booking.not_cancellable'],
        { status: booking.status },
        { rule: 'booking.not_cancellable' },
      );
    }
    if (side === 'institution' && !input.reason?.trim()) {
      throw new AppError(400, BM['booking.reason_required'], {}, 'reason');
    }
    const held = (await repo.bookingOffersOf(tx, [booking.id])).map((o) => o.offer);
    const releasable = held.filter((o) => {
      const start = Date.parse(`${o.day}T00:00:00+08:00`) + o.startsMin * 60_000;
      const cutoff = side === 'resident' && booking.status !== 'held' ? o.cutoffMinutes * 60_000 : 0;
      return start - cutoff > now.getTime();
    });
    if (releasable.length === 0) {
      const first = held[0];
      const deadline = first
        ? new Date(
            Date.parse(`${first.day}T00:00:00+08:00`) + (first.startsMin - first.cutoffMinutes) * 60_000,
          )
        : now;
      throw conflict(
        BM['booking.cancel_cutoff'],
        { deadline: deadline.toISOString() },
        { rule: 'booking.cancel_cutoff' },
      );
    }
    const releaseIds = releasable.map((o) => o.id);
    const { state, candidates } = await lockForRelease(tx, releaseIds);
    applyPlaces(state, releaseIds, -1);
    const kept = held.filter((o) => !releaseIds.includes(o.id));
    let updated: repo.BookingRow;
    if (kept.length === 0) {
      updated = await repo.updateBooking(tx, booking.id, {
        status: 'cancelled',
        cancelledAt: now,
        cancelReason: input.reason?.trim() || (mode === 'decline' ? 'declined' : 'cancelled'),
      });
    } else {
      await repo.removeBookingOffers(tx, booking.id, releaseIds);
      updated = await repo.updateBooking(tx, booking.id, { lastDay: kept[kept.length - 1]!.day });
    }
    if (booking.waitlistEntryId && updated.status === 'cancelled') {
      // A place held from the waitlist and given up before it was confirmed was never booked.
      await repo.updateEntry(tx, booking.waitlistEntryId, {
        status: mode === 'decline' || booking.status === 'held' ? 'withdrawn' : 'booked',
      });
    }
    const institution = (await findInstitution(tx, booking.institutionId))!;
    const member = await repo.findMember(tx, booking.memberId);
    await audit({
      action: mode === 'decline' ? 'bookings.decline' : 'bookings.cancel',
      entityType: 'booking',
      entityId: booking.id,
      regionCode: institution.regionCode,
      institutionId: institution.id,
      before: { status: booking.status, lastDay: booking.lastDay },
      after: {
        status: updated.status,
        lastDay: updated.lastDay,
        released: releaseIds.length,
        reason: input.reason,
      },
    });
    await notify(tx, {
      accountId: booking.accountId,
      kind: side === 'institution' ? 'notify.institution_cancelled' : 'notify.booking_cancelled',
      params: {
        institution: institution.name,
        member: member?.member.name ?? '',
        form: formName(booking.service, booking.form, ctx.lang),
        when: whenText(booking),
        reason: input.reason ?? '',
      },
      entityType: 'booking',
      entityId: booking.id,
    });
    await promote(tx, ctx, audit, state, candidates, now);
    await flushPlaces(tx, state);
    return presentBooking(
      updated,
      { institutionName: institution.name, className: null, memberName: member?.member.name ?? '' },
      kept,
      now,
      ctx.lang,
    );
  });
}

/** Confirm a place held from the waitlist, before its deadline. */
export async function confirm(db: Db, ctx: RequestContext, bookingId: string, now = new Date()) {
  const actor = requireActor(ctx.actor);
  requirePermission(actor, 'bookings.book');
  const booking = await repo.findBooking(db, bookingId);
  if (!booking || booking.accountId !== actor.id) throw bookingNotFound(ctx);
  if (booking.status === 'held' && booking.holdExpiresAt && booking.holdExpiresAt <= now) {
    await expireHold(db, booking.id, now);
    throw conflict(
      BM['booking.hold_expired'],
      { expiredAt: booking.holdExpiresAt.toISOString() },
      { rule: 'booking.hold_expired' },
    );
  }
  return mutate(db, ctx, async (tx, audit) => {
    const locked = (await repo.lockBooking(tx, bookingId))!;
    if (locked.status !== 'held') {
      throw conflict(
        BM['booking.not_cancellable'],
        { status: locked.status },
        { rule: 'booking.not_cancellable' },
      );
    }
    const updated = await repo.updateBooking(tx, bookingId, { status: 'confirmed', holdExpiresAt: null });
    if (locked.waitlistEntryId) await repo.updateEntry(tx, locked.waitlistEntryId, { status: 'booked' });
    const institution = (await findInstitution(tx, locked.institutionId))!;
    const member = await repo.findMember(tx, locked.memberId);
    const offers = (await repo.bookingOffersOf(tx, [bookingId])).map((o) => o.offer);
    await audit({
      action: 'bookings.confirm',
      entityType: 'booking',
      entityId: bookingId,
      regionCode: institution.regionCode,
      institutionId: institution.id,
      before: { status: 'held' },
      after: { status: 'confirmed' },
    });
    await notify(tx, {
      accountId: locked.accountId,
      kind: 'notify.booking_confirmed',
      params: {
        institution: institution.name,
        member: member?.member.name ?? '',
        form: formName(locked.service, locked.form, ctx.lang),
        when: whenText(locked),
      },
      entityType: 'booking',
      entityId: bookingId,
    });
    return presentBooking(
      updated,
      { institutionName: institution.name, className: null, memberName: member?.member.name ?? '' },
      offers,
      now,
      ctx.lang,
    );
  });
}

/**
 * Change a booking to other places in one transaction: the old places are released and the new
 * ones taken under the same locks, so a change into a full slot is refused and nothing moves.
 */
export async function change(
  db: Db,
  ctx: RequestContext,
  bookingId: string,
  request: Omit<BookingRequest, 'memberId' | 'waitlist'>,
  now = new Date(),
) {
  const actor = requireActor(ctx.actor);
  requirePermission(actor, 'bookings.book');
  return mutate(db, ctx, async (tx, audit) => {
    const old = await repo.lockBooking(tx, bookingId);
    if (!old || old.accountId !== actor.id) throw bookingNotFound(ctx);
    if (old.status !== 'confirmed') {
      throw conflict(
        BM['booking.not_cancellable'],
        { status: old.status },
        { rule: 'booking.not_cancellable' },
      );
    }
    const held = (await repo.bookingOffersOf(tx, [old.id])).map((o) => o.offer);
    const deadline = cancelDeadline(held.slice(0, 1), now);
    if (!deadline) {
      const first = held[0]!;
      const at = new Date(
        Date.parse(`${first.day}T00:00:00+08:00`) + (first.startsMin - first.cutoffMinutes) * 60_000,
      );
      throw conflict(
        BM['booking.cancel_cutoff'],
        { deadline: at.toISOString() },
        { rule: 'booking.cancel_cutoff' },
      );
    }
    const member = await repo.findOwnMember(tx, actor.id, old.memberId);
    if (!member) throw memberNotFound(ctx);
    const full: BookingRequest = { ...request, memberId: old.memberId };
    const r = await resolveOffers(tx, full, ctx.lang, now);
    const institution = await institutionFor(tx, r.institutionId, ctx);
    await checkMember(tx, member, r, full, institution.regionCode, ctx.lang);
    const oldIds = held.map((o) => o.id);
    const { state, candidates } = await lockForRelease(tx, oldIds, r.offerIds, [old.memberId]);
    const overlapDay = await repo.hasOverlap(tx, old.memberId, r.service, r.offers, old.id);
    if (overlapDay) {
      throw conflict(
        BM['booking.overlap'],
        { member: member.member.name, day: overlapDay },
        { rule: 'booking.overlap' },
      );
    }
    applyPlaces(state, oldIds, -1);
    const violation = placeViolation(state, r.offerIds);
    if (violation) throw refuse(violation);
    applyPlaces(state, r.offerIds, 1);
    await repo.updateBooking(tx, old.id, { status: 'cancelled', cancelledAt: now, cancelReason: 'changed' });
    const view = await createBooking(tx, ctx, audit, actor, member, r, full, institution, now, old.id);
    const stillWanted = candidates.filter((c) => c.memberId !== old.memberId);
    await promote(tx, ctx, audit, state, stillWanted, now);
    await flushPlaces(tx, state);
    return view;
  });
}

/** Leave the waitlist (an offered place is declined). */
export async function withdraw(db: Db, ctx: RequestContext, entryId: string, now = new Date()) {
  const actor = requireActor(ctx.actor);
  requirePermission(actor, 'bookings.book');
  const entry = await repo.findEntry(db, entryId);
  if (!entry || entry.accountId !== actor.id) throw notFound(ctx.lang === 'en' ? 'waitlist entry' : '候补');
  if (entry.status === 'offered' && entry.bookingId) {
    await cancel(db, ctx, entry.bookingId, {}, 'decline', now);
    return;
  }
  if (entry.status !== 'waiting') {
    throw conflict(
      BM['booking.not_cancellable'],
      { status: entry.status },
      { rule: 'booking.not_cancellable' },
    );
  }
  await mutate(db, ctx, async (tx, audit) => {
    const [locked] = await repo.lockEntries(tx, [entryId]);
    if (locked?.status !== 'waiting') {
      throw conflict(
        BM['booking.not_cancellable'],
        { status: locked?.status ?? '' },
        { rule: 'booking.not_cancellable' },
      );
    }
    await repo.updateEntry(tx, entryId, { status: 'withdrawn' });
    const institution = (await findInstitution(tx, entry.institutionId))!;
    await audit({
      action: 'waitlist.withdraw',
      entityType: 'waitlist_entry',
      entityId: entryId,
      regionCode: institution.regionCode,
      institutionId: institution.id,
      before: { status: 'waiting' },
      after: { status: 'withdrawn' },
    });
  });
}
