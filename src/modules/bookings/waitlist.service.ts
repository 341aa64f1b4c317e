/**
 * The waitlist: a place freed by a cancellation, a decline, a change or an expired hold goes — in
 * the same transaction — to the first waiting entry whose request fits again. That entry gets a
 * held booking and a deadline to confirm; when it lapses the place passes on the same way.
 */
import type { Db, Tx } from '../../db/client.js';
import { type RequestContext, systemContext } from '../../server/context.js';
import type { AuditEntry } from '../audit/audit.service.js';
import { mutate } from '../audit/audit.service.js';
import { notify } from '../notifications/notifications.service.js';
import { getSetting } from '../settings/settings.service.js';
import { whenText } from './bookings.presenter.js';
import * as repo from './bookings.repo.js';
import { priceOf, type Resolved } from './bookings.request.js';
import { chinaInstant } from './days.js';
import { findInstitution } from './offers.repo.js';
import { applyPlaces, type PlaceState, placeViolation } from './places.js';
import { flushPlaces, lockPlaces } from './places.repo.js';
import { formName, type Service } from './services.js';

type Audit = (entry: AuditEntry) => Promise<void>;

/**
 * Lock everything a release needs: the places of `releaseIds` and of `extraIds` (a change's new
 * places), and of the waiting entries that want any released place, with their members.
 */
export async function lockForRelease(
  tx: Tx,
  releaseIds: readonly string[],
  extraIds: readonly string[] = [],
  extraMembers: readonly string[] = [],
): Promise<{ state: PlaceState; candidates: repo.WaitlistRow[] }> {
  const released = await repo.findOffers(tx, releaseIds);
  const childcare = released.filter((o) => o.service === 'childcare');
  const room =
    childcare.length > 0
      ? { institutionId: childcare[0]!.institutionId, days: [...new Set(childcare.map((o) => o.day))] }
      : null;
  const candidates = await repo.waitingForRoom(tx, releaseIds, room);
  const offerIds = [...releaseIds, ...extraIds, ...candidates.flatMap((c) => c.offerIds)];
  const members = [...extraMembers, ...candidates.map((c) => c.memberId)];
  const state = await lockPlaces(tx, offerIds, members);
  return { state, candidates };
}

/** Offer freed places to waiting entries in line order; each that fits gets a held booking. */
export async function promote(
  tx: Tx,
  ctx: RequestContext,
  audit: Audit,
  state: PlaceState,
  candidates: readonly repo.WaitlistRow[],
  now: Date,
): Promise<void> {
  const entries = await repo.lockEntries(
    tx,
    candidates.map((c) => c.id),
  );
  for (const entry of entries) {
    if (entry.status !== 'waiting') continue;
    const offers = await repo.findOffers(tx, entry.offerIds);
    if (offers.length !== entry.offerIds.length) continue;
    offers.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : a.startsMin - b.startsMin));
    const first = offers[0]!;
    if (chinaInstant(first.day, first.startsMin) <= now) {
      await repo.updateEntry(tx, entry.id, { status: 'expired' });
      continue;
    }
    if (placeViolation(state, entry.offerIds)) continue;
    const overlap = await repo.hasOverlap(tx, entry.memberId, entry.service, offers);
    if (overlap) continue;
    const member = await repo.findMember(tx, entry.memberId);
    const institution = await findInstitution(tx, entry.institutionId);
    if (!member || !institution || member.member.status !== 'active') continue;

    applyPlaces(state, entry.offerIds, 1);
    const resolved: Resolved = {
      offers,
      offerIds: entry.offerIds,
      institutionId: entry.institutionId,
      classId: entry.classId,
      service: entry.service as Service,
      form: entry.form,
      firstDay: first.day,
      lastDay: offers[offers.length - 1]!.day,
      startsMin: Math.min(...offers.map((o) => o.startsMin)),
      endsMin: Math.max(...offers.map((o) => o.endsMin)),
    };
    const holdMinutes = await getSetting(tx, 'bookings.hold_minutes', institution.regionCode);
    // Never hold past the start of the care itself.
    const holdUntil = new Date(
      Math.min(now.getTime() + holdMinutes * 60_000, chinaInstant(first.day, first.startsMin).getTime()),
    );
    const price = await priceOf(tx, resolved, member, institution.regionCode);
    const request = entry.request as { mealMode?: string; notes?: string };
    const booking = await repo.insertBooking(
      tx,
      {
        accountId: entry.accountId,
        householdId: entry.householdId,
        memberId: entry.memberId,
        institutionId: entry.institutionId,
        classId: entry.classId,
        service: entry.service,
        form: entry.form,
        firstDay: resolved.firstDay,
        lastDay: resolved.lastDay,
        startsMin: resolved.startsMin,
        endsMin: resolved.endsMin,
        status: 'held',
        ...price,
        mealMode: request.mealMode ?? null,
        notes: request.notes ?? null,
        waitlistEntryId: entry.id,
        holdExpiresAt: holdUntil,
      },
      entry.offerIds,
    );
    await repo.updateEntry(tx, entry.id, {
      status: 'offered',
      bookingId: booking.id,
      offeredAt: now,
      expiresAt: holdUntil,
    });
    await audit({
      action: 'waitlist.offer',
      entityType: 'booking',
      entityId: booking.id,
      regionCode: institution.regionCode,
      institutionId: institution.id,
      after: { entryId: entry.id, holdExpiresAt: holdUntil },
    });
    await notify(tx, {
      accountId: entry.accountId,
      kind: 'notify.place_offered',
      params: {
        institution: institution.name,
        member: member.member.name,
        form: formName(entry.service, entry.form, ctx.lang),
        when: whenText(resolved),
        until: holdUntil.toISOString(),
      },
      entityType: 'booking',
      entityId: booking.id,
    });
  }
}

