/**
 * The demo county (Chang'an district, Shijiazhuang): a roster of about 60,000 older people spread
 * over its communities in proportion to their 60+ population, with flags from four departments in
 * plausible proportions and capability assessments for those who need them; Shijiazhuang's demo
 * programs evaluated for everyone with last month's and this month's entitlements; caregivers at
 * the demo elderly centre and a month of door-to-door visits (most verified, some exceptions),
 * drawn on entitlements, and last month's settlement generated. Idempotent: skipped when the
 * roster has anyone.
 */
import { randomUUID } from 'node:crypto';
import { count, eq, like, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { hashPassword } from '../../lib/passwords.js';
import type { FieldCipher } from '../../lib/secrets.js';
import type { RequestContext } from '../../server/context.js';
import {
  CURRENT_CAPABILITY_ASSESSMENT,
  type ItemKey,
  scoreAssessment,
} from '../../standards/capability-assessment.js';
import { buildIdNumber } from '../../standards/id-number.js';
import { chinaToday } from '../../standards/working-days.js';
import { DEMO_INSTITUTIONS, DEMO_PASSWORD } from '../accounts/accounts.demo.js';
import { accounts } from '../accounts/accounts.table.js';
import { toActor } from '../accounts/auth.service.js';
import { recordAudit } from '../audit/audit.service.js';
import { DRAW_ACTION, drawForOrder } from '../homecare/entitlements.draw.js';
import { serviceItems } from '../homecare/homecare.table.js';
import { generateSettlement } from '../homecare/settlements.service.js';
import { institutions } from '../institutions/institutions.table.js';
import { olderPeople } from '../people/people.table.js';
import { seedDemoPrograms } from '../programs/programs.demo.js';
import { generateEntitlements } from '../programs/programs.entitlements.js';
import { evaluateProgram } from '../programs/programs.evaluate.js';
import { programs } from '../programs/programs.table.js';

export const DEMO_COUNTY = '130102';
/** Share of the 60+ residents on the roster (the rest live elsewhere or are not yet reported). */
const ROSTER_SHARE = 0.68;
const DEMO_EVALUATED = [
  'HOMECARE_ALONE_80',
  'HOMECARE_DISABLED',
  'AGE_ALLOWANCE_80',
  'DISABILITY_CARE_SEVERE',
];

const SURNAMES =
  '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文';
const GIVEN = '秀英桂兰凤玉珍淑华兰芳明国建志文德福荣金春海宝庆山林平永成贵云霞英梅丽敏静洁淑芬翠荣德胜利军';

/** A small deterministic generator, so the demo is the same on every machine. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function contextOf(row: typeof accounts.$inferSelect): RequestContext {
  return { actor: toActor(row), lang: 'zh-CN', ip: null, userAgent: 'doorstep-demo' };
}

const csvCell = (v: unknown) => {
  if (v === null || v === undefined) return '';
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
const csv = (rows: unknown[][]) => rows.map((r) => r.map(csvCell).join(',')).join('\n');

interface Person {
  id: string;
  regionCode: string;
  birthDate: string;
  lat: number;
  lng: number;
  flags: string[];
}

const monthOf = (day: string) => day.slice(0, 7);
function previousMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 2, 1));
  return d.toISOString().slice(0, 7);
}

export async function seedDemoCounty(
  database: Database,
  cipher: FieldCipher,
  log: (line: string) => void = () => {},
): Promise<{ people: number; visits: number }> {
  const db = database.db;
  const [existing] = await db.select({ n: count() }).from(olderPeople);
  if (Number(existing?.n ?? 0) > 0) return { people: 0, visits: 0 };
  const random = rng(20261123);
  const today = chinaToday();
  const year = Number(today.slice(0, 4));
  const communities = (await db.execute(sql`
    SELECT p.code, p.aged_60_plus, p.aged_80_plus FROM region_populations p
     WHERE p.code LIKE ${`${DEMO_COUNTY}%`} AND length(p.code) = 12
       AND p.year = (SELECT max(year) FROM region_populations WHERE code LIKE ${`${DEMO_COUNTY}%`})
     ORDER BY p.code`)) as unknown as {
    rows: { code: string; aged_60_plus: number; aged_80_plus: number }[];
  };

  // ── the roster ──
  const people: Person[] = [];
  const personRows: unknown[][] = [];
  const flagRows: unknown[][] = [];
  const sequences = new Map<string, number>();
  for (const [ci, c] of communities.rows.entries()) {
    const n = Math.round(Number(c.aged_60_plus) * ROSTER_SHARE);
    const share80 = Number(c.aged_60_plus) > 0 ? Number(c.aged_80_plus) / Number(c.aged_60_plus) : 0.12;
    // Each community sits in its own patch of the district around the centre of Chang'an.
    const baseLat = 38.035 + ((ci * 37) % 40) * 0.0012;
    const baseLng = 114.51 + ((ci * 53) % 50) * 0.0013;
    for (let i = 0; i < n; i++) {
      const old = random() < share80;
      const age = old ? 80 + Math.floor(random() ** 1.8 * 21) : 60 + Math.floor(random() ** 1.3 * 20);
      const month = 1 + Math.floor(random() * 12);
      const dayOfMonth = 1 + Math.floor(random() * 28);
      const birthDate = `${year - age - 1 + (month * 100 + dayOfMonth <= Number(today.slice(5, 7)) * 100 + Number(today.slice(8, 10)) ? 1 : 0)}-${String(month).padStart(2, '0')}-${String(dayOfMonth).padStart(2, '0')}`;
      const male = random() < (old ? 0.42 : 0.48);
      const key = birthDate;
      let seq = sequences.get(key) ?? (male ? 1 : 0);
      if ((seq % 2 === 1) !== male) seq += 1;
      sequences.set(key, seq + 1);
      if (seq > 999) continue;
      const idNumber = buildIdNumber({ regionCode: DEMO_COUNTY, birthDate, sequence: seq });
      const name =
        SURNAMES[Math.floor(random() * SURNAMES.length)]! +
        GIVEN[Math.floor(random() * GIVEN.length)]! +
        (random() < 0.7 ? GIVEN[Math.floor(random() * GIVEN.length)]! : '');
      const id = randomUUID();
      const lat = baseLat + (random() - 0.5) * 0.004;
      const lng = baseLng + (random() - 0.5) * 0.005;
      const flags: string[] = [];
      const add = (flag: string, source: string, value: unknown = {}) => {
        flags.push(flag);
        flagRows.push([id, flag, value, source, `${year}-01-15`]);
      };
      const alone = random() < (old ? 0.2 : 0.1);
      if (alone) add('living_alone', 'civil_affairs');
      else if (random() < 0.4) add('empty_nest', 'community');
      if (random() < 0.01) add('widowed_childless', 'civil_affairs');
      if (random() < (old ? 0.14 : 0.04))
        add('disabled', 'disabled_federation', { grade: 1 + Math.floor(random() * 4) });
      if (random() < (old ? 0.12 : 0.03)) add('dementia', 'health');
      const hardship = random();
      if (hardship < 0.01) add('extreme_poverty', 'civil_affairs');
      else if (hardship < 0.04) add('minimum_allowance', 'civil_affairs');
      else if (hardship < 0.08) add('low_income', 'civil_affairs');
      if (random() < 0.006) add('family_planning_special', 'health');
      people.push({ id, regionCode: c.code, birthDate, lat, lng, flags });
      personRows.push([
        id,
        cipher.encrypt(idNumber),
        cipher.blindIndex(idNumber),
        name,
        male ? 'male' : 'female',
        birthDate,
        c.code,
        `长安区${c.code.slice(6, 9)}街道${c.code.slice(9)}社区${1 + Math.floor(random() * 30)}号楼`,
        `13${String(Math.floor(random() * 1e9)).padStart(9, '0')}`,
        alone ? 'alone' : 'with_family',
        lat.toFixed(6),
        lng.toFixed(6),
      ]);
    }
  }
  const columns = [
    'id',
    'id_number_cipher',
    'id_number_index',
    'name',
    'sex',
    'birth_date',
    'region_code',
    'address',
    'phone',
    'living_situation',
    'home_lat',
    'home_lng',
  ];
  for (let i = 0; i < personRows.length; i += 10_000) {
    await database.copyCsv('older_people', columns, csv(personRows.slice(i, i + 10_000)));
  }
  for (let i = 0; i < flagRows.length; i += 20_000) {
    await database.copyCsv(
      'person_flags',
      ['person_id', 'flag', 'value', 'source', 'as_of'],
      csv(flagRows.slice(i, i + 20_000)),
    );
  }
  log(`Demo county roster: ${people.length} older people, ${flagRows.length} flags.`);

  // ── capability assessments for most people with a disability or dementia, and a few others ──
  const [assessor] = await db.select().from(accounts).where(eq(accounts.username, 'changan.assessor'));
  const items = CURRENT_CAPABILITY_ASSESSMENT.groups.flatMap((g) => g.items);
  const assessmentRows: unknown[][] = [];
  for (const p of people) {
    const needs = p.flags.includes('disabled') || p.flags.includes('dementia');
    if (!(needs ? random() < 0.75 : random() < 0.02)) continue;
    const level = needs ? 0.15 + random() * 0.6 : 0.7 + random() * 0.3;
    const scores = Object.fromEntries(
      items.map((item) => [
        item.key,
        Math.max(0, Math.min(item.max, Math.round(item.max * level + (random() - 0.5) * 2))),
      ]),
    ) as Record<ItemKey, number>;
    const dementia = p.flags.includes('dementia');
    const result = scoreAssessment({ scores, coma: false, dementia, riskEvents30d: 0 });
    const assessedOn = `${year - (random() < 0.3 ? 1 : 0)}-${String(1 + Math.floor(random() * Number(today.slice(5, 7)))).padStart(2, '0')}-10`;
    const dueMonths = result.finalGrade === 'severe' || result.finalGrade === 'complete' ? 6 : 12;
    const [y, m] = assessedOn.split('-').map(Number) as [number, number];
    const due = new Date(Date.UTC(y, m - 1 + dueMonths, 10)).toISOString().slice(0, 10);
    assessmentRows.push([
      randomUUID(),
      p.id,
      p.regionCode,
      assessor?.id ?? null,
      assessedOn > today ? today : assessedOn,
      'first',
      scores,
      false,
      dementia,
      [],
      result.total,
      Object.fromEntries(Object.entries(result.groups).map(([k, v]) => [k, v.score])),
      result.initialGrade,
      result.finalGrade,
      CURRENT_CAPABILITY_ASSESSMENT.id,
      due,
    ]);
  }
  await database.copyCsv(
    'assessments',
    [
      'id',
      'person_id',
      'region_code',
      'assessor_id',
      'assessed_on',
      'reason',
      'scores',
      'coma',
      'dementia',
      'risk_events_30d',
      'total',
      'groups',
      'initial_grade',
      'final_grade',
      'standard',
      'next_due_on',
    ],
    csv(assessmentRows),
  );
  log(`Demo county assessments: ${assessmentRows.length}.`);

  // ── programs: evaluated for everyone, entitlements for last month and this month ──
  const [civil] = await db.select().from(accounts).where(eq(accounts.username, 'changan.civil'));
  if (!civil) return { people: people.length, visits: 0 };
  const civilCtx = contextOf(civil);
  await seedDemoPrograms(db);
  // Evaluated here: the two home-care quotas (the month of visits draws on them), the 80+ age allowance
  // and severe-disability care. The other demo programs are evaluated when an official runs them.
  const demoPrograms = (await db.select().from(programs).where(like(programs.regionPrefix, '13%'))).filter(
    (p) => DEMO_EVALUATED.includes(p.code),
  );
  const thisMonth = monthOf(today);
  const lastMonth = previousMonth(thisMonth);
  for (const program of demoPrograms) {
    await evaluateProgram(db, civilCtx, program.id, { onDay: `${lastMonth}-01` });
    for (const month of [lastMonth, thisMonth]) await generateEntitlements(db, civilCtx, program.id, month);
  }
  log(
    `Demo county programs: ${demoPrograms.length} evaluated, entitlements for ${lastMonth} and ${thisMonth}.`,
  );

  // ── a month of door-to-door visits by the demo elderly centre ──
  const visits = await seedDemoVisits(database, civilCtx, people, lastMonth, random);
  log(`Demo county visits: ${visits} in ${lastMonth}, with last month's settlement.`);
  return { people: people.length, visits };
}

async function seedDemoVisits(
  database: Database,
  civilCtx: RequestContext,
  people: Person[],
  month: string,
  random: () => number,
): Promise<number> {
  const db = database.db;
  const [centre] = await db
    .select()
    .from(institutions)
    .where(eq(institutions.name, DEMO_INSTITUTIONS[1].name));
  if (!centre) return 0;
  const items = await db.select().from(serviceItems).where(eq(serviceItems.regionPrefix, '1301'));
  const core = items.filter((i) => i.category === 'core' && i.durationMinutes <= 120);
  if (core.length === 0) return 0;
  // Caregivers: the demo caregiver and five colleagues.
  const [carer] = await db.select().from(accounts).where(eq(accounts.username, 'elderly.carer'));
  const hash = await hashPassword(DEMO_PASSWORD);
  const caregivers = carer ? [carer.id] : [];
  for (let i = 2; i <= 6; i++) {
    const [row] = await db
      .insert(accounts)
      .values({
        username: `elderly.carer${i}`,
        displayName: `护理员${i}号`,
        role: 'institution_staff',
        regionCode: centre.regionCode,
        institutionId: centre.id,
        passwordHash: hash,
      })
      .onConflictDoNothing()
      .returning({ id: accounts.id });
    if (row) caregivers.push(row.id);
  }
  // Clients: people of the centre's township who are enrolled in a service program, else flagged.
  const township = centre.regionCode.slice(0, 9);
  const enrolled = new Set(
    (
      (await db.execute(
        sql`SELECT DISTINCT e.person_id FROM entitlements e WHERE e.month = ${month} AND e.quota_minutes > 0`,
      )) as unknown as {
        rows: { person_id: string }[];
      }
    ).rows.map((r) => r.person_id),
  );
  const clients = people
    .filter(
      (p) => p.regionCode.startsWith(township) && (enrolled.has(p.id) || p.flags.includes('living_alone')),
    )
    .slice(0, 240);
  const [y, m] = month.split('-').map(Number) as [number, number];
  const lastDay = new Date(Date.UTC(y, m, 0)).getUTCDate();
  let made = 0;
  for (const [ci, caregiverId] of caregivers.entries()) {
    const mine = clients.filter((_, i) => i % caregivers.length === ci);
    for (let d = 1; d <= lastDay; d++) {
      const day = `${month}-${String(d).padStart(2, '0')}`;
      const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
      if (weekday === 0) continue;
      // Four visits a day, one after another from 08:30, each to a different client.
      let clock = 8 * 60 + 30;
      for (let v = 0; v < 4 && mine.length > 0; v++) {
        const person = mine[(d * 4 + v) % mine.length]!;
        const item = core[(d + v + ci) % core.length]!;
        const roll = random();
        const startsMin = clock;
        const far = roll < 0.03;
        const short = roll >= 0.03 && roll < 0.05;
        const minutes = short
          ? Math.floor(item.durationMinutes / 3)
          : item.durationMinutes + Math.floor(random() * 10);
        const endsMin = startsMin + minutes;
        clock = endsMin + 20;
        const inAt = new Date(Date.parse(`${day}T00:00:00+08:00`) + startsMin * 60_000);
        const outAt = new Date(Date.parse(`${day}T00:00:00+08:00`) + endsMin * 60_000);
        const offset = far ? 0.004 : 0.0003 * (random() - 0.5);
        const exceptions = [...(far ? ['distance'] : []), ...(short ? ['too_short'] : [])];
        const confirmed = exceptions.length === 0 && random() < 0.93;
        const reviewed = exceptions.length > 0 ? random() : 1;
        const status =
          exceptions.length === 0
            ? confirmed
              ? 'verified'
              : 'completed'
            : reviewed < 0.5
              ? 'approved'
              : reviewed < 0.7
                ? 'rejected'
                : 'exception';
        const orderStatus = status === 'approved' ? 'verified' : status === 'rejected' ? 'exception' : status;
        await db.transaction(async (tx) => {
          const [order] = await tx
            .execute(sql`INSERT INTO service_orders (person_id, region_code, item_id, provider_id, caregiver_id, source,
                scheduled_on, scheduled_start_min, duration_minutes, price_cents, status)
              VALUES (${person.id}, ${person.regionCode}, ${item.id}, ${centre.id}, ${caregiverId},
                ${enrolled.has(person.id) ? 'entitlement' : 'community_worker'}, ${day}, ${startsMin},
                ${item.durationMinutes}, ${item.priceCents}, ${orderStatus})
              RETURNING id`)
            .then((r) => (r as unknown as { rows: { id: string }[] }).rows);
          const distance = Math.round(far ? 420 + random() * 200 : 5 + random() * 40);
          await tx.execute(sql`INSERT INTO visits (order_id, person_id, provider_id, caregiver_id, service_type, day,
              check_in_at, check_in_lat, check_in_lng, check_in_distance_m, check_out_at, check_out_lat, check_out_lng,
              check_out_distance_m, status, exceptions, exception_reason, reviewed_at, confirmed_at, confirmed_by, rating)
            VALUES (${order!.id}, ${person.id}, ${centre.id}, ${caregiverId}, ${item.type}, ${day},
              ${inAt.toISOString()}, ${person.lat + offset}, ${person.lng}, ${distance}, ${outAt.toISOString()},
              ${person.lat + offset}, ${person.lng}, ${distance}, ${status}, ${JSON.stringify(exceptions)}::jsonb,
              ${exceptions.length > 0 && status !== 'exception' ? (far ? '老人在小区活动室，定位在楼外' : '老人临时外出就医，提前结束') : null},
              ${status === 'approved' || status === 'rejected' ? outAt.toISOString() : null},
              ${confirmed ? outAt.toISOString() : null}, ${confirmed ? 'family' : null},
              ${confirmed ? 4 + Math.round(random()) : null})`);
          if (status === 'verified' || status === 'approved') {
            const draw = await drawForOrder(
              tx,
              {
                id: order!.id,
                personId: person.id,
                priceCents: item.priceCents,
                durationMinutes: item.durationMinutes,
                itemCode: item.code,
              },
              month,
            );
            await recordAudit(tx, civilCtx, {
              action: DRAW_ACTION,
              entityType: 'service_order',
              entityId: order!.id,
              regionCode: person.regionCode,
              institutionId: centre.id,
              after: draw,
            });
          }
        });
        made += 1;
      }
    }
  }
  await generateSettlement(db, civilCtx, { providerId: centre.id, month });
  return made;
}
