import { and, asc, desc, eq, gte, inArray, lt, lte, type SQL, sql } from 'drizzle-orm';
import { type Batcher, batcher, perKey } from '../../db/batcher.js';
import { type Db, type Executor, queryPrepared, sqlStateOf, type Tx } from '../../db/client.js';
import type { MemberRow } from '../households/households.repo.js';
import { householdMembers, households } from '../households/households.table.js';
import { classes } from '../institutions/classes.table.js';
import { institutions } from '../institutions/institutions.table.js';
import type { StoredSetting } from '../settings/settings.service.js';
import { bookingOffers, bookings, offers, waitlistEntries } from './bookings.table.js';
import type { LockedRows } from './places.repo.js';

export type BookingRow = typeof bookings.$inferSelect;
export type NewBooking = typeof bookings.$inferInsert;
export type WaitlistRow = typeof waitlistEntries.$inferSelect;
export type OfferRow = typeof offers.$inferSelect;

const pgArray = (values: readonly (string | number)[]) => `{${values.join(',')}}`;

/** A member of the resident's own household: the households module's lookup. */
export { findOwnMember } from '../households/households.repo.js';

export async function findMember(db: Executor, memberId: string) {
  const [row] = await db
    .select({ member: householdMembers, regionCode: households.regionCode, householdId: households.id })
    .from(householdMembers)
    .innerJoin(households, eq(households.id, householdMembers.householdId))
    .where(eq(householdMembers.id, memberId));
  return row;
}

export async function findOffers(db: Executor, ids: readonly string[]): Promise<OfferRow[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(offers)
    .where(inArray(offers.id, [...ids]));
}

/** Open offers of one form in a class from `fromDay` to `toDay`, in day order. */
export async function findClassOffers(
  db: Executor,
  classId: string,
  form: string,
  fromDay: string,
  toDay: string,
) {
  return db
    .select()
    .from(offers)
    .where(
      and(
        eq(offers.classId, classId),
        eq(offers.form, form),
        eq(offers.service, 'childcare'),
        gte(offers.day, fromDay),
        lte(offers.day, toDay),
        eq(offers.status, 'open'),
      ),
    )
    .orderBy(asc(offers.day), asc(offers.startsMin));
}

/** Whether the member holds a live booking of the service overlapping these offers' times. */
export async function hasOverlap(
  db: Executor,
  memberId: string,
  service: string,
  spans: readonly { day: string; startsMin: number; endsMin: number }[],
  excludeBookingId?: string,
): Promise<string | null> {
  if (spans.length === 0) return null;
  const days = [...new Set(spans.map((s) => s.day))];
  const rows = await db
    .select({ day: offers.day, startsMin: offers.startsMin, endsMin: offers.endsMin })
    .from(bookings)
    .innerJoin(bookingOffers, eq(bookingOffers.bookingId, bookings.id))
    .innerJoin(offers, eq(offers.id, bookingOffers.offerId))
    .where(
      and(
        eq(bookings.memberId, memberId),
        eq(bookings.service, service),
        inArray(bookings.status, ['confirmed', 'held']),
        inArray(offers.day, days),
        excludeBookingId ? sql`${bookings.id} <> ${excludeBookingId}` : undefined,
      ),
    );
  return overlapDay(rows, spans);
}

type Span = { day: string; startsMin: number; endsMin: number };

/** The first day of `spans` on which one of the member's live `held` spans overlaps it. */
export function overlapDay(held: readonly Span[], spans: readonly Span[]): string | null {
  for (const s of spans) {
    if (held.some((r) => r.day === s.day && r.startsMin < s.endsMin && r.endsMin > s.startsMin)) return s.day;
  }
  return null;
}

export async function insertBooking(
  tx: Tx,
  row: NewBooking,
  offerIds: readonly string[],
): Promise<BookingRow> {
  const [booking] = await tx.insert(bookings).values(row).returning();
  await tx.execute(sql`
    INSERT INTO booking_offers (booking_id, offer_id)
    SELECT ${booking!.id}::uuid, o FROM unnest(${pgArray(offerIds)}::uuid[]) AS o`);
  return booking!;
}

export async function lockBooking(tx: Tx, id: string): Promise<BookingRow | undefined> {
  const [row] = await tx.select().from(bookings).where(eq(bookings.id, id)).for('update');
  return row;
}

export async function findBooking(db: Executor, id: string): Promise<BookingRow | undefined> {
  const [row] = await db.select().from(bookings).where(eq(bookings.id, id));
  return row;
}