/**
 * Release a held booking whose time to confirm has run out and pass the place on. Safe to run
 * from several processes: the booking row is locked and its status re-checked.
 */
export async function expireHold(db: Db, bookingId: string, now: Date): Promise<boolean> {
  const ctx = systemContext();
  return mutate(db, ctx, async (tx, audit) => {
    const booking = await repo.lockBooking(tx, bookingId);
    if (booking?.status !== 'held' || !booking.holdExpiresAt || booking.holdExpiresAt > now) return false;
    const offerIds = (await repo.bookingOffersOf(tx, [booking.id])).map((o) => o.offer.id);
    const { state, candidates } = await lockForRelease(tx, offerIds);
    applyPlaces(state, offerIds, -1);
    await repo.updateBooking(tx, booking.id, {
      status: 'expired',
      cancelledAt: now,
      cancelReason: 'hold_expired',
    });
    if (booking.waitlistEntryId) await repo.updateEntry(tx, booking.waitlistEntryId, { status: 'expired' });
    const institution = (await findInstitution(tx, booking.institutionId))!;
    const member = await repo.findMember(tx, booking.memberId);
    await audit({
      action: 'waitlist.expire',
      entityType: 'booking',
      entityId: booking.id,
      regionCode: institution.regionCode,
      institutionId: institution.id,
      before: { status: 'held' },
      after: { status: 'expired' },
    });
    await notify(tx, {
      accountId: booking.accountId,
      kind: 'notify.offer_expired',
      params: {
        institution: institution.name,
        member: member?.member.name ?? '',
        form: formName(booking.service, booking.form, ctx.lang),
        when: whenText(booking),
      },
      entityType: 'booking',
      entityId: booking.id,
    });
    await promote(
      tx,
      ctx,
      audit,
      state,
      candidates.filter((c) => c.id !== booking.waitlistEntryId),
      now,
    );
    await flushPlaces(tx, state);
    return true;
  });
}

/**
 * Room appeared without a release — carers added to a roster, an offer's capacity raised or an
 * offer reopened: offer it down the line in a transaction of its own (after the change committed,
 * so the locks are still taken in the engine's one order).
 */
export async function promoteWaiting(
  db: Db,
  room: { institutionId: string; days: readonly string[]; offerIds?: readonly string[] },
  now: Date = new Date(),
): Promise<void> {
  const ctx = systemContext();
  await mutate(db, ctx, async (tx, audit) => {
    const candidates = await repo.waitingForRoom(tx, room.offerIds ?? [], {
      institutionId: room.institutionId,
      days: room.days,
    });
    if (candidates.length === 0) return;
    const state = await lockPlaces(
      tx,
      candidates.flatMap((c) => c.offerIds),
      candidates.map((c) => c.memberId),
    );
    await promote(tx, ctx, audit, state, candidates, now);
    await flushPlaces(tx, state);
  });
}

/** Expire every lapsed hold (the server runs this every 30 seconds). Returns how many. */
export async function expireHolds(db: Db, now: Date = new Date()): Promise<number> {
  let count = 0;
  for (const { id } of await repo.expiredHolds(db, now)) {
    if (await expireHold(db, id, now)) count += 1;
  }
  return count;
}

/** Run `expireHolds` on a timer; returns a stop function. */
export function startHoldSweeper(
  db: Db,
  log: { error: (obj: unknown, msg?: string) => void },
  intervalMs = 30_000,
) {
  let running = false;
  const timer = setInterval(async () => {
    if (running) return;
    running = true;
    try {
      await expireHolds(db);
    } catch (error) {
      log.error({ err: error }, 'expiring held places failed');
    } finally {
      running = false;
    }
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
