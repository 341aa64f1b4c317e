/**
 * The rules of programs.rules.ts translated to SQL, so the whole roster (a million people) is
 * judged by the database in a few statements instead of row by row in JavaScript. Every reason
 * is built in the same order and spelling as `evaluate()`; programs.sql.int.test.ts compares them.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { bornOnOrBefore, firstOfMonth, type ProgramRules, residenceOf } from './programs.rules.js';

/** A text[] literal from enum-validated values (flags, grades: no commas). */
const textArray = (values: readonly string[]) => sql`string_to_array(${values.join(',')}, ',')`;

/**
 * The person's facts as columns of `f`: `status`, `region_code`, `birth_date`, `flags` (stored
 * flags without aged_80_plus, plus aged_80_plus when 80 or older on the 1st of the month) and
 * `grade` (final grade of the latest assessment: latest assessed_on, then latest recorded).
 */
function factsSql(where: SQL, first: string): SQL {
  const eighty = bornOnOrBefore(first, 80);
  return sql`SELECT p.id, p.status, p.region_code, p.birth_date,
      coalesce((SELECT array_agg(DISTINCT pf.flag) FROM person_flags pf
                 WHERE pf.person_id = p.id AND pf.flag <> 'aged_80_plus'), ARRAY[]::text[])
        || CASE WHEN p.birth_date <= ${eighty}::date THEN ARRAY['aged_80_plus'] ELSE ARRAY[]::text[] END AS flags,
      (SELECT a.final_grade FROM assessments a WHERE a.person_id = p.id
        ORDER BY a.assessed_on DESC, a.created_at DESC, a.id DESC LIMIT 1) AS grade
    FROM older_people p WHERE ${where}`;
}

/** `ARRAY[...]` of the reasons for the facts row `f`: `key` when a rule holds, `!key` when not. */
export function reasonsSql(program: ProgramRules, onDay: string): SQL {
  const e = program.eligibility;
  const first = firstOfMonth(onDay);
  const parts: SQL[] = [];
  const check = (holds: SQL, key: string) =>
    parts.push(sql`CASE WHEN ${holds} THEN ${key}::text ELSE ${`!${key}`}::text END`);

  check(sql`f.status = 'active'`, 'status:active');
  const residence = residenceOf(program);
  check(sql`f.region_code LIKE ${`${residence}%`}`, `residence:${residence}`);
  if (e.minAge !== undefined)
    check(sql`f.birth_date <= ${bornOnOrBefore(first, e.minAge)}::date`, `age>=${e.minAge}`);
  if (e.maxAge !== undefined)
    check(sql`f.birth_date > ${bornOnOrBefore(first, e.maxAge + 1)}::date`, `age<=${e.maxAge}`);
  if (e.anyFlags) {
    const held = sql.join(
      e.anyFlags.map((flag) => sql`CASE WHEN ${flag}::text = ANY(f.flags) THEN ${flag}::text END`),
      sql`, `,
    );
    parts.push(sql`CASE WHEN f.flags && ${textArray(e.anyFlags)}
      THEN 'flag:' || array_to_string(ARRAY[${held}], '|')
      ELSE ${`!flag:${e.anyFlags.join('|')}`}::text END`);
  }
  for (const flag of e.allFlags ?? []) check(sql`${flag}::text = ANY(f.flags)`, `flag:${flag}`);
  if (e.grades) {
    parts.push(sql`CASE WHEN f.grade = ANY(${textArray(e.grades)}) THEN 'grade:' || f.grade
      ELSE ${`!grade:${e.grades.join('|')}`}::text END`);
  }
  return sql`ARRAY[${sql.join(parts, sql`, `)}]`;
}

export interface EvaluatedProgram extends ProgramRules {
  id: string;
  autoEnrol: boolean;
}

export interface BatchCounts {
  evaluated: number;
  eligible: number;
  enrolled: number;
  ended: number;
}

/**
 * Judge the people matching `where` (on `older_people p`) in one statement: upsert their
 * eligibility rows, enrol the eligible who are not enrolled (auto-enrol programs; not those who
 * declined before) and end the enrolments of those no longer eligible (auto-enrol programs only:
 * for the others an official decides, and the coverage report lists them).
 */
