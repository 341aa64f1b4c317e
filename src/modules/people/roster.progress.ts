/**
 * The record of one department file in `roster_imports` and its progress: created by the first
 * chunk's transaction, advanced by each later one with a conditional update, so a chunk commits
 * only if no other run applied it first, and an interrupted import knows where to resume.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';

async function rows<T>(ex: Executor, query: SQL): Promise<T[]> {
  return ((await ex.execute(query)) as unknown as { rows: T[] }).rows;
}

export interface Counts {
  created: number;
  updated: number;
  unchanged: number;
  conflicts: number;
}

export interface ImportRecord extends Counts {
  id: string;
  status: 'running' | 'done' | 'failed' | 'applied';
  rows: number;
  rowsDone: number;
  lastChunk: number;
  asOf: string | null;
}

/** The import of this department's file with these contents, if any (finished or not). */
export async function findImport(ex: Executor, source: string, sha256: string): Promise<ImportRecord | null> {
  const [row] = await rows<ImportRecord>(
    ex,
    sql`SELECT id, status, rows, rows_done AS "rowsDone", last_chunk AS "lastChunk", as_of::text AS "asOf",
          created, updated, unchanged, conflicts
        FROM roster_imports WHERE source = ${source} AND sha256 = ${sha256} LIMIT 1`,
  );
  return row ?? null;
}

/** Finished imports are refused as duplicates; running (after a kill) and failed ones resume. */
export const isFinished = (record: ImportRecord) => record.status === 'done' || record.status === 'applied';

/** Start the record (status running, nothing done); false when another run created it first. */
export async function startImport(
  ex: Executor,
  row: {
    id: string;
    source: string;
    filename: string;
    sha256: string;
    rows: number;
    asOf: string;
    by: string | null;
  },
): Promise<boolean> {
  const created = await rows<{ id: string }>(
    ex,
    sql`INSERT INTO roster_imports (id, source, filename, sha256, rows, created, updated, unchanged, conflicts,
          status, rows_done, last_chunk, as_of, by)
        VALUES (${row.id}::uuid, ${row.source}, ${row.filename}, ${row.sha256}, ${row.rows}, 0, 0, 0, 0,
          'running', 0, -1, ${row.asOf}::date, ${row.by}::uuid)
        ON CONFLICT (source, sha256) DO NOTHING RETURNING id`,
  );
  return created.length === 1;
}

/**
 * Add one chunk's rows and counts, if the record still stands where this run left it
 * (`rowsDone` = `expected`); false when another run got there first. The last chunk marks it done.
 */
export async function advanceImport(
  ex: Executor,
  id: string,
  expected: number,
  chunk: { number: number; rows: number; done: boolean } & Counts,
): Promise<boolean> {
  const advanced = await rows<{ id: string }>(
    ex,
    sql`UPDATE roster_imports SET rows_done = rows_done + ${chunk.rows}, last_chunk = ${chunk.number},
          created = created + ${chunk.created}, updated = updated + ${chunk.updated},
          unchanged = unchanged + ${chunk.unchanged}, conflicts = conflicts + ${chunk.conflicts},
          status = ${chunk.done ? 'done' : 'running'}, error = NULL, updated_at = now()
        WHERE id = ${id}::uuid AND rows_done = ${expected} RETURNING id`,
  );
  return advanced.length === 1;
}

/** Note why an attempt stopped; the committed chunks stay, and the same file resumes after them. */
export async function failImport(ex: Executor, id: string, error: string): Promise<void> {
  await ex.execute(sql`UPDATE roster_imports SET status = 'failed', error = ${error.slice(0, 500)}, updated_at = now()
    WHERE id = ${id}::uuid AND status <> 'done'`);
}
