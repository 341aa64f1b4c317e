import { and, asc, desc, eq, inArray, like, lt, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { accounts } from '../accounts/accounts.table.js';
import type { Scope } from '../accounts/scope.js';
import { filingEvents, filings } from './filing.table.js';
import { OPEN_STATUSES } from './filing.workflow.js';
import { type InstitutionRow, scopeCondition } from './institutions.repo.js';
import { institutions } from './institutions.table.js';

export type FilingRow = typeof filings.$inferSelect;
export type FilingValues = typeof filings.$inferInsert;
export type FilingWithInstitution = FilingRow & {
  institutionName: string;
  institutionKind: string;
  regionCode: string;
};

const withInstitution = {
  filing: filings,
  institutionName: institutions.name,
  institutionKind: institutions.kind,
  regionCode: institutions.regionCode,
};
const flatten = (r: {
  filing: FilingRow;
  institutionName: string;
  institutionKind: string;
  regionCode: string;
}) => ({
  ...r.filing,
  institutionName: r.institutionName,
  institutionKind: r.institutionKind,
  regionCode: r.regionCode,
});

/** Whether a filing with this id exists at all (to tell 404 from 403). */
export async function filingExists(db: Executor, id: string): Promise<boolean> {
  const [row] = await db.select({ id: filings.id }).from(filings).where(eq(filings.id, id)).limit(1);
  return Boolean(row);
}

/** One filing with its institution, if the institution lies in the caller's scope. */
export async function findFilingInScope(
  db: Executor,
  scope: Scope,
  id: string,
): Promise<{ filing: FilingRow; institution: InstitutionRow } | undefined> {
  const [row] = await db
    .select({ filing: filings, institution: institutions })
    .from(filings)
    .innerJoin(institutions, eq(institutions.id, filings.institutionId))
    .where(and(eq(filings.id, id), scopeCondition(scope)))
    .limit(1);
  return row;
}

/** Every filing of an institution (known to be in scope), newest first. */
export async function listFilingsOf(db: Executor, institutionId: string): Promise<FilingRow[]> {
  return db
    .select()
    .from(filings)
    .where(eq(filings.institutionId, institutionId))
    .orderBy(desc(filings.createdAt), desc(filings.id));
}

/** The institution's filing in progress, if any (at most one). */
export async function findOpenFiling(db: Executor, institutionId: string): Promise<FilingRow | undefined> {
  const [row] = await db
    .select()
    .from(filings)
    .where(and(eq(filings.institutionId, institutionId), inArray(filings.status, [...OPEN_STATUSES])))
    .orderBy(desc(filings.createdAt))
    .limit(1);
  return row;
}

/** The filing to show beside an institution: the one in progress, else the latest. */
export async function findCurrentFiling(db: Executor, institutionId: string): Promise<FilingRow | undefined> {
  return (await findOpenFiling(db, institutionId)) ?? (await listFilingsOf(db, institutionId))[0];
}

export async function insertFiling(db: Executor, values: FilingValues): Promise<FilingRow> {
  const [row] = await db.insert(filings).values(values).returning();
  return row!;
}

/**
 * Move a filing on only if it is still in `expected`: one conditional statement, so of two
 * officials acting at once exactly one succeeds. Returns nothing when the status had changed.
 */
export async function transitionFiling(
  db: Executor,
  id: string,
  expected: string,
  values: Partial<FilingValues>,
): Promise<FilingRow | undefined> {
  const [row] = await db
    .update(filings)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(filings.id, id), eq(filings.status, expected)))
    .returning();
  return row;
}

/** Hand the open filings of an institution that moved before it was filed to its new county. */
export async function moveOpenFilings(
  db: Executor,
  institutionId: string,
  countyCode: string,
): Promise<void> {
  await db
    .update(filings)
    .set({ countyCode, updatedAt: new Date() })
    .where(and(eq(filings.institutionId, institutionId), inArray(filings.status, [...OPEN_STATUSES])));
}

/** The current status of a filing (after a lost race). */
export async function filingStatus(db: Executor, id: string): Promise<string | undefined> {
  const [row] = await db.select({ status: filings.status }).from(filings).where(eq(filings.id, id));
  return row?.status;
}

export async function insertEvent(db: Executor, values: typeof filingEvents.$inferInsert): Promise<void> {
  await db.insert(filingEvents).values(values);
}

/** The history of a filing, oldest first, with the names of who acted. */
export async function listEvents(db: Executor, filingId: string) {
  return db
    .select({
      action: filingEvents.action,
      fromStatus: filingEvents.fromStatus,
      toStatus: filingEvents.toStatus,
      actorName: accounts.displayName,
      comment: filingEvents.comment,
      at: filingEvents.at,
    })
    .from(filingEvents)
    .leftJoin(accounts, eq(accounts.id, filingEvents.actorId))
    .where(eq(filingEvents.filingId, filingId))
    .orderBy(asc(filingEvents.at), asc(filingEvents.id));
}

/** The deadline the authority faces next, as SQL (see nextDeadlineOf in filing.workflow.ts). */
const nextDeadline = sql<string>`case when ${filings.status} = 'acknowledged' then ${filings.reviewBy} else ${filings.acknowledgeBy} end`;

export interface QueueQuery {
  /** The official's region prefix ('' for the whole country). */
  prefix: string;
  /** Institution kinds the caller's department supervises; null = all. */
  kinds: readonly string[] | null;
  statuses: readonly string[];
  /** Only filings whose next deadline is before this day. */
  before: string | null;
  limit: number;
}

/** Filings waiting for the authority in a region, soonest deadline first. */
export async function listQueue(db: Executor, q: QueueQuery): Promise<FilingWithInstitution[]> {
  const conditions: SQL[] = [
    like(institutions.regionCode, `${q.prefix}%`),
    inArray(filings.status, [...q.statuses]),
  ];
  if (q.kinds) conditions.push(inArray(institutions.kind, [...q.kinds]));
  if (q.before) conditions.push(lt(nextDeadline, q.before));
  const rows = await db
    .select(withInstitution)
    .from(filings)
    .innerJoin(institutions, eq(institutions.id, filings.institutionId))
    .where(and(...conditions))
    .orderBy(asc(nextDeadline), asc(filings.submittedAt), asc(filings.id))
    .limit(q.limit);
  return rows.map(flatten);
}