export async function updateBooking(tx: Tx, id: string, patch: Partial<NewBooking>): Promise<BookingRow> {
  const [row] = await tx
    .update(bookings)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(bookings.id, id))
    .returning();
  return row!;
}

/** The offers a booking holds, in time order. */
export async function bookingOffersOf(db: Executor, bookingIds: readonly string[]) {
  if (bookingIds.length === 0) return [];
  return db
    .select({ bookingId: bookingOffers.bookingId, offer: offers })
    .from(bookingOffers)
    .innerJoin(offers, eq(offers.id, bookingOffers.offerId))
    .where(inArray(bookingOffers.bookingId, [...bookingIds]))
    .orderBy(asc(offers.day), asc(offers.startsMin));
}

export async function removeBookingOffers(tx: Tx, bookingId: string, offerIds: readonly string[]) {
  if (offerIds.length === 0) return;
  await tx
    .delete(bookingOffers)
    .where(and(eq(bookingOffers.bookingId, bookingId), inArray(bookingOffers.offerId, [...offerIds])));
}

/** Waiting entries that want any of `offerIds`, first in line first. */
export async function waitingFor(
  db: Executor,
  offerIds: readonly string[],
  limit = 20,
): Promise<WaitlistRow[]> {
  if (offerIds.length === 0) return [];
  return db
    .select()
    .from(waitlistEntries)
    .where(
      and(
        eq(waitlistEntries.status, 'waiting'),
        sql`${waitlistEntries.offerIds} && ${pgArray(offerIds)}::uuid[]`,
      ),
    )
    .orderBy(asc(waitlistEntries.seq))
    .limit(limit);
}

export async function lockEntries(tx: Tx, ids: readonly string[]): Promise<WaitlistRow[]> {
  if (ids.length === 0) return [];
  return tx
    .select()
    .from(waitlistEntries)
    .where(inArray(waitlistEntries.id, [...ids]))
    .orderBy(asc(waitlistEntries.seq))
    .for('update');
}

export async function insertEntry(tx: Tx, row: typeof waitlistEntries.$inferInsert): Promise<WaitlistRow> {
  const [entry] = await tx.insert(waitlistEntries).values(row).returning();
  return entry!;
}

export async function updateEntry(tx: Tx, id: string, patch: Partial<typeof waitlistEntries.$inferInsert>) {
  const [row] = await tx
    .update(waitlistEntries)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(waitlistEntries.id, id))
    .returning();
  return row!;
}

export async function findEntry(db: Executor, id: string): Promise<WaitlistRow | undefined> {
  const [row] = await db.select().from(waitlistEntries).where(eq(waitlistEntries.id, id));
  return row;
}

export async function findEntryByBooking(db: Executor, bookingId: string): Promise<WaitlistRow | undefined> {
  const [row] = await db.select().from(waitlistEntries).where(eq(waitlistEntries.bookingId, bookingId));
  return row;
}

/**
 * Waiting entries a release may serve, first in line first: those wanting a released offer and,
 * for childcare, every entry of the institution with a place on a released day — an entry refused
 * on the class size, licensed capacity or ratio fits again when any place of that class or
 * institution on that day is freed, not only its own offer.
 */
export async function waitingForRoom(
  db: Executor,
  offerIds: readonly string[],
  room: { institutionId: string; days: readonly string[] } | null,
  limit = 100,
): Promise<WaitlistRow[]> {
  if (offerIds.length === 0 && (!room || room.days.length === 0)) return [];
  const wantsReleased =
    offerIds.length > 0 ? sql`${waitlistEntries.offerIds} && ${pgArray(offerIds)}::uuid[]` : sql`false`;
  const sharesRoom =
    room && room.days.length > 0
      ? sql`(${waitlistEntries.service} = 'childcare' AND ${waitlistEntries.institutionId} = ${room.institutionId}
             AND EXISTS (SELECT 1 FROM offers o WHERE o.id = ANY(${waitlistEntries.offerIds})
                         AND o.day = ANY(${pgArray(room.days)}::date[])))`
      : sql`false`;
  return db
    .select()
    .from(waitlistEntries)
    .where(and(eq(waitlistEntries.status, 'waiting'), sql`(${wantsReleased} OR ${sharesRoom})`))
    .orderBy(asc(waitlistEntries.seq))
    .limit(limit);
}

