/**
 * The second pass over a checked department file: rows in chunks (5,000 by default), each chunk
 * one transaction — look up its blind indexes (people locked), merge in memory, write people,
 * flags, changes and conflicts with one statement per table, advance the import's progress and
 * audit — so a million rows never wait in one transaction, and a run that stops resumes after
 * its last committed chunk. The next chunk is read and parsed while the database works.
 */

import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import type { FieldCipher } from '../../lib/secrets.js';
import type { RequestContext } from '../../server/context.js';
import { conflict } from '../../server/errors.js';
import { peopleChanged } from '../assessments/assessments.events.js';
import { mutate } from '../audit/audit.service.js';
import { columnPositions, type Positions, parseLine, type RosterRow } from './roster.import.js';
import { PM } from './roster.messages.js';
import { type ChunkWrites, planWrites } from './roster.plan.js';
import { advanceImport, type Counts, startImport } from './roster.progress.js';
import { type Encoding, type RosterFile, readLines } from './roster.read.js';
import type { Source } from './roster.schema.js';
import * as w from './roster.writes.js';

export interface ApplyPlan {
  source: Source;
  /** The import day every chunk uses (kept in the record, so a resumed run uses it too). */
  today: string;
  importId: string;
  sha256: string;
  /** Data rows in the file. */
  total: number;
  /** Rows applied by earlier runs (a resumed import skips them) and the counts they gave. */
  skip: number;
  counts: Counts;
  /** Number of the first chunk this run writes (the record's last chunk + 1). */
  firstChunk: number;
  /** The record exists (a resumed import); otherwise the first chunk creates it. */
  started: boolean;
  dryRun: boolean;
  chunkSize: number;
  encoding?: Encoding;
  /** The audit region of the whole file. */
  regionPrefix: string;
  beforeCommit?: (chunk: number) => void | Promise<void>;
  onProgress: (done: number, total: number, stage: string) => void;
}

const add = (a: Counts, b: Counts): Counts => ({
  created: a.created + b.created,
  updated: a.updated + b.updated,
  unchanged: a.unchanged + b.unchanged,
  conflicts: a.conflicts + b.conflicts,
});
const countsOf = (writes: ChunkWrites): Counts => ({
  created: writes.people.length,
  updated: writes.updated,
  unchanged: writes.unchanged,
  conflicts: writes.conflicts.length,
});

