/**
 * 500 families race for 20 places, 20 times over: every round a fresh older-toddler class of 20
 * with 3 carers rostered (1:7, room for 21), one temporary-care offer of 20, and 500 resident
 * families firing POST /api/bookings at once — half of them asking for the waitlist. Exactly 20
 * win; everyone else is refused as full or queued in a line numbered 1, 2, 3… without gaps; no
 * counter ends above its limit and nothing fails. PostgreSQL only: PGlite is one connection, so
 * nothing there ever runs at the same time.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../db/client.js';
import { buildApp } from '../../server/app.js';
import { createTestApp, type TestApp } from '../../test/app.js';
import { careDayAhead, monthsBefore } from '../../test/bookings.js';
import { TEST_DB_KIND, TEST_PG_URL } from '../../test/database.js';
import { buildClass, buildStaff, dayFromToday } from '../../test/institutions.js';
import { seedTestRegions } from '../../test/regions.js';
import { staffRosters } from '../attendance/attendance.table.js';
import { institutions } from '../institutions/institutions.table.js';
import { injectAs, insertAccountSession, insertFamilies } from './bookings.fixtures.js';
import { bookings, classDays, institutionDays, offers, waitlistEntries } from './bookings.table.js';

const onPostgres = TEST_DB_KIND === 'postgres';
const ROUNDS = Number(process.env.RACE_ROUNDS ?? 20);
const CLIENTS = 500;
const PLACES = 20;

/** Connections of the racing app's own pool (the test app's 10 would let the lock holder starve the rest). */
const POOL = Number(process.env.RACE_POOL ?? 30);

let t: TestApp;
/** The app the families race on: the test app's database, through a pool of POOL connections. */
let racing: FastifyInstance;
let racingDatabase: Database;
let day: string;

beforeAll(async () => {
  if (!onPostgres) return;
  t = await createTestApp();
  await seedTestRegions(t.database);
  day = careDayAhead(5);
  const current = await t.database.db.execute(sql`SELECT current_database() AS name`);
  const { name } = (current as unknown as { rows: [{ name: string }] }).rows[0];
  const url = new URL(TEST_PG_URL);
  url.pathname = `/${name}`;
  racingDatabase = await openDatabase({ url: url.toString(), poolSize: POOL });
  racing = await buildApp({
    database: racingDatabase,
    config: t.config,
    cipher: t.cipher,
    logger: false,
    serveWeb: false,
  });
  await racing.ready();
});
afterAll(async () => {
  await racing?.close();
  await racingDatabase?.close();
  await t?.app.close();
  await t?.database.close();
});

/** A filed centre with one older-toddler class of 20, 3 carers on shift, and one offer of 20 places. */
async function freshOffer(round: number) {
  const db = t.database.db;
  const [inst] = await db
    .insert(institutions)
    .values({
      name: `抢位托育中心${round}`,
      kind: 'childcare_centre',
      regionCode: '130102001001',
      status: 'filed',
    })
    .returning({ id: institutions.id });
  const institutionId = inst!.id;
  const { id: classId } = await buildClass(t, institutionId, { type: 'older_toddler', capacity: PLACES });
  for (let i = 0; i < 3; i++) {
    const { id: staffId } = await buildStaff(t, institutionId, { classId });
    await db
      .insert(staffRosters)
      .values({ institutionId, classId, staffId, day, startsMin: 8 * 60, endsMin: 18 * 60 });
  }
  const admin = await insertAccountSession(db, {
    role: 'institution_admin',
    regionCode: '130102001001',
    institutionId,
  });
  const published = await injectAs(t.app, admin, 'POST', `/api/institutions/${institutionId}/offers`, {
    service: 'childcare',
    form: 'temporary',
    classId,
    from: day,
    to: day,
    startsAt: '08:00',
    endsAt: '17:00',
    capacity: PLACES,
  });
  expect(published.statusCode, published.body).toBe(200);
  const [offer] = await db.select().from(offers).where(eq(offers.institutionId, institutionId));
  return { institutionId, classId, offerId: offer!.id };
}