/** Place in line: waiting entries wanting any of the same offers, joined no later. */
export async function positionOf(db: Executor, entry: WaitlistRow): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(waitlistEntries)
    .where(
      and(
        eq(waitlistEntries.status, 'waiting'),
        sql`${waitlistEntries.offerIds} && ${pgArray(entry.offerIds)}::uuid[]`,
        lte(waitlistEntries.seq, entry.seq),
      ),
    );
  return row?.n ?? 0;
}

/** Held bookings whose time to confirm has run out. */
export async function expiredHolds(db: Executor, now: Date, limit = 100) {
  return db
    .select({ id: bookings.id })
    .from(bookings)
    .where(and(eq(bookings.status, 'held'), lt(bookings.holdExpiresAt, now)))
    .orderBy(asc(bookings.holdExpiresAt))
    .limit(limit);
}

const bookingColumns = {
  booking: bookings,
  institutionName: institutions.name,
  institutionRegion: institutions.regionCode,
  className: classes.name,
  memberName: householdMembers.name,
};

export interface BookingFilter {
  accountId?: string;
  institutionId?: string;
  from?: string;
  to?: string;
  service?: string;
  status?: string;
  classId?: string;
}

export async function listBookings(db: Executor, f: BookingFilter, limit = 500) {
  const conditions: SQL[] = [];
  if (f.accountId) conditions.push(eq(bookings.accountId, f.accountId));
  if (f.institutionId) conditions.push(eq(bookings.institutionId, f.institutionId));
  if (f.from) conditions.push(gte(bookings.lastDay, f.from));
  if (f.to) conditions.push(lte(bookings.firstDay, f.to));
  if (f.service) conditions.push(eq(bookings.service, f.service));
  if (f.status) conditions.push(eq(bookings.status, f.status));
  if (f.classId) conditions.push(eq(bookings.classId, f.classId));
  return db
    .select(bookingColumns)
    .from(bookings)
    .innerJoin(institutions, eq(institutions.id, bookings.institutionId))
    .innerJoin(householdMembers, eq(householdMembers.id, bookings.memberId))
    .leftJoin(classes, eq(classes.id, bookings.classId))
    .where(and(...conditions))
    .orderBy(desc(bookings.firstDay), asc(bookings.startsMin), desc(bookings.createdAt))
    .limit(limit);
}

export async function listEntries(
  db: Executor,
  f: { accountId?: string; institutionId?: string; service?: string; status?: string },
) {
  const conditions: SQL[] = [];
  if (f.accountId) conditions.push(eq(waitlistEntries.accountId, f.accountId));
  if (f.institutionId) conditions.push(eq(waitlistEntries.institutionId, f.institutionId));
  if (f.service) conditions.push(eq(waitlistEntries.service, f.service));
  if (f.status) conditions.push(eq(waitlistEntries.status, f.status));
  return db
    .select({
      entry: waitlistEntries,
      institutionName: institutions.name,
      memberName: householdMembers.name,
      className: classes.name,
    })
    .from(waitlistEntries)
    .innerJoin(institutions, eq(institutions.id, waitlistEntries.institutionId))
    .innerJoin(householdMembers, eq(householdMembers.id, waitlistEntries.memberId))
    .leftJoin(classes, eq(classes.id, waitlistEntries.classId))
    .where(and(...conditions))
    .orderBy(asc(waitlistEntries.seq))
    .limit(500);
}

/** `snake_case` keys of a row as PostgreSQL's to_jsonb gives it, in camelCase; `dates` become Dates. */
const camelNames = new Map<string, string>();
const camelName = (key: string) => {
  let name = camelNames.get(key);
  if (name === undefined) {
    name = key.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
    camelNames.set(key, name);
  }
  return name;
};

function camelRow<T>(
  json: Record<string, unknown>,
  dates: readonly string[] = ['createdAt', 'updatedAt'],
): T {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(json)) {
    const name = camelName(key);
    out[name] = dates.includes(name) && typeof value === 'string' ? new Date(value) : value;
  }
  return out as T;
}

/** A stored Idempotency-Key with its answer. */
export interface StoredAnswer {
  operation: string;
  requestHash: string;
  responseStatus: number | null;
  responseBody: unknown;
}

