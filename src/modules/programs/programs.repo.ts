import { type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { Eligibility, StoredBenefit } from './programs.rules.js';

/** Every SQL query on programs and enrolments (evaluation: programs.sql.ts; report: coverage). */
export async function rows<T>(ex: Executor, query: SQL): Promise<T[]> {
  return ((await ex.execute(query)) as unknown as { rows: T[] }).rows;
}

/** `column` lies under the region prefix ('' = the whole country). */
export function under(column: string, prefix: string): SQL {
  return prefix === '' ? sql`true` : sql`${sql.raw(column)} LIKE ${`${prefix}%`}`;
}

/** Prefixes related to `region`: the region itself, the regions above it, the regions below it. */
export function relatedTo(column: string, region: string): SQL {
  if (region === '') return sql`true`;
  return sql`(${sql.raw(column)} LIKE ${`${region}%`} OR ${region} LIKE ${sql.raw(column)} || '%')`;
}

export interface ProgramRow {
  id: string;
  regionPrefix: string;
  code: string;
  name: string;
  description: string | null;
  eligibility: Eligibility;
  benefit: StoredBenefit;
  autoEnrol: boolean;
  startsOn: string;
  endsOn: string | null;
  status: 'active' | 'retired';
  createdAt: string;
  updatedAt: string;
}

const COLUMNS =
  sql.raw(`g.id, g.region_prefix AS "regionPrefix", g.code, g.name, g.description, g.eligibility,
  g.benefit, g.auto_enrol AS "autoEnrol", g.starts_on::text AS "startsOn", g.ends_on::text AS "endsOn", g.status,
  to_char(g.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "createdAt",
  to_char(g.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "updatedAt"`);

export async function findProgram(ex: Executor, id: string): Promise<ProgramRow | null> {
  const [row] = await rows<ProgramRow>(ex, sql`SELECT ${COLUMNS} FROM programs g WHERE g.id = ${id}::uuid`);
  return row ?? null;
}

/**
 * Programs related to `region` (covering it, or inside it), with the people of `area` found
 * eligible at the last evaluation and enrolled now.
 */
export function listPrograms(
  ex: Executor,
  region: string,
  area: string,
): Promise<(ProgramRow & { eligibleCount: number; enrolledCount: number })[]> {
  return rows(
    ex,
    sql`SELECT ${COLUMNS},
          (SELECT count(*)::int FROM program_eligibility e JOIN older_people p ON p.id = e.person_id
            WHERE e.program_id = g.id AND e.eligible AND ${under('p.region_code', area)}) AS "eligibleCount",
          (SELECT count(*)::int FROM program_enrolments en JOIN older_people p ON p.id = en.person_id
            WHERE en.program_id = g.id AND en.status = 'enrolled' AND ${under('p.region_code', area)}) AS "enrolledCount"
        FROM programs g WHERE ${relatedTo('g.region_prefix', region)}
        ORDER BY g.status, g.region_prefix, g.code`,
  );
}

export interface NewProgram {
  regionPrefix: string;
  code: string;
  name: string;
  description: string | null;
  eligibility: Eligibility;
  benefit: StoredBenefit;
  autoEnrol: boolean;
  startsOn: string;
  endsOn: string | null;
  createdBy: string | null;
}

/** Insert a program; null when the region already has that code. */
export async function insertProgram(ex: Executor, p: NewProgram): Promise<string | null> {
  const [row] = await rows<{ id: string }>(
    ex,
    sql`INSERT INTO programs (region_prefix, code, name, description, eligibility, benefit, auto_enrol,
          starts_on, ends_on, created_by)
        VALUES (${p.regionPrefix}, ${p.code}, ${p.name}, ${p.description}, ${JSON.stringify(p.eligibility)}::jsonb,
          ${JSON.stringify(p.benefit)}::jsonb, ${p.autoEnrol}, ${p.startsOn}::date, ${p.endsOn}::date,
          ${p.createdBy}::uuid)
        ON CONFLICT (region_prefix, code) DO NOTHING RETURNING id`,
  );
  return row?.id ?? null;
}

export async function updateProgram(
  ex: Executor,
  id: string,
  p: Pick<
    ProgramRow,
    'name' | 'description' | 'eligibility' | 'benefit' | 'autoEnrol' | 'startsOn' | 'endsOn' | 'status'
  >,
): Promise<void> {
  await ex.execute(sql`UPDATE programs SET name = ${p.name}, description = ${p.description},
      eligibility = ${JSON.stringify(p.eligibility)}::jsonb, benefit = ${JSON.stringify(p.benefit)}::jsonb,
      auto_enrol = ${p.autoEnrol}, starts_on = ${p.startsOn}::date, ends_on = ${p.endsOn}::date,
      status = ${p.status}, updated_at = now()
    WHERE id = ${id}::uuid`);
}

/** Enrolments (any status) and entitlements of a program: a program with history is retired, not deleted. */
export async function historyCount(ex: Executor, id: string): Promise<number> {
  const [row] = await rows<{ n: number }>(
    ex,
    sql`SELECT ((SELECT count(*) FROM program_enrolments WHERE program_id = ${id}::uuid)
          + (SELECT count(*) FROM entitlements WHERE program_id = ${id}::uuid))::int AS n`,
  );
  return row?.n ?? 0;
}

export async function deleteProgram(ex: Executor, id: string): Promise<void> {
  await ex.execute(sql`DELETE FROM programs WHERE id = ${id}::uuid`);
}

/**
 * Active programs in force on `onDay` that concern a person: they cover the person's region, or
 * judged or enrolled the person before (someone who moved away is judged again, and fails).
 */
export function programsForPerson(ex: Executor, personId: string, onDay: string): Promise<ProgramRow[]> {
  return programsForPeople(ex, [personId], onDay);
}

/** Programs in force on `onDay` that concern any of these people (their region, or a past judgement). */
export function programsForPeople(
  ex: Executor,
  personIds: readonly string[],
  onDay: string,
): Promise<ProgramRow[]> {
  const ids = `{${personIds.join(',')}}`;
  return rows(
    ex,
    sql`SELECT ${COLUMNS} FROM programs g
        WHERE g.status = 'active' AND g.starts_on <= ${onDay}::date
          AND (g.ends_on IS NULL OR g.ends_on >= ${onDay}::date)
          AND (EXISTS (SELECT 1 FROM older_people p WHERE p.id = ANY (${ids}::uuid[])
                         AND p.region_code LIKE g.region_prefix || '%')
               OR EXISTS (SELECT 1 FROM program_eligibility e
                           WHERE e.program_id = g.id AND e.person_id = ANY (${ids}::uuid[]))
               OR EXISTS (SELECT 1 FROM program_enrolments en
                           WHERE en.program_id = g.id AND en.person_id = ANY (${ids}::uuid[])))
        ORDER BY g.id`,
  );
}

/** People per township (9 digits) under `region`: the batches of an evaluation. */
export function townshipsUnder(
  ex: Executor,
  region: string,
): Promise<{ township: string; people: number }[]> {
  return rows(
    ex,
    sql`SELECT left(p.region_code, 9) AS township, count(*)::int AS people FROM older_people p
        WHERE ${under('p.region_code', region)} GROUP BY 1 ORDER BY 1`,
  );
}

export interface EnrolmentRow {
  id: string;
  programId: string;
  personId: string;
  status: 'enrolled' | 'ended';
  enrolledOn: string;
  endedOn: string | null;
  endedReason: string | null;
}

const ENROLMENT_COLUMNS = sql.raw(`en.id, en.program_id AS "programId", en.person_id AS "personId", en.status,
  en.enrolled_on::text AS "enrolledOn", en.ended_on::text AS "endedOn", en.ended_reason AS "endedReason"`);

export async function liveEnrolment(
  ex: Executor,
  programId: string,
  personId: string,
): Promise<EnrolmentRow | null> {
  const [row] = await rows<EnrolmentRow>(
    ex,
    sql`SELECT ${ENROLMENT_COLUMNS} FROM program_enrolments en
        WHERE en.program_id = ${programId}::uuid AND en.person_id = ${personId}::uuid AND en.status = 'enrolled'`,
  );
  return row ?? null;
}

export async function findEnrolment(ex: Executor, id: string): Promise<EnrolmentRow | null> {
  const [row] = await rows<EnrolmentRow>(
    ex,
    sql`SELECT ${ENROLMENT_COLUMNS} FROM program_enrolments en WHERE en.id = ${id}::uuid FOR UPDATE`,
  );
  return row ?? null;
}

export async function insertEnrolment(
  ex: Executor,
  e: { programId: string; personId: string; enrolledOn: string; by: string | null },
): Promise<EnrolmentRow> {
  const [row] = await rows<EnrolmentRow>(
    ex,
    sql`INSERT INTO program_enrolments AS en (program_id, person_id, status, enrolled_on, enrolled_by)
        VALUES (${e.programId}::uuid, ${e.personId}::uuid, 'enrolled', ${e.enrolledOn}::date, ${e.by}::uuid)
        RETURNING ${ENROLMENT_COLUMNS}`,
  );
  return row!;
}

export async function endEnrolment(
  ex: Executor,
  id: string,
  on: string,
  reason: string,
): Promise<EnrolmentRow> {
  const [row] = await rows<EnrolmentRow>(
    ex,
    sql`UPDATE program_enrolments AS en SET status = 'ended', ended_on = ${on}::date, ended_reason = ${reason}
        WHERE en.id = ${id}::uuid RETURNING ${ENROLMENT_COLUMNS}`,
  );
  return row!;
}

/** One person: region, status and the facts the rules read. */
export async function personFacts(
  ex: Executor,
  id: string,
): Promise<{
  id: string;
  regionCode: string;
  birthDate: string;
  status: string;
  flags: string[];
  finalGrade: string | null;
} | null> {
  const [row] = await rows<{
    id: string;
    regionCode: string;
    birthDate: string;
    status: string;
    flags: string[];
    finalGrade: string | null;
  }>(
    ex,
    sql`SELECT p.id, p.region_code AS "regionCode", p.birth_date::text AS "birthDate", p.status,
          coalesce((SELECT array_agg(DISTINCT f.flag ORDER BY f.flag) FROM person_flags f WHERE f.person_id = p.id),
            ARRAY[]::text[]) AS flags,
          (SELECT a.final_grade FROM assessments a WHERE a.person_id = p.id
            ORDER BY a.assessed_on DESC, a.created_at DESC, a.id DESC LIMIT 1) AS "finalGrade"
        FROM older_people p WHERE p.id = ${id}::uuid`,
  );
  return row ?? null;
}
