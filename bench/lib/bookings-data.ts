/**
 * The bookings benchmark's data: filed childcare centres with toddler classes of 15, three carers
 * rostered all day in each (1:5, room for 15), hourly places published through the API (08:00–
 * 18:00, capacity 10 a slot), resident families with a child of 18 months and a session each; and
 * the SQL that checks, afterwards, that nothing was oversold and every counter equals the live
 * bookings behind it.
 */
import type pg from 'pg';
import type { Database } from '../../src/db/client.js';
import { staffRosters } from '../../src/modules/attendance/attendance.table.js';
import {
  insertAccountSession,
  insertFamilies,
  type LoadFamily,
} from '../../src/modules/bookings/bookings.fixtures.js';
import { offers } from '../../src/modules/bookings/bookings.table.js';
import { classes } from '../../src/modules/institutions/classes.table.js';
import { institutions } from '../../src/modules/institutions/institutions.table.js';
import { staff } from '../../src/modules/institutions/staff.table.js';
import { chinaToday, isWorkingDay } from '../../src/standards/working-days.js';

export interface BookingsWorld {
  day: string;
  offerIds: string[];
  families: LoadFamily[];
}

const dayAfter = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** The first official working day a week or more ahead (China's calendar). */
export function careDay(): string {
  for (let n = 7; ; n++) if (isWorkingDay(dayAfter(chinaToday(), n))) return dayAfter(chinaToday(), n);
}

const monthsBefore = (day: string, months: number) => {
  const [y, m] = day.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m - 1 - months, 15)).toISOString().slice(0, 10);
};

export async function seedBookings(
  database: Database,
  baseUrl: string,
  sizes: { institutions: number; classesEach: number; capacity: number; families: number },
): Promise<BookingsWorld> {
  const db = database.db;
  const day = careDay();
  const offerIds: string[] = [];
  for (let i = 0; i < sizes.institutions; i++) {
    const [inst] = await db
      .insert(institutions)
      .values({
        name: `压测托育中心${i + 1}`,
        kind: 'childcare_centre',
        regionCode: '130102001001',
        status: 'filed',
        childcareCapacity: sizes.classesEach * 15,
      })
      .returning({ id: institutions.id });
    const institutionId = inst!.id;
    const classRows = await db
      .insert(classes)
      .values(
        Array.from({ length: sizes.classesEach }, (_, c) => ({
          institutionId,
          name: `托小${c + 1}班`,
          type: 'toddler',
          capacity: 15,
        })),
      )
      .returning({ id: classes.id });
    const carers = await db
      .insert(staff)
      .values(
        classRows.flatMap((c, n) =>
          [1, 2, 3].map((k) => ({ institutionId, classId: c.id, name: `保育员${n}-${k}`, role: 'carer' })),
        ),
      )
      .returning({ id: staff.id, classId: staff.classId });
    await db.insert(staffRosters).values(
      carers.map((s) => ({
        institutionId,
        classId: s.classId!,
        staffId: s.id,
        day,
        startsMin: 8 * 60,
        endsMin: 18 * 60,
      })),
    );
    const admin = await insertAccountSession(db, {
      role: 'institution_admin',
      regionCode: '130102001001',
      institutionId,
    });
    const headers = {
      cookie: admin.cookie,
      'x-csrf-token': admin.csrfToken,
      'content-type': 'application/json',
    };
    for (const c of classRows) {
      const res = await fetch(`${baseUrl}/api/institutions/${institutionId}/offers`, {
        method: 'POST',
        headers,
        body: JSON.stringify({
          service: 'childcare',
          form: 'hourly',
          classId: c.id,
          from: day,
          to: day,
          startsAt: '08:00',
          endsAt: '18:00',
          slotMinutes: 60,
          capacity: sizes.capacity,
          price: 30,
        }),
      });
      if (res.status !== 200) throw new Error(`publishing failed: ${res.status} ${await res.text()}`);
    }
  }
  const rows = await db.select({ id: offers.id }).from(offers);
  offerIds.push(...rows.map((r) => r.id));
  const families = await insertFamilies(db, sizes.families, {
    birthDate: monthsBefore(day, 18),
    healthCheckOn: dayAfter(chinaToday(), -20),
  });
  return { day, offerIds, families };
}

/** Live bookings per half hour, as the class and institution days should count them. */
const LIVE_SLOTS = `
  SELECT o.institution_id, o.class_id, o.day, s
    FROM bookings b
    JOIN booking_offers bo ON bo.booking_id = b.id
    JOIN offers o ON o.id = bo.offer_id,
         generate_series((o.starts_min - 360) / 30, (o.ends_min - 360 + 29) / 30 - 1) AS s
   WHERE b.status IN ('confirmed', 'held') AND o.service = 'childcare'`;

/** Every count that must be zero after the run, by name. */
export const VERIFY: Record<string, string> = {
  'offers oversold (taken > capacity)': 'SELECT count(*) FROM offers WHERE taken > capacity',
  'offers whose taken ≠ live bookings holding them': `
    SELECT count(*) FROM offers o
     WHERE o.taken <> (SELECT count(*) FROM booking_offers bo JOIN bookings b ON b.id = bo.booking_id
                        WHERE bo.offer_id = o.id AND b.status IN ('confirmed', 'held'))`,
  'class half hours over size': `
    SELECT count(*) FROM class_days c, generate_subscripts(c.present, 1) i WHERE c.present[i] > c.size_limit`,
  'class half hours out of ratio': `
    SELECT count(*) FROM class_days c, generate_subscripts(c.present, 1) i
     WHERE c.present[i] > c.carers[i] * c.children_per_carer`,
  'class half hours whose present ≠ live bookings': `
    WITH n AS (SELECT class_id, day, s, count(*) AS n FROM (${LIVE_SLOTS}) l GROUP BY 1, 2, 3)
    SELECT count(*) FROM class_days c CROSS JOIN LATERAL generate_subscripts(c.present, 1) AS i
      LEFT JOIN n ON n.class_id = c.class_id AND n.day = c.day AND n.s = i - 1
     WHERE c.present[i] <> coalesce(n.n, 0)`,
  'institution half hours over licensed capacity': `
    SELECT count(*) FROM institution_days d, generate_subscripts(d.present, 1) i WHERE d.present[i] > d.capacity`,
  'institution half hours whose present ≠ live bookings': `
    WITH n AS (SELECT institution_id, day, s, count(*) AS n FROM (${LIVE_SLOTS}) l GROUP BY 1, 2, 3)
    SELECT count(*) FROM institution_days d CROSS JOIN LATERAL generate_subscripts(d.present, 1) AS i
      LEFT JOIN n ON n.institution_id = d.institution_id AND n.day = d.day AND n.s = i - 1
     WHERE d.present[i] <> coalesce(n.n, 0)`,
  'members double-booked at the same time': `
    SELECT count(*) FROM (
      SELECT b.member_id, o.day, o.starts_min FROM bookings b
        JOIN booking_offers bo ON bo.booking_id = b.id JOIN offers o ON o.id = bo.offer_id
       WHERE b.status IN ('confirmed', 'held') GROUP BY 1, 2, 3 HAVING count(*) > 1) x`,
};

export async function verify(pool: pg.Pool): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const [name, text] of Object.entries(VERIFY)) {
    out[name] = Number((await pool.query(text)).rows[0].count);
  }
  return out;
}
