/**
 * Group commit: bookings that arrive together are read (booking_open_batch) and committed
 * (booking_commit_batch) as one statement each. These tests send requests at once — on PGlite too,
 * where the server still gathers them — and check that batches formed, that every place is
 * counted once, that a batch never takes more than fits, and that a member or a key twice in one
 * batch is decided exactly.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.js';
import {
  buildCentre,
  type CentreWorld,
  careDayAhead,
  monthsBefore,
  publishHourly,
  rosterCarers,
} from '../../test/bookings.js';
import { dayFromToday } from '../../test/institutions.js';
import { idempotencyKeys } from '../idempotency/idempotency.table.js';
import { injectAs, insertFamilies, type LoadFamily } from './bookings.fixtures.js';
import { bookingBatchStats } from './bookings.repo.js';
import { BOOKING_SETTING_KEYS } from './bookings.request.js';
import { bookingOffers, bookings, classDays, institutionDays, offers } from './bookings.table.js';

let t: TestApp;
let day: string;

beforeAll(async () => {
  t = await createTestApp();
  day = careDayAhead(5);
});
afterAll(async () => {
  await t?.app.close();
  await t?.database.close();
});

/** A toddler class of 15 with 3 carers all day (1:5) and hourly places 09:00–12:00 of `capacity` each. */
async function centreWithHourly(capacity: number) {
  const centre = await buildCentre(t, { classCapacity: 15, carers: 3 });
  await rosterCarers(t, centre, day, centre.carerIds);
  const published = await publishHourly(centre, day, capacity);
  return { centre, offerIds: published.map((o) => o.id) };
}

const families = (n: number) =>
  insertFamilies(t.database.db, n, { birthDate: monthsBefore(day, 18), healthCheckOn: dayFromToday(-20) });

const book = (f: LoadFamily, offerId: string, key: string = randomUUID()) =>
  injectAs(
    t.app,
    f,
    'POST',
    '/api/bookings',
    { memberId: f.childId, offerIds: [offerId] },
    {
      'idempotency-key': key,
    },
  );

/** Every counter of the centre equals the live bookings behind it. */
async function expectCountersMatchBookings(centre: CentreWorld, offerIds: string[]) {
  const db = t.database.db;
  const live = await db
    .select({ offerId: bookingOffers.offerId, startsMin: offers.startsMin })
    .from(bookingOffers)
    .innerJoin(bookings, eq(bookings.id, bookingOffers.bookingId))
    .innerJoin(offers, eq(offers.id, bookingOffers.offerId))
    .where(and(inArray(bookingOffers.offerId, offerIds), eq(bookings.status, 'confirmed')));
  const rows = await db.select().from(offers).where(inArray(offers.id, offerIds));
  for (const o of rows)
    expect(o.taken, `offer at ${o.startsMin}`).toBe(live.filter((l) => l.offerId === o.id).length);
  // Half hours from 06:00: 09:00 is slot 6.
  const perSlot = new Map<number, number>();
  for (const l of live) {
    for (const s of [(l.startsMin - 360) / 30, (l.startsMin - 360) / 30 + 1])
      perSlot.set(s, (perSlot.get(s) ?? 0) + 1);
  }
  const [cd] = await db
    .select()
    .from(classDays)
    .where(and(eq(classDays.classId, centre.classId), eq(classDays.day, day)));
  const [inst] = await db
    .select()
    .from(institutionDays)
    .where(and(eq(institutionDays.institutionId, centre.institutionId), eq(institutionDays.day, day)));
  cd!.present.forEach((n, s) => {
    expect(n, `class half hour ${s}`).toBe(perSlot.get(s) ?? 0);
    expect(inst!.present[s], `institution half hour ${s}`).toBe(perSlot.get(s) ?? 0);
  });
}