/** What `booking_open` (migration 0010) returns, in the shapes the rest of the engine uses. */
export interface OpenedBooking {
  /** Set when the Idempotency-Key was already stored: nothing was read or locked. */
  replay?: StoredAnswer | null;
  /** The resident's own active member, or null. */
  member: { member: MemberRow; householdId: string; regionCode: string | null } | null;
  offers: OfferRow[];
  institution: { id: string; name: string; status: string; regionCode: string } | null;
  classType: string | null;
  settings: StoredSetting[];
  state: LockedRows;
  /** The member's status read under its row lock. */
  memberStatus: string | null;
  /** The member's live bookings of the same service on the offers' days. */
  liveSpans: Span[];
}

type Json = Record<string, unknown>;
type RawOpened = Omit<OpenedBooking, 'member' | 'offers' | 'institution' | 'settings'> & {
  member: Json | null;
  householdId: string;
  regionCode: string | null;
  offers: Json[];
  institution: Json | null;
  settings: Json[];
};

type OpenItem = { accountId: string; memberId: string; offerIds: readonly string[] };

/**
 * Unlocked first looks without a key, gathered with the others arriving together into one
 * `booking_open_batch` statement (migration 0011): one batcher per database and list of setting keys.
 */
const openBatchers = perKey((_db: Db) => new Map<string, Batcher<OpenItem, RawOpened>>());

function openBatcher(db: Db, settingKeys: readonly string[]): Batcher<OpenItem, RawOpened> {
  const byKeys = openBatchers(db);
  const keys = pgArray(settingKeys);
  let made = byKeys.get(keys);
  if (!made) {
    made = batcher(
      async (items: OpenItem[]) => {
        const [row] = await queryPrepared<{ opened: RawOpened[] }>(
          db,
          'booking_open_batch',
          'SELECT booking_open_batch($1::jsonb, $2::text[]) AS opened',
          [JSON.stringify(items), keys],
        );
        return row!.opened;
      },
      { maxBatch: 64, maxInFlight: 4 },
    );
    byKeys.set(keys, made);
  }
  return made;
}

/**
 * One round trip for everything POST /api/bookings reads: claims the Idempotency-Key, reads the
 * member, offers, institution, class type and candidate settings, and locks the places (in the
 * engine's global order) and the member.
 */
export async function openBooking(
  tx: Tx,
  args: {
    accountId: string;
    key: string | null;
    operation: string;
    requestHash: string | null;
    memberId: string;
    offerIds: readonly string[];
    settingKeys: readonly string[];
  },
): Promise<OpenedBooking> {
  const [row] = await queryPrepared<{ opened: RawOpened }>(
    tx,
    'booking_open',
    'SELECT booking_open($1::uuid, $2::text, $3::text, $4::text, $5::uuid, $6::uuid[], $7::text[], true) AS opened',
    [
      args.accountId,
      args.key,
      args.operation,
      args.requestHash,
      args.memberId,
      pgArray(args.offerIds),
      pgArray(args.settingKeys),
    ],
  );
  return opened(row!.opened);
}

/**
 * The optimistic first look: what `openBooking` reads, without locks and without claiming a key,
 * sent together with the other first looks arriving at the same moment.
 */
export async function peekBooking(
  db: Db,
  args: { accountId: string; memberId: string; offerIds: readonly string[]; settingKeys: readonly string[] },
): Promise<OpenedBooking> {
  const { settingKeys, accountId, memberId, offerIds } = args;
  return opened(await openBatcher(db, settingKeys)({ accountId, memberId, offerIds }));
}

function opened(raw: RawOpened): OpenedBooking {
  if ('replay' in raw) return { replay: raw.replay } as OpenedBooking;
  if (!raw.member) return { member: null } as OpenedBooking;
  return {
    member: {
      member: camelRow<MemberRow>(raw.member),
      householdId: raw.householdId,
      regionCode: raw.regionCode,
    },
    offers: raw.offers.map((o) => camelRow<OfferRow>(o)),
    institution: raw.institution ? camelRow(raw.institution, []) : null,
    classType: raw.classType,
    settings: raw.settings.map((r) => camelRow<StoredSetting>(r, [])),
    state: raw.state,
    memberStatus: raw.memberStatus,
    liveSpans: raw.liveSpans,
  };
}

/** The writes of a decided booking, applied by `booking_write` (migration 0010) in one round trip. */
export interface BookingWrites {
  offers: { id: string; taken: number }[];
  classDays: { classId: string; day: string; present: number[] }[];
  institutionDays: { institutionId: string; day: string; present: number[] }[];
  booking?: BookingRow;
  offerIds?: readonly string[];
  audit?: object[];
  notifications?: object[];
  deliveries?: object[];
  idempotency?: { accountId: string; key: string; status: number; body: unknown };
}

