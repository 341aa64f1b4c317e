/**
 * The "no one missed" (应保尽保) report: per township, for the programs in force in a month, who
 * is eligible but not enrolled, who is enrolled in a service program but was not served that
 * month (no verified or approved visit, no meal booked), and who is enrolled but no longer
 * eligible. Counts are aggregates; the lists show names and masked ID numbers, and reading
 * them is audited.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { FieldCipher } from '../../lib/secrets.js';
import type { RequestContext } from '../../server/context.js';
import { maskIdNumber } from '../../standards/id-number.js';
import { chinaToday } from '../../standards/working-days.js';
import { recordAudit } from '../audit/audit.service.js';
import { regionNames } from '../regions/regions.service.js';
import { regionCaller, regionFilter } from './programs.access.js';
import * as repo from './programs.repo.js';
import { daysInMonth, SERVICE_KINDS } from './programs.rules.js';
import type { CoverageItem, CoverageList, CoveragePeopleQuery, CoverageQuery } from './programs.schema.js';

interface Frame {
  region: string;
  month: string;
  first: string;
  last: string;
  programId?: string;
}

function frameOf(ctx: RequestContext, query: CoverageQuery): Frame {
  const { prefix } = regionCaller(ctx, 'people.read');
  const region = regionFilter(prefix, query.regionCode);
  const month = query.month ?? chinaToday().slice(0, 7);
  const last = `${month}-${String(daysInMonth(month)).padStart(2, '0')}`;
  return { region, month, first: `${month}-01`, last, programId: query.programId };
}

/** Active programs concerning the region and in force for some of the month. */
function programsSql(f: Frame): SQL {
  return sql`SELECT g.id, g.code, g.name, g.benefit->>'kind' AS kind, g.auto_enrol
    FROM programs g
    WHERE g.status = 'active' AND ${repo.relatedTo('g.region_prefix', f.region)}
      AND g.starts_on <= ${f.last}::date AND (g.ends_on IS NULL OR g.ends_on >= ${f.first}::date)
      ${f.programId ? sql`AND g.id = ${f.programId}::uuid` : sql``}`;
}

const serviceKinds = sql`string_to_array(${SERVICE_KINDS.join(',')}, ',')`;

/**
 * One row per (program, person) that is eligible or enrolled, in the region, with `eligible`,
 * `enrolled`, `services` (a service program) and `served` (null unless an enrolled pair of a
 * service program). Driven from the region's people, so a township reads its own index range;
 * "served" is looked up per person through indexed columns (orders by person, visits by order,
 * household members by ID-number index, bookings by member).
 */
function pairsSql(f: Frame): SQL {
  const inRegion = repo.under('p.region_code', f.region);
  const person = sql.raw('p.name, p.region_code, p.id_number_cipher, p.id_number_index');
  return sql`WITH prog AS (${programsSql(f)}),
    pairs AS (
      SELECT e.program_id, e.person_id, true AS eligible, e.reasons, en.id AS enrolment_id, en.enrolled_on, ${person}
        FROM older_people p JOIN program_eligibility e ON e.person_id = p.id
        LEFT JOIN program_enrolments en
          ON en.program_id = e.program_id AND en.person_id = e.person_id AND en.status = 'enrolled'
       WHERE ${inRegion} AND e.eligible AND e.program_id IN (SELECT id FROM prog)
      UNION ALL
      SELECT en.program_id, en.person_id, false, coalesce(e.reasons, '[]'::jsonb), en.id, en.enrolled_on, ${person}
        FROM older_people p JOIN program_enrolments en ON en.person_id = p.id
        LEFT JOIN program_eligibility e ON e.program_id = en.program_id AND e.person_id = en.person_id
       WHERE ${inRegion} AND en.status = 'enrolled' AND e.eligible IS NOT TRUE
         AND en.program_id IN (SELECT id FROM prog)
    ),
    x AS (
      SELECT pairs.*, prog.code AS program_code, prog.name AS program_name, prog.auto_enrol,
             pairs.enrolment_id IS NOT NULL AS enrolled, prog.kind = ANY(${serviceKinds}) AS services,
             CASE WHEN pairs.enrolment_id IS NOT NULL AND prog.kind = ANY(${serviceKinds}) THEN
               EXISTS (SELECT 1 FROM service_orders o JOIN visits v ON v.order_id = o.id
                        WHERE o.person_id = pairs.person_id AND v.status IN ('verified', 'approved')
                          AND v.day BETWEEN ${f.first}::date AND ${f.last}::date)
               OR EXISTS (SELECT 1 FROM household_members m JOIN bookings b ON b.member_id = m.id
                           WHERE m.id_number_index = pairs.id_number_index AND b.service = 'meal'
                             AND b.status = 'confirmed' AND b.first_day <= ${f.last}::date
                             AND b.last_day >= ${f.first}::date)
             END AS served
        FROM pairs JOIN prog ON prog.id = pairs.program_id
    )`;
}

const LIST_WHERE: Record<CoverageList, SQL> = {
  eligible_not_enrolled: sql`x.eligible AND NOT x.enrolled`,
  enrolled_not_served: sql`x.served = false`,
  enrolled_not_eligible: sql`x.enrolled AND NOT x.eligible`,
};

interface CountsRow {
  code: string;
  eligible: number;
  enrolled: number;
  served: number;
  eligibleNotEnrolled: number;
  enrolledNotServed: number;
  enrolledNotEligible: number;
}

