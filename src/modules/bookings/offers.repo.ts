import { and, asc, eq, gte, inArray, lte, type SQL, sql } from 'drizzle-orm';
import type { Executor, Tx } from '../../db/client.js';
import { staffRosters } from '../attendance/attendance.table.js';
import { classes } from '../institutions/classes.table.js';
import { institutions } from '../institutions/institutions.table.js';
import { offers, waitlistEntries } from './bookings.table.js';
import { carersPerSlot } from './segments.js';

export type OfferRow = typeof offers.$inferSelect;
export type NewOffer = typeof offers.$inferInsert;

const pgArray = (values: readonly (string | number)[]) => `{${values.join(',')}}`;

export async function findInstitution(db: Executor, id: string) {
  const [row] = await db
    .select({
      id: institutions.id,
      name: institutions.name,
      kind: institutions.kind,
      status: institutions.status,
      regionCode: institutions.regionCode,
      prices: institutions.prices,
      affordable: institutions.affordable,
      childcareCapacity: institutions.childcareCapacity,
      classCapacity: institutions.classCapacity,
    })
    .from(institutions)
    .where(eq(institutions.id, id));
  return row;
}

export async function findClass(db: Executor, id: string) {
  const [row] = await db.select().from(classes).where(eq(classes.id, id));
  return row;
}

/** Carers rostered per half hour in a class, per day of a range. */
export async function rosteredCarersByDay(
  db: Executor,
  classId: string,
  days: string[],
): Promise<Map<string, number[]>> {
  const rows = await db
    .select({ day: staffRosters.day, startsMin: staffRosters.startsMin, endsMin: staffRosters.endsMin })
    .from(staffRosters)
    .where(and(eq(staffRosters.classId, classId), inArray(staffRosters.day, days)));
  const byDay = new Map<string, { startsMin: number; endsMin: number }[]>();
  for (const r of rows) byDay.set(r.day, [...(byDay.get(r.day) ?? []), r]);
  return new Map(days.map((d) => [d, carersPerSlot(byDay.get(d) ?? [])]));
}

/** Create or refresh the institution days (licensed capacity) for a publication, in key order. */
export async function upsertInstitutionDays(tx: Tx, institutionId: string, days: string[], capacity: number) {
  if (days.length === 0) return;
  await tx.execute(sql`
    INSERT INTO institution_days (institution_id, day, capacity)
    SELECT ${institutionId}::uuid, d, ${capacity} FROM unnest(${pgArray([...days].sort())}::date[]) AS d
    ON CONFLICT (institution_id, day) DO UPDATE
      SET capacity = GREATEST(EXCLUDED.capacity, (SELECT max(p) FROM unnest(institution_days.present) AS p))`);
}

export interface ClassDayFacts {
  classId: string;
  institutionId: string;
  classType: string;
  sizeLimit: number;
  childrenPerCarer: number;
  minAgeMonths: number;
  maxAgeMonths: number;
}

/**
 * Create or refresh the class days of a publication: the limits in force and the carers rostered.
 * A size never drops below the children already booked in any half hour (a class resized after
 * booking keeps what was sold; no further place is sold above the new size).
 */
export async function upsertClassDays(tx: Tx, facts: ClassDayFacts, carersByDay: Map<string, number[]>) {
  const days = [...carersByDay.keys()].sort();
  if (days.length === 0) return;
  const carers = days.map((d) => pgArray(carersByDay.get(d)!));
  await tx.execute(sql`
    INSERT INTO class_days (class_id, day, institution_id, class_type, size_limit, children_per_carer,
                            min_age_months, max_age_months, carers)
    SELECT ${facts.classId}::uuid, d.day, ${facts.institutionId}::uuid, ${facts.classType}, ${facts.sizeLimit},
           ${facts.childrenPerCarer}, ${facts.minAgeMonths}, ${facts.maxAgeMonths}, d.carers::smallint[]
      FROM unnest(${pgArray(days)}::date[], ${`{${carers.map((c) => `"${c}"`).join(',')}}`}::text[]) AS d(day, carers)
    ON CONFLICT (class_id, day) DO UPDATE SET
      class_type = EXCLUDED.class_type,
      size_limit = GREATEST(EXCLUDED.size_limit, (SELECT max(p) FROM unnest(class_days.present) AS p)),
      children_per_carer = EXCLUDED.children_per_carer,
      min_age_months = EXCLUDED.min_age_months,
      max_age_months = EXCLUDED.max_age_months,
      carers = EXCLUDED.carers`);
}

