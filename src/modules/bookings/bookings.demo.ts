/**
 * Demo places: a month of rosters and places at the demo childcare centre (full-day enrolment,
 * hourly and temporary care per class), lunch and dinner sittings with menus at the demo elderly
 * centre, and appointments at a guidance centre in Chang'an. Published through the same service
 * an institution's admin uses, as that admin. Idempotent: skipped when places exist.
 */
import { and, count, eq, inArray, like } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import type { RequestContext } from '../../server/context.js';
import { chinaToday, isWorkingDay } from '../../standards/working-days.js';
import { DEMO_INSTITUTIONS } from '../accounts/accounts.demo.js';
import { accounts } from '../accounts/accounts.table.js';
import { toActor } from '../accounts/auth.service.js';
import { staffRosters } from '../attendance/attendance.table.js';
import { classes } from '../institutions/classes.table.js';
import { institutions } from '../institutions/institutions.table.js';
import { staff } from '../institutions/staff.table.js';
import { offers } from './bookings.table.js';
import { addMonths, eachDay, monthRange } from './days.js';
import { publishOffers } from './offers.service.js';

const LUNCH = ['红烧鸡块', '清炒时蔬', '番茄蛋汤', '米饭'];
const DINNER = ['肉末豆腐', '西兰花', '小米粥', '馒头'];

function asAccount(row: typeof accounts.$inferSelect): RequestContext {
  return { actor: toActor(row), lang: 'zh-CN', ip: null, userAgent: 'doorstep-demo' };
}

async function contextFor(db: Database['db'], username: string) {
  const [row] = await db.select().from(accounts).where(eq(accounts.username, username));
  return row ? asAccount(row) : null;
}

async function institutionByName(db: Database['db'], name: string) {
  const [row] = await db.select().from(institutions).where(eq(institutions.name, name));
  return row;
}

export async function seedDemoBookings(database: Database): Promise<number> {
  const db = database.db;
  const [existing] = await db.select({ n: count() }).from(offers);
  if (Number(existing?.n ?? 0) > 0) return 0;
  const today = chinaToday();
  // From today (places of today that have not started can still be booked) to the end of next month.
  const from = eachDay(today, addMonths(today, 1)).find((d) => isWorkingDay(d)) ?? today;
  const next = monthRange(
    new Date(Date.parse(`${today.slice(0, 7)}-15T00:00:00Z`) + 31 * 86_400_000).toISOString().slice(0, 7),
  );
  const to = next.last;
  const careDays = eachDay(from, to).filter(isWorkingDay);
  let published = 0;

  const sunshine = await institutionByName(db, DEMO_INSTITUTIONS[0].name);
  const sunshineAdmin = await contextFor(db, 'sunshine.admin');
  if (sunshine && sunshineAdmin && sunshine.status === 'filed') {
    const classRows = await db
      .select()
      .from(classes)
      .where(and(eq(classes.institutionId, sunshine.id), eq(classes.status, 'active')));
    const carers = await db
      .select()
      .from(staff)
      .where(and(eq(staff.institutionId, sunshine.id), inArray(staff.role, ['carer', 'teacher'])));
    // Each class's carers work 08:00–17:30; the second carer of a class leaves at 16:00 on Fridays.
    const rosterRows = careDays.flatMap((day) =>
      carers
        .filter((c) => c.classId)
        .map((c, i) => ({
          institutionId: sunshine.id,
          classId: c.classId!,
          staffId: c.id,
          day,
          startsMin: 8 * 60,
          endsMin: new Date(`${day}T00:00:00Z`).getUTCDay() === 5 && i % 2 === 1 ? 16 * 60 : 17 * 60 + 30,
        })),
    );
    for (let i = 0; i < rosterRows.length; i += 500)
      await db.insert(staffRosters).values(rosterRows.slice(i, i + 500));
    for (const cls of classRows) {
      const base = { service: 'childcare' as const, classId: cls.id, from, to };
      const runs = [
        {
          ...base,
          form: 'full_day',
          startsAt: '08:00',
          endsAt: '17:00',
          capacity: Math.max(1, cls.capacity - 3),
          price: sunshine.prices.full_day ?? 2200,
        },
        {
          ...base,
          form: 'hourly',
          startsAt: '09:00',
          endsAt: '12:00',
          slotMinutes: 60,
          capacity: 2,
          cutoffMinutes: 60,
          price: 40,
        },
        {
          ...base,
          form: 'hourly',
          startsAt: '14:00',
          endsAt: '17:00',
          slotMinutes: 60,
          capacity: 2,
          cutoffMinutes: 60,
          price: 40,
        },
        {
          ...base,
          form: 'temporary',
          startsAt: '08:00',
          endsAt: '17:00',
          capacity: 1,
          cutoffMinutes: 30,
          price: 160,
        },
      ];
      for (const run of runs) {
        const result = await publishOffers(db, sunshineAdmin, sunshine.id, run);
        published += result.created;
      }
    }
  }

  const elderly = await institutionByName(db, DEMO_INSTITUTIONS[1].name);
  const elderlyAdmin = await contextFor(db, 'elderly.admin');
  if (elderly && elderlyAdmin && elderly.status === 'filed') {
    for (const sitting of [
      { form: 'lunch', startsAt: '11:30', endsAt: '12:30', capacity: 60, price: 15, dishes: LUNCH },
      { form: 'dinner', startsAt: '17:00', endsAt: '18:00', capacity: 30, price: 12, dishes: DINNER },
    ]) {
      const result = await publishOffers(db, elderlyAdmin, elderly.id, {
        service: 'meal',
        form: sitting.form,
        from,
        to,
        startsAt: sitting.startsAt,
        endsAt: sitting.endsAt,
        capacity: sitting.capacity,
        price: sitting.price,
        cutoffMinutes: 180,
        includeRestDays: true,
        details: { dishes: sitting.dishes },
      });
      published += result.created;
    }
  }

  // A guidance centre in Shijiazhuang offers consultations and developmental checks.
  const [guidance] = await db
    .select()
    .from(institutions)
    .where(
      and(
        eq(institutions.kind, 'childcare_guidance_centre'),
        eq(institutions.status, 'filed'),
        like(institutions.regionCode, '1301%'),
      ),
    )
    .limit(1);
  const admin = await contextFor(db, 'admin');
  if (guidance && admin) {
    for (const run of [
      {
        form: 'consultation',
        startsAt: '09:00',
        endsAt: '11:30',
        slotMinutes: 30,
        capacity: 1,
        price: 0,
        title: '育儿咨询（免费）',
      },
      {
        form: 'developmental_check',
        startsAt: '14:00',
        endsAt: '16:00',
        slotMinutes: 60,
        capacity: 2,
        price: 50,
        title: '0–3 岁发育评估',
      },
    ]) {
      const result = await publishOffers(db, admin, guidance.id, {
        service: 'appointment',
        from,
        to: careDays[Math.min(careDays.length - 1, 14)] ?? to,
        ...run,
      });
      published += result.created;
    }
  }
  return published;
}