/** Apply (or, on a dry run, only match) the file's rows after `plan.skip`; returns the totals. */
export async function applyFile(
  database: Database,
  cipher: FieldCipher,
  ctx: RequestContext,
  file: RosterFile,
  plan: ApplyPlan,
): Promise<Counts> {
  const actorName = ctx.actor?.displayName ?? 'system';
  const stage = plan.dryRun ? 'match' : 'write';
  let counts = plan.counts;
  let done = plan.skip;
  let started = plan.started;
  let number = plan.firstChunk;

  const writeChunk = (rows: RosterRow[], indexes: string[], chunk: number, last: boolean) =>
    mutate(database.db, ctx, async (tx, audit) => {
      // Chunk statements are many small index look-ups: compiling them (JIT) costs more than it saves.
      if (database.kind === 'postgres') await tx.execute(sql`SET LOCAL jit = off`);
      if (!started) {
        const created = await startImport(tx, {
          id: plan.importId,
          source: plan.source,
          filename: file.filename,
          sha256: plan.sha256,
          rows: plan.total,
          asOf: plan.today,
          by: ctx.actor?.id ?? null,
        });
        if (!created) throw conflict(PM['roster.import_running'], { rowsDone: 0 });
      }
      const stored = await w.findForImport(tx, indexes, true);
      const writes = planWrites(
        rows,
        indexes,
        stored,
        cipher,
        plan.source,
        plan.today,
        plan.importId,
        actorName,
      );
      await w.insertPeople(tx, writes.people);
      await w.updatePeople(tx, writes.personUpdates);
      await w.touchSeen(tx, writes.seen);
      await w.deleteFlags(tx, writes.flagDeletes);
      await w.upsertFlags(tx, writes.flagUpserts);
      await w.insertChanges(tx, writes.changes);
      await w.insertConflicts(tx, writes.conflicts);
      // Programs judge the people this chunk created or changed again, in the same transaction.
      await peopleChanged(tx, [
        ...writes.people.map((p) => p.id),
        ...writes.personUpdates.map((p) => p.id),
        ...writes.flagUpserts.map((f) => f.personId),
        ...writes.flagDeletes.map((f) => f.personId),
      ]);
      const chunkCounts = countsOf(writes);
      const advanced = await advanceImport(tx, plan.importId, done, {
        number: chunk,
        rows: rows.length,
        done: last,
        ...chunkCounts,
      });
      if (!advanced) throw conflict(PM['roster.import_running'], { rowsDone: done });
      await plan.beforeCommit?.(chunk);
      const totals = add(counts, chunkCounts);
      await audit(
        last
          ? {
              action: 'roster.import',
              entityType: 'roster_import',
              entityId: plan.importId,
              regionCode: plan.regionPrefix,
              after: {
                source: plan.source,
                file: file.filename,
                sha256: plan.sha256,
                rows: plan.total,
                chunks: chunk + 1,
                resumedFrom: plan.skip,
                ...totals,
              },
            }
          : {
              action: 'roster.import.chunk',
              entityType: 'roster_import',
              entityId: plan.importId,
              regionCode: plan.regionPrefix,
              after: {
                source: plan.source,
                chunk,
                rows: rows.length,
                rowsDone: done + rows.length,
                ...chunkCounts,
              },
            },
      );
      return chunkCounts;
    });

  const runChunk = async (rows: RosterRow[]) => {
    const chunk = number++;
    const indexes = rows.map((r) => cipher.blindIndex(r.idNumber));
    const last = done + rows.length >= plan.total;
    let chunkCounts: Counts;
    if (plan.dryRun) {
      const stored = await database.db.transaction(async (tx) => {
        if (database.kind === 'postgres') await tx.execute(sql`SET LOCAL jit = off`);
        return w.findForImport(tx, indexes, false);
      });
      chunkCounts = countsOf(
        planWrites(rows, indexes, stored, cipher, plan.source, plan.today, plan.importId, actorName),
      );
    } else {
      chunkCounts = await writeChunk(rows, indexes, chunk, last);
      started = true;
    }
    done += rows.length;
    counts = add(counts, chunkCounts);
    plan.onProgress(done, plan.total, stage);
  };

  plan.onProgress(done, plan.total, stage);
  let positions: Positions | null = null;
  let seen = 0;
  let chunk: RosterRow[] = [];
  // One chunk in the database while the next is read; its failure surfaces at the next await.
  let inFlight: Promise<void> = Promise.resolve();
  const dispatch = async (rows: RosterRow[]) => {
    await inFlight;
    inFlight = runChunk(rows);
    inFlight.catch(() => {});
  };
  try {
    for await (const batch of readLines(file, { bytes: 0, encoding: plan.encoding })) {
      for (const line of batch) {
        if (!positions) {
          positions = columnPositions(line.cells);
          continue;
        }
        const parsed = parseLine(line.cells, line.row, positions, plan.source, plan.today);
        if (!parsed) continue;
        if (!parsed.row) throw conflict(PM['roster.file_changed'], { row: line.row });
        if (seen++ < plan.skip) continue;
        chunk.push(parsed.row);
        if (chunk.length >= plan.chunkSize) {
          await dispatch(chunk);
          chunk = [];
        }
      }
    }
    if (chunk.length > 0) await dispatch(chunk);
  } catch (err) {
    // A chunk still in the database finishes (or fails) before the run reports its error.
    await inFlight.catch(() => {});
    throw err;
  }
  await inFlight;
  if (seen !== plan.total) throw conflict(PM['roster.file_changed'], { row: seen + 1 });
  return counts;
}