/** Existing offers a publication would shrink below the places already taken. */
export async function offersBelowTaken(db: Executor, rows: NewOffer[]) {
  if (rows.length === 0) return [];
  const first = rows[0]!;
  const existing = await db
    .select({ day: offers.day, startsMin: offers.startsMin, taken: offers.taken, form: offers.form })
    .from(offers)
    .where(
      and(
        eq(offers.institutionId, first.institutionId),
        first.classId ? eq(offers.classId, first.classId) : sql`${offers.classId} IS NULL`,
        eq(offers.service, first.service),
        eq(offers.form, first.form),
        inArray(offers.day, [...new Set(rows.map((r) => r.day))]),
      ),
    );
  const capacityOf = new Map(rows.map((r) => [`${r.day}|${r.startsMin}`, r.capacity]));
  return existing.filter((e) => {
    const capacity = capacityOf.get(`${e.day}|${e.startsMin}`);
    return capacity !== undefined && e.taken > capacity;
  });
}

/** Insert or update offers; returns how many were new. */
export async function upsertOffers(tx: Tx, rows: NewOffer[]): Promise<{ created: number; updated: number }> {
  if (rows.length === 0) return { created: 0, updated: 0 };
  const sorted = [...rows].sort((a, b) =>
    a.day < b.day ? -1 : a.day > b.day ? 1 : a.startsMin - b.startsMin,
  );
  const result = await tx
    .insert(offers)
    .values(sorted)
    .onConflictDoUpdate({
      target: [
        offers.institutionId,
        offers.classId,
        offers.service,
        offers.form,
        offers.day,
        offers.startsMin,
      ],
      set: {
        endsMin: sql`EXCLUDED.ends_min`,
        capacity: sql`EXCLUDED.capacity`,
        priceCents: sql`EXCLUDED.price_cents`,
        subsidyCents: sql`EXCLUDED.subsidy_cents`,
        cutoffMinutes: sql`EXCLUDED.cutoff_minutes`,
        title: sql`EXCLUDED.title`,
        details: sql`EXCLUDED.details`,
        status: 'open',
        updatedAt: sql`now()`,
      },
    })
    .returning({ inserted: sql<boolean>`(xmax = 0)` });
  const created = result.filter((r) => r.inserted).length;
  return { created, updated: result.length - created };
}

export interface OfferFilter {
  institutionId: string;
  from: string;
  to: string;
  service?: string;
  form?: string;
  classId?: string;
  openOnly?: boolean;
}

/** Offers with their class and the number waiting for each. */
export async function listOffers(db: Executor, f: OfferFilter) {
  const conditions: SQL[] = [
    eq(offers.institutionId, f.institutionId),
    gte(offers.day, f.from),
    lte(offers.day, f.to),
  ];
  if (f.service) conditions.push(eq(offers.service, f.service));
  if (f.form) conditions.push(eq(offers.form, f.form));
  if (f.classId) conditions.push(eq(offers.classId, f.classId));
  if (f.openOnly) conditions.push(eq(offers.status, 'open'));
  return db
    .select({
      offer: offers,
      className: classes.name,
      classType: classes.type,
      waiting: sql<number>`(SELECT count(*)::int FROM ${waitlistEntries} w
                            WHERE w.status = 'waiting' AND ${offers.id} = ANY(w.offer_ids))`,
    })
    .from(offers)
    .leftJoin(classes, eq(classes.id, offers.classId))
    .where(and(...conditions))
    .orderBy(asc(offers.day), asc(offers.startsMin), asc(classes.name), asc(offers.form))
    .limit(5000);
}

export async function findOffer(db: Executor, id: string): Promise<OfferRow | undefined> {
  const [row] = await db.select().from(offers).where(eq(offers.id, id));
  return row;
}

export async function lockOffer(tx: Tx, id: string): Promise<OfferRow | undefined> {
  const [row] = await tx.select().from(offers).where(eq(offers.id, id)).for('update');
  return row;
}

export async function updateOffer(tx: Tx, id: string, patch: Partial<NewOffer>) {
  const [row] = await tx
    .update(offers)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(offers.id, id))
    .returning();
  return row!;
}