it.skipIf(!onPostgres)(
  `${CLIENTS} concurrent clients × ${ROUNDS} rounds take exactly ${PLACES} places each (PostgreSQL only: PGlite is a single connection)`,
  async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const { institutionId, classId, offerId } = await freshOffer(round);
      const families = await insertFamilies(t.database.db, CLIENTS, {
        birthDate: monthsBefore(day, 30),
        healthCheckOn: dayFromToday(-20),
      });
      const responses = await Promise.all(
        families.map((f, i) =>
          injectAs(
            racing,
            f,
            'POST',
            '/api/bookings',
            { memberId: f.childId, offerIds: [offerId], waitlist: i % 2 === 0 },
            { 'idempotency-key': randomUUID() },
          ),
        ),
      );
      const by = (status: number) => responses.filter((r) => r.statusCode === status);
      const unexpected = responses.filter((r) => ![201, 202, 409].includes(r.statusCode));
      expect(
        unexpected.map((r) => `${r.statusCode} ${r.body}`),
        `round ${round}`,
      ).toEqual([]);
      const won = by(201);
      expect(won.length, `round ${round}: 201s`).toBe(PLACES);
      const wonWithWaitlist = responses.filter((r, i) => r.statusCode === 201 && i % 2 === 0).length;
      expect(by(202).length, `round ${round}: 202s`).toBe(CLIENTS / 2 - wonWithWaitlist);
      expect(by(409).length, `round ${round}: 409s`).toBe(CLIENTS / 2 - (PLACES - wonWithWaitlist));
      expect(new Set(by(409).map((r) => r.json().error.code))).toEqual(new Set(['booking.full']));
      // The line is numbered in the order places were refused: 1…n, no gaps, no duplicates.
      const positions = by(202)
        .map((r) => r.json().waitlist.position as number)
        .sort((a, b) => a - b);
      expect(positions).toEqual(positions.map((_, i) => i + 1));

      const db = t.database.db;
      const [offer] = await db.select().from(offers).where(eq(offers.id, offerId));
      expect(offer!.taken).toBe(PLACES);
      const [cd] = await db
        .select()
        .from(classDays)
        .where(and(eq(classDays.classId, classId), eq(classDays.day, day)));
      expect(Math.max(...cd!.present)).toBe(PLACES);
      const [inst] = await db
        .select()
        .from(institutionDays)
        .where(and(eq(institutionDays.institutionId, institutionId), eq(institutionDays.day, day)));
      expect(Math.max(...inst!.present)).toBe(PLACES);
      const rows = await db.select().from(bookings).where(eq(bookings.institutionId, institutionId));
      expect(rows.length).toBe(PLACES);
      expect(new Set(rows.map((r) => r.id))).toEqual(new Set(won.map((r) => r.json().booking.id)));
      expect(rows.every((r) => r.status === 'confirmed')).toBe(true);
      const entries = await db
        .select()
        .from(waitlistEntries)
        .where(eq(waitlistEntries.institutionId, institutionId));
      expect(entries.length).toBe(by(202).length);
    }
  },
  300_000,
);

it.skipIf(!onPostgres)(
  'a retry racing its original (same Idempotency-Key, same body) gets the same booking, taken once — on the optimistic and on the locked path',
  async () => {
    const { offerId } = await freshOffer(ROUNDS);
    const families = await insertFamilies(t.database.db, 2, {
      birthDate: monthsBefore(day, 30),
      healthCheckOn: dayFromToday(-20),
    });
    for (const [i, family] of families.entries()) {
      const key = randomUUID();
      // `waitlist: true` sends the request down the locked path; without it, the optimistic one.
      const body = { memberId: family.childId, offerIds: [offerId], waitlist: i === 1 };
      const responses = await Promise.all(
        Array.from({ length: 12 }, () =>
          injectAs(racing, family, 'POST', '/api/bookings', body, { 'idempotency-key': key }),
        ),
      );
      expect(responses.map((r) => `${r.statusCode} ${r.statusCode === 201 ? '' : r.body}`)).toEqual(
        responses.map(() => '201 '),
      );
      expect(new Set(responses.map((r) => r.json().booking.id)).size).toBe(1);
      const mine = await t.database.db.select().from(bookings).where(eq(bookings.memberId, family.childId));
      expect(mine.length).toBe(1);
    }
    const [offer] = await t.database.db.select().from(offers).where(eq(offers.id, offerId));
    expect(offer!.taken).toBe(2);
  },
  60_000,
);
