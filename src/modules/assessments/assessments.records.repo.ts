import { desc, eq, sql } from 'drizzle-orm';
import type { Executor, Tx } from '../../db/client.js';
import { accounts } from '../accounts/accounts.table.js';
import { assessments } from './assessments.table.js';

/** Every query of assessments on record. Reads of people take the caller's region prefix. */
async function rows<T>(ex: Executor, query: ReturnType<typeof sql>): Promise<T[]> {
  return ((await ex.execute(query)) as unknown as { rows: T[] }).rows;
}

/** `column` lies under the region prefix ('' = the whole country). */
function under(column: string, prefix: string) {
  return prefix === '' ? sql`true` : sql`${sql.raw(column)} LIKE ${`${prefix}%`}`;
}

export interface LockedPerson {
  id: string;
  birthDate: string;
  regionCode: string;
  status: string;
  closedOn: string | null;
}

/**
 * The person, locked for the rest of the transaction, so two assessors storing a "first"
 * assessment at the same moment are serialised (the second sees the first and gets a 409).
 */
export async function lockPerson(tx: Tx, id: string): Promise<LockedPerson | null> {
  const [row] = await rows<LockedPerson>(
    tx,
    sql`SELECT id, birth_date::text AS "birthDate", region_code AS "regionCode", status,
          closed_on::text AS "closedOn"
        FROM older_people WHERE id = ${id}::uuid FOR UPDATE`,
  );
  return row ?? null;
}

/** The day of the person's latest assessment, or null when they have none. */
export async function latestAssessedOn(ex: Executor, personId: string): Promise<string | null> {
  const [row] = await ex
    .select({ assessedOn: assessments.assessedOn })
    .from(assessments)
    .where(eq(assessments.personId, personId))
    .orderBy(desc(assessments.assessedOn), desc(assessments.createdAt))
    .limit(1);
  return row?.assessedOn ?? null;
}

export type NewAssessment = typeof assessments.$inferInsert;
export type AssessmentRow = typeof assessments.$inferSelect & { assessorName: string | null };

export async function insertAssessment(
  tx: Tx,
  values: NewAssessment,
): Promise<typeof assessments.$inferSelect> {
  const [row] = await tx.insert(assessments).values(values).returning();
  return row!;
}

/** A person's assessments, newest first (by day, then by when they were stored). */
export function historyOf(ex: Executor, personId: string): Promise<AssessmentRow[]> {
  return ex
    .select({
      id: assessments.id,
      personId: assessments.personId,
      regionCode: assessments.regionCode,
      assessorId: assessments.assessorId,
      assessedOn: assessments.assessedOn,
      reason: assessments.reason,
      scores: assessments.scores,
      coma: assessments.coma,
      dementia: assessments.dementia,
      riskEvents30d: assessments.riskEvents30d,
      total: assessments.total,
      groups: assessments.groups,
      initialGrade: assessments.initialGrade,
      finalGrade: assessments.finalGrade,
      standard: assessments.standard,
      nextDueOn: assessments.nextDueOn,
      notes: assessments.notes,
      minutes: assessments.minutes,
      createdAt: assessments.createdAt,
      assessorName: accounts.displayName,
    })
    .from(assessments)
    .leftJoin(accounts, eq(accounts.id, assessments.assessorId))
    .where(eq(assessments.personId, personId))
    .orderBy(desc(assessments.assessedOn), desc(assessments.createdAt));
}

/** Flags that put a never-assessed person on the work list. */
export const NEEDS_FIRST_ASSESSMENT = ['disabled', 'dementia'] as const;

export interface DueRow {
  personId: string;
  name: string;
  sex: string;
  birthDate: string;
  idNumberCipher: string;
  regionCode: string;
  address: string | null;
  phone: string | null;
  flags: string[];
  lastAssessedOn: string | null;
  lastGrade: string | null;
  nextDueOn: string | null;
}

/**
 * Active people under the prefix whose latest assessment is due on or before `before`, or who
 * have none yet but carry a disability or dementia flag: never assessed first, then the most
 * overdue, then by community and name.
 */
export async function dueList(
  ex: Executor,
  prefix: string,
  filter: { regionCode?: string; q?: string; before: string; page: number; pageSize: number },
): Promise<{ items: DueRow[]; total: number }> {
  const needs = sql`string_to_array(${NEEDS_FIRST_ASSESSMENT.join(',')}, ',')`;
  const where = [sql`p.status = 'active'`, under('p.region_code', prefix)];
  if (filter.regionCode) where.push(under('p.region_code', filter.regionCode));
  if (filter.q) where.push(sql`p.name LIKE ${`%${filter.q.replace(/[%_\\]/g, '\\$&')}%`}`);
  where.push(sql`((l.next_due_on IS NOT NULL AND l.next_due_on <= ${filter.before}::date)
    OR (l.next_due_on IS NULL AND EXISTS (SELECT 1 FROM person_flags f
      WHERE f.person_id = p.id AND f.flag = ANY(${needs}))))`);
  const from = sql`FROM older_people p
    LEFT JOIN LATERAL (SELECT a.assessed_on, a.final_grade, a.next_due_on FROM assessments a
      WHERE a.person_id = p.id ORDER BY a.assessed_on DESC, a.created_at DESC LIMIT 1) l ON true
    WHERE ${sql.join(where, sql` AND `)}`;
  const [count] = await rows<{ total: number }>(ex, sql`SELECT count(*)::int AS total ${from}`);
  const items = await rows<DueRow>(
    ex,
    sql`SELECT p.id AS "personId", p.name, p.sex, p.birth_date::text AS "birthDate",
          p.id_number_cipher AS "idNumberCipher", p.region_code AS "regionCode", p.address, p.phone,
          coalesce((SELECT array_agg(DISTINCT f.flag ORDER BY f.flag) FROM person_flags f
            WHERE f.person_id = p.id), '{}') AS flags,
          l.assessed_on::text AS "lastAssessedOn", l.final_grade AS "lastGrade", l.next_due_on::text AS "nextDueOn"
        ${from}
        ORDER BY l.next_due_on NULLS FIRST, p.region_code, p.name, p.id
        LIMIT ${filter.pageSize} OFFSET ${(filter.page - 1) * filter.pageSize}`,
  );
  return { items, total: count?.total ?? 0 };
}