export async function evaluateWhere(
  ex: Executor,
  program: EvaluatedProgram,
  where: SQL,
  onDay: string,
  by: string | null,
): Promise<BatchCounts> {
  const result = await ex.execute(evaluateSql(program, where, onDay, by));
  const [row] = (result as unknown as { rows: BatchCounts[] }).rows;
  return row ?? { evaluated: 0, eligible: 0, enrolled: 0, ended: 0 };
}

/** The one statement of `evaluateWhere` (exported for EXPLAIN in benchmarks). */
export function evaluateSql(program: EvaluatedProgram, where: SQL, onDay: string, by: string | null): SQL {
  const pid = sql`${program.id}::uuid`;
  const auto = program.autoEnrol ? sql`true` : sql`false`;
  const sameProgram = sql`en.program_id = ${pid}`;
  return sql`
    WITH f AS (${factsSql(where, firstOfMonth(onDay))}),
    judged AS (SELECT f.id, ${reasonsSql(program, onDay)} AS reasons FROM f),
    ev AS (
      INSERT INTO program_eligibility (program_id, person_id, eligible, reasons, evaluated_at)
      SELECT ${pid}, j.id, NOT EXISTS (SELECT 1 FROM unnest(j.reasons) AS r(x) WHERE x LIKE '!%'),
             to_jsonb(j.reasons), now()
        FROM judged j
      ON CONFLICT (program_id, person_id) DO UPDATE
        SET eligible = excluded.eligible, reasons = excluded.reasons, evaluated_at = excluded.evaluated_at
      RETURNING person_id, eligible
    ),
    enrolled AS (
      INSERT INTO program_enrolments (program_id, person_id, status, enrolled_on, enrolled_by)
      SELECT ${pid}, ev.person_id, 'enrolled', ${onDay}::date, ${by}::uuid FROM ev
       WHERE ${auto} AND ev.eligible AND NOT EXISTS (
         SELECT 1 FROM program_enrolments en WHERE en.person_id = ev.person_id AND ${sameProgram}
            AND (en.status = 'enrolled' OR en.ended_reason = 'declined'))
      RETURNING 1
    ),
    ended AS (
      UPDATE program_enrolments en SET status = 'ended', ended_on = ${onDay}::date,
             ended_reason = 'no_longer_eligible'
        FROM ev
       WHERE ${auto} AND NOT ev.eligible AND en.person_id = ev.person_id AND ${sameProgram}
         AND en.status = 'enrolled'
      RETURNING 1
    )
    SELECT (SELECT count(*) FROM ev)::int AS evaluated,
           (SELECT count(*) FROM ev WHERE eligible)::int AS eligible,
           (SELECT count(*) FROM enrolled)::int AS enrolled,
           (SELECT count(*) FROM ended)::int AS ended`;
}

/**
 * For a batch of thousands: hash joins, never nested loops. Right after a bulk change the
 * statistics of program_enrolments still say "a few rows", and a nested loop over them reads
 * every enrolment of the program once per person (quadratic: minutes per batch at a million).
 * Transaction-local; one person's re-evaluation keeps the planner's index lookups.
 */
export async function preferHashJoins(tx: Executor): Promise<void> {
  await tx.execute(sql`SET LOCAL enable_nestloop = off`);
}

/** Rows changed before the planner's statistics are refreshed at once (not left to autovacuum). */
export const ANALYZE_AFTER = 10_000;

/**
 * Refresh the statistics of the tables a big run changed, so the reports read right after it
 * (coverage, lists) are planned for the real sizes instead of "a few rows".
 */
export async function refreshStatistics(ex: Executor, tables: 'evaluation' | 'entitlements'): Promise<void> {
  await ex.execute(
    tables === 'evaluation'
      ? sql`ANALYZE program_eligibility, program_enrolments`
      : sql`ANALYZE entitlements`,
  );
}

/** Serialise evaluations and enrolments of one program (no two runs enrol the same person twice). */
export async function lockProgram(ex: Executor, programId: string): Promise<void> {
  await ex.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`program:${programId}`}))`);
}