/** Counts per township and in all, and the programs counted. */
export async function coverage(db: Db, ctx: RequestContext, query: CoverageQuery) {
  const f = frameOf(ctx, query);
  const programs = await repo.rows<{
    id: string;
    code: string;
    name: string;
    kind: string;
    auto_enrol: boolean;
  }>(db, sql`${programsSql(f)} ORDER BY g.region_prefix, g.code`);
  // "served" is looked up once per row: the enrolled-but-not-served count is derived from it.
  const townships = await repo.rows<CountsRow>(
    db,
    sql`${pairsSql(f)}
      SELECT c.code, c.eligible, c.enrolled, c.served, c."eligibleNotEnrolled",
             c.enrolled_services - c.served AS "enrolledNotServed", c."enrolledNotEligible"
        FROM (SELECT left(x.region_code, 9) AS code,
                     count(*) FILTER (WHERE x.eligible)::int AS eligible,
                     count(*) FILTER (WHERE x.enrolled)::int AS enrolled,
                     count(*) FILTER (WHERE x.served)::int AS served,
                     count(*) FILTER (WHERE x.enrolled AND x.services)::int AS enrolled_services,
                     count(*) FILTER (WHERE ${LIST_WHERE.eligible_not_enrolled})::int AS "eligibleNotEnrolled",
                     count(*) FILTER (WHERE ${LIST_WHERE.enrolled_not_eligible})::int AS "enrolledNotEligible"
                FROM x GROUP BY 1) c
       ORDER BY c.code`,
  );
  const names = await regionNames(
    db,
    townships.map((t) => t.code),
  );
  const keys = [
    'eligible',
    'enrolled',
    'served',
    'eligibleNotEnrolled',
    'enrolledNotServed',
    'enrolledNotEligible',
  ];
  const totals = Object.fromEntries(
    keys.map((k) => [k, townships.reduce((n, t) => n + (t[k as keyof CountsRow] as number), 0)]),
  ) as Omit<CountsRow, 'code'>;
  return {
    regionCode: f.region,
    month: f.month,
    programs: programs.map((p) => ({
      id: p.id,
      code: p.code,
      name: p.name,
      kind: p.kind,
      autoEnrol: p.auto_enrol,
      services: (SERVICE_KINDS as readonly string[]).includes(p.kind),
    })),
    townships: townships.map((t) => ({ ...t, name: names.get(t.code) ?? null })),
    totals,
  };
}

/** A page of the lists (one, or all three), without auditing: for the screen and the export. */
export async function coverageRows(
  db: Db,
  cipher: FieldCipher,
  ctx: RequestContext,
  query: CoveragePeopleQuery,
): Promise<{ items: CoverageItem[]; total: number }> {
  const f = frameOf(ctx, query);
  const lists = query.list ? [query.list] : (Object.keys(LIST_WHERE) as CoverageList[]);
  const tagged = sql.join(
    lists.map((list) => sql`SELECT ${list}::text AS list, x.* FROM x WHERE ${LIST_WHERE[list]}`),
    sql` UNION ALL `,
  );
  const found = await repo.rows<{
    list: CoverageList;
    person_id: string;
    name: string;
    id_number_cipher: string;
    region_code: string;
    program_id: string;
    program_code: string;
    program_name: string;
    auto_enrol: boolean;
    enrolment_id: string | null;
    enrolled_on: string | null;
    reasons: string[];
    total: number;
  }>(
    db,
    sql`${pairsSql(f)}, listed AS (${tagged})
      SELECT l.list, l.person_id, l.name, l.id_number_cipher, l.region_code, l.program_id, l.program_code,
             l.program_name, l.auto_enrol, l.enrolment_id, l.enrolled_on::text AS enrolled_on, l.reasons,
             count(*) OVER ()::int AS total
        FROM listed l
       ORDER BY array_position(ARRAY['eligible_not_enrolled', 'enrolled_not_served', 'enrolled_not_eligible'], l.list),
                l.region_code, l.name, l.person_id, l.program_code
       LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`,
  );
  const items = found.map((r) => ({
    list: r.list,
    personId: r.person_id,
    name: r.name,
    idNumber: maskIdNumber(cipher.decrypt(r.id_number_cipher)),
    regionCode: r.region_code,
    townshipCode: r.region_code.slice(0, 9),
    programId: r.program_id,
    programCode: r.program_code,
    programName: r.program_name,
    autoEnrol: r.auto_enrol,
    enrolmentId: r.enrolment_id,
    enrolledOn: r.enrolled_on,
    failed: (r.reasons ?? []).filter((x) => x.startsWith('!')).map((x) => x.slice(1)),
  }));
  let total = found[0]?.total ?? 0;
  if (found.length === 0 && query.page > 1) {
    const [count] = await repo.rows<{ n: number }>(
      db,
      sql`${pairsSql(f)}, listed AS (${tagged}) SELECT count(*)::int AS n FROM listed`,
    );
    total = count?.n ?? 0;
  }
  return { items, total };
}

/** The lists as the screen shows them: one audited read per page (names shown, ID numbers masked). */
export async function coveragePeople(
  db: Db,
  cipher: FieldCipher,
  ctx: RequestContext,
  query: CoveragePeopleQuery,
) {
  const { items, total } = await coverageRows(db, cipher, ctx, query);
  const f = frameOf(ctx, query);
  await recordAudit(db, ctx, {
    action: 'program.coverage.read',
    entityType: 'older_person',
    regionCode: f.region,
    after: {
      query: { ...query, regionCode: f.region, month: f.month },
      ids: [...new Set(items.map((i) => i.personId))],
    },
  });
  return { items, total, page: query.page, pageSize: query.pageSize };
}