export async function writeBooking(tx: Tx, writes: BookingWrites): Promise<void> {
  await queryPrepared(tx, 'booking_write', 'SELECT booking_write($1::jsonb)', [JSON.stringify(writes)]);
}

/** What `booking_commit` (migration 0010) takes: a booking decided on an unlocked read. */
export interface BookingCommit extends Omit<BookingWrites, 'offers' | 'classDays' | 'institutionDays'> {
  accountId: string;
  key: string | null;
  operation: string;
  requestHash: string | null;
  memberId: string;
  service: string;
  spans: Span[];
  classSlots: { classId: string; day: string; slots: number[] }[];
  institutionSlots: { institutionId: string; day: string; slots: number[] }[];
}

/** `booking_commit` found the places changed: nothing was written; the rows as they are now. */
export interface CommitRefused {
  changed: true;
  state: LockedRows;
  memberStatus: string | null;
  liveSpans: Span[];
}

/**
 * One statement: lock, re-check that the place still fits, write. `changed` with the rows as they
 * are now when it no longer fits (nothing written); `replay` when the key was already stored.
 */
export async function commitBooking(
  db: Executor,
  commit: BookingCommit,
): Promise<CommitRefused | { ok: true; replay?: undefined } | { replay: StoredAnswer | null }> {
  const [row] = await queryPrepared<{
    result: CommitRefused | { ok: true } | { replay: StoredAnswer | null };
  }>(db, 'booking_commit', 'SELECT booking_commit($1::jsonb) AS result', [JSON.stringify(commit)]);
  return row!.result;
}

/** Bookings committed together: at most this many in one statement, and this many statements at once. */
export const COMMIT_BATCH = { maxBatch: 64, maxInFlight: 2 };

const commitBatcher = perKey((db: Db) =>
  batcher(async (commits: BookingCommit[]) => {
    const [row] = await queryPrepared<{ result: ({ ok: true } | { retry: true })[] }>(
      db,
      'booking_commit_batch',
      'SELECT booking_commit_batch($1::jsonb) AS result',
      [JSON.stringify(commits)],
    );
    return row!.result;
  }, COMMIT_BATCH),
);

/**
 * What became of the bookings sent to `booking_commit_batch`: accepted, sent back to be committed
 * alone, or in a batch that failed.
 */
const commitOutcomes = perKey((_db: Db) => ({ ok: 0, retried: 0, failed: 0 }));

/** How the first looks and the commits of bookings on `db` were batched so far. */
export function bookingBatchStats(db: Db) {
  const open = { batches: 0, items: 0, largest: 0 };
  for (const b of openBatchers(db).values()) {
    open.batches += b.stats.batches;
    open.items += b.stats.items;
    open.largest = Math.max(open.largest, b.stats.largest);
  }
  return { open, commit: commitBatcher(db).stats, outcomes: commitOutcomes(db) };
}

/**
 * `commitBooking`, gathered with the other bookings committing at the same moment into one
 * `booking_commit_batch` statement (migration 0011). A booking the batch does not accept (it no
 * longer fits counting the others, its member or key is in the batch twice, its key is stored) is
 * committed alone, which gives the exact answer; so is every booking of a batch that failed with an
 * error the server reported (the batch's transaction rolled back: nothing of it was written).
 */
export async function commitBookingBatched(db: Db, commit: BookingCommit): ReturnType<typeof commitBooking> {
  const outcomes = commitOutcomes(db);
  try {
    const result = await commitBatcher(db)(commit);
    if ('ok' in result) {
      outcomes.ok++;
      return { ok: true };
    }
    outcomes.retried++;
  } catch (error) {
    if (!sqlStateOf(error)) throw error;
    outcomes.failed++;
  }
  return commitBooking(db, commit);
}

/**
 * A request with an Idempotency-Key about to be refused on an unlocked read: the key's stored answer
 * when it is a retry (one still running with the key is waited for), or null when the key is free.
 */
export async function probeKey(
  db: Db,
  args: { accountId: string; key: string; operation: string; requestHash: string },
): Promise<StoredAnswer | null> {
  const [row] = await queryPrepared<{ stored: StoredAnswer | null }>(
    db,
    'idempotency_probe',
    'SELECT idempotency_probe($1::uuid, $2::text, $3::text, $4::text) AS stored',
    [args.accountId, args.key, args.operation, args.requestHash],
  );
  return row!.stored;
}