describe('bookings that arrive together', () => {
  it('are read and committed in batches, and every place is counted once', async () => {
    const { centre, offerIds } = await centreWithHourly(10);
    const fams = await families(30);
    const before = structuredClone(bookingBatchStats(t.database.db));
    const responses = await Promise.all(fams.map((f, i) => book(f, offerIds[i % 3]!)));
    expect(responses.map((r) => `${r.statusCode} ${r.statusCode === 201 ? '' : r.body}`)).toEqual(
      responses.map(() => '201 '),
    );
    const after = bookingBatchStats(t.database.db);
    expect(after.open.items - before.open.items).toBe(30);
    expect(after.open.batches - before.open.batches).toBeLessThan(30);
    expect(after.commit.items - before.commit.items).toBe(30);
    expect(after.commit.batches - before.commit.batches).toBeLessThan(30);
    expect(after.commit.largest).toBeGreaterThan(1);
    expect(after.outcomes.ok - before.outcomes.ok).toBe(30);
    expect(after.outcomes.failed - before.outcomes.failed).toBe(0);
    await expectCountersMatchBookings(centre, offerIds);
    // Each booking's key holds its own answer.
    const keys = await t.database.db
      .select()
      .from(idempotencyKeys)
      .where(
        inArray(
          idempotencyKeys.accountId,
          fams.map((f) => f.accountId),
        ),
      );
    expect(keys.length).toBe(30);
    const idOf = new Map(responses.map((r, i) => [fams[i]!.accountId, r.json().booking.id]));
    for (const k of keys) {
      expect(k.responseStatus).toBe(201);
      expect((k.responseBody as { booking: { id: string } }).booking.id).toBe(idOf.get(k.accountId));
    }
  });

  it('take no more than fits: the rest are refused naming the rule', async () => {
    const { centre, offerIds } = await centreWithHourly(4);
    const fams = await families(12);
    const before = structuredClone(bookingBatchStats(t.database.db).outcomes);
    const responses = await Promise.all(fams.map((f) => book(f, offerIds[0]!)));
    // The batch itself takes exactly what fits (the database's own checks are never reached).
    const after = bookingBatchStats(t.database.db).outcomes;
    expect(after.ok - before.ok).toBe(4);
    expect(after.failed - before.failed).toBe(0);
    const won = responses.filter((r) => r.statusCode === 201);
    const refused = responses.filter((r) => r.statusCode === 409);
    expect(won.length).toBe(4);
    expect(refused.length).toBe(8);
    for (const r of refused) {
      expect(r.json().error.code).toBe('booking.full');
      expect(r.json().error.rule).toBe('booking.full');
    }
    await expectCountersMatchBookings(centre, offerIds);
  });

  it('decide a member twice in one batch exactly: one place, the other refused as overlapping', async () => {
    const { centre, offerIds } = await centreWithHourly(10);
    const [f] = await families(1);
    const responses = await Promise.all([
      book(f!, offerIds[1]!),
      book(f!, offerIds[1]!),
      book(f!, offerIds[1]!),
    ]);
    expect(responses.map((r) => r.statusCode).sort()).toEqual([201, 409, 409]);
    for (const r of responses.filter((x) => x.statusCode === 409))
      expect(r.json().error.rule).toBe('booking.overlap');
    await expectCountersMatchBookings(centre, offerIds);
  });

  it('replay one key sent many times at once: one booking, the same answer to each', async () => {
    const { centre, offerIds } = await centreWithHourly(10);
    const [f] = await families(1);
    const key = randomUUID();
    const before = structuredClone(bookingBatchStats(t.database.db).outcomes);
    const responses = await Promise.all(Array.from({ length: 6 }, () => book(f!, offerIds[2]!, key)));
    const after = bookingBatchStats(t.database.db).outcomes;
    expect(after.ok - before.ok).toBe(1);
    expect(after.failed - before.failed).toBe(0);
    expect(responses.map((r) => r.statusCode)).toEqual(responses.map(() => 201));
    expect(new Set(responses.map((r) => r.json().booking.id)).size).toBe(1);
    const mine = await t.database.db.select().from(bookings).where(eq(bookings.memberId, f!.childId));
    expect(mine.length).toBe(1);
    await expectCountersMatchBookings(centre, offerIds);
  });

  it('are read by booking_open_batch exactly as booking_open reads each alone', async () => {
    const { offerIds } = await centreWithHourly(10);
    const fams = await families(4);
    // Live bookings, so that the members' spans are read too.
    for (const [i, f] of fams.entries()) expect((await book(f, offerIds[i % 3]!)).statusCode).toBe(201);
    const items = [
      ...fams.map((f, i) => ({
        accountId: f.accountId,
        memberId: f.childId,
        offerIds: [offerIds[(i + 1) % 3]!],
      })),
      { accountId: fams[0]!.accountId, memberId: fams[0]!.childId, offerIds: [...offerIds] },
      // Another resident's child, and an unknown one: no member.
      { accountId: fams[0]!.accountId, memberId: fams[1]!.childId, offerIds: [offerIds[0]!] },
      { accountId: fams[0]!.accountId, memberId: randomUUID(), offerIds: [offerIds[0]!] },
    ];
    const keys = `{${BOOKING_SETTING_KEYS.join(',')}}`;
    const rows = (r: unknown) => (r as { rows: Record<string, unknown>[] }).rows;
    const [batch] = rows(
      await t.database.db.execute(
        sql`SELECT booking_open_batch(${JSON.stringify(items)}::jsonb, ${keys}::text[]) AS r`,
      ),
    );
    const batched = batch!.r as unknown[];
    expect(batched.length).toBe(items.length);
    for (const [i, item] of items.entries()) {
      const [alone] = rows(
        await t.database.db.execute(
          sql`SELECT booking_open(${item.accountId}::uuid, NULL, NULL, NULL, ${item.memberId}::uuid,
                                  ${`{${item.offerIds.join(',')}}`}::uuid[], ${keys}::text[], false) AS r`,
        ),
      );
      const sortOffers = (x: unknown) => {
        const o = structuredClone(x) as { offers?: { id: string }[] };
        o.offers?.sort((a, b) => a.id.localeCompare(b.id));
        return o;
      };
      expect(sortOffers(batched[i]), `item ${i}`).toEqual(sortOffers(alone!.r));
    }
    expect((batched[5] as { member: unknown }).member).toBeNull();
    expect((batched[6] as { member: unknown }).member).toBeNull();
    // Each family's booking of the day is among its live spans.
    for (const i of [0, 1, 2, 3, 4])
      expect((batched[i] as { liveSpans: unknown[] }).liveSpans.length).toBe(1);
  });
});
