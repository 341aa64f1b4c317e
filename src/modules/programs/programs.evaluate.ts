/**
 * Evaluating programs over the roster: the whole region in batches (townships up to ~50,000
 * people: one statement, one transaction and one audit entry each), and one person inside
 * another write's transaction (the `onPersonChanged` hook). Both run the SQL of programs.sql.ts.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { Db, Executor, Tx } from '../../db/client.js';
import type { RequestContext } from '../../server/context.js';
import { conflict } from '../../server/errors.js';
import { chinaToday } from '../../standards/working-days.js';
import { mutate } from '../audit/audit.service.js';
import { regionCaller, visibleProgram, workingRegion } from './programs.access.js';
import { PGM } from './programs.messages.js';
import * as repo from './programs.repo.js';
import {
  ANALYZE_AFTER,
  type BatchCounts,
  type EvaluatedProgram,
  evaluateWhere,
  lockProgram,
  preferHashJoins,
  refreshStatistics,
} from './programs.sql.js';

export type ProgressFn = (done: number, total: number, stage: string) => void;

export interface RunOptions {
  /** The day of the run (`YYYY-MM-DD`, China time); default today. */
  onDay?: string;
  onProgress?: ProgressFn;
}

const asEvaluated = (p: repo.ProgramRow): EvaluatedProgram => ({
  id: p.id,
  regionPrefix: p.regionPrefix,
  eligibility: p.eligibility,
  benefit: p.benefit,
  autoEnrol: p.autoEnrol,
});

/** 409 unless the program is active and has not ended by `day`. */
export function assertInForce(program: repo.ProgramRow, from: string, to: string = from): void {
  const ended = program.endsOn !== null && program.endsOn < from;
  if (program.status !== 'active' || ended || program.startsOn > to) {
    throw conflict(PGM['programs.not_in_force'], {
      on: from === to ? from : `${from}–${to}`,
      startsOn: program.startsOn,
      endsOn: program.endsOn ?? '—',
      status: program.status,
    });
  }
}

/** People per batch: townships are grouped until a batch holds about this many. */
export const BATCH_PEOPLE = 50_000;

export interface Batch {
  /** Township prefixes (or the region itself when it is a township or a community). */
  prefixes: string[];
  people: number;
  /** The longest region (2, 4, 6, 9 or 12 digits) holding every prefix: the audit entry's region. */
  regionCode: string;
}

/** The longest whole-level region code shared by all prefixes. */
function commonRegion(prefixes: readonly string[]): string {
  let common = prefixes[0] ?? '';
  for (const p of prefixes) while (!p.startsWith(common)) common = common.slice(0, -1);
  return common.slice(0, [12, 9, 6, 4, 2, 0].find((n) => n <= common.length) ?? 0);
}

/**
 * The batches of a region: consecutive townships (9-digit prefixes) holding people, grouped up
 * to about BATCH_PEOPLE each, or the region itself when it is a township or a community. Each
 * batch reads index ranges of older_people by region prefix.
 */
export async function regionBatches(ex: Executor, region: string): Promise<Batch[]> {
  const townships = await repo.townshipsUnder(ex, region);
  if (region.length >= 9) {
    const people = townships.reduce((n, t) => n + t.people, 0);
    return people > 0 ? [{ prefixes: [region], people, regionCode: region }] : [];
  }
  const batches: Batch[] = [];
  let current: Batch | null = null;
  for (const t of townships) {
    if (!current || current.people + t.people > BATCH_PEOPLE) {
      current = { prefixes: [], people: 0, regionCode: '' };
      batches.push(current);
    }
    current.prefixes.push(t.township);
    current.people += t.people;
  }
  for (const b of batches) b.regionCode = commonRegion(b.prefixes);
  return batches;
}

/** `older_people p` lies under one of the batch's prefixes. */
export function inBatch(batch: Batch): SQL {
  return sql`(${sql.join(
    batch.prefixes.map((prefix) => repo.under('p.region_code', prefix)),
    sql` OR `,
  )})`;
}

/** The later of two `YYYY-MM-DD` days. */
function laterDay(a: string, b: string): string {
  if (a > b) return a;
  return b;
}

const add = (a: BatchCounts, b: BatchCounts): BatchCounts => ({
  evaluated: a.evaluated + b.evaluated,
  eligible: a.eligible + b.eligible,
  enrolled: a.enrolled + b.enrolled,
  ended: a.ended + b.ended,
});

/**
 * Evaluate a program over everyone in the caller's part of its region, township by township,
 * then those it judged or enrolled before who have moved away. Auto-enrol programs enrol the
 * newly eligible and end the enrolments of those no longer eligible.
 */
export async function evaluateProgram(db: Db, ctx: RequestContext, id: string, options: RunOptions = {}) {
  const { actor, prefix } = regionCaller(ctx, 'programs.manage');
  const program = await visibleProgram(db, prefix, id);
  const region = workingRegion(program.regionPrefix, prefix);
  const today = options.onDay ?? chinaToday();
  // A program that starts later is judged as of its first day (and enrols from then).
  const onDay = laterDay(program.startsOn, today);
  assertInForce(program, today, onDay);
  const rules = asEvaluated(program);
  const batches = await regionBatches(db, region);
  const total = batches.reduce((n, b) => n + b.people, 0);
  const progress = options.onProgress ?? (() => {});
  let totals: BatchCounts = { evaluated: 0, eligible: 0, enrolled: 0, ended: 0 };

  const run = (where: SQL, regionCode: string) =>
    mutate(db, ctx, async (tx, audit) => {
      await lockProgram(tx, id);
      await preferHashJoins(tx);
      const counts = await evaluateWhere(tx, rules, where, onDay, actor.id);
      if (counts.evaluated > 0) {
        await audit({
          action: 'program.evaluate',
          entityType: 'program',
          entityId: id,
          regionCode,
          after: { onDay, ...counts },
        });
      }
      return counts;
    });

  progress(0, total, 'evaluate');
  for (const batch of batches) {
    totals = add(totals, await run(inBatch(batch), batch.regionCode));
    progress(totals.evaluated, total, 'evaluate');
  }
  const moved = sql`p.region_code NOT LIKE ${`${program.regionPrefix}%`} AND (
      EXISTS (SELECT 1 FROM program_eligibility e WHERE e.program_id = ${id}::uuid AND e.person_id = p.id)
      OR EXISTS (SELECT 1 FROM program_enrolments en WHERE en.program_id = ${id}::uuid AND en.person_id = p.id
                   AND en.status = 'enrolled'))`;
  totals = add(totals, await run(moved, program.regionPrefix));
  if (totals.evaluated >= ANALYZE_AFTER) await refreshStatistics(db, 'evaluation');
  return { regionCode: region, onDay, ...totals };
}

/**
 * Judge people again against every program in force that concerns them, on the caller's
 * transaction (an assessment stored, roster data or flags changed, a conflict resolved): the same
 * set-based SQL as the whole roster, so eligibility, enrolments and the report stay right at once.
 */
export async function reevaluatePeople(
  tx: Executor,
  personIds: readonly string[],
  onDay: string = chinaToday(),
) {
  if (personIds.length === 0) return;
  const programs = await repo.programsForPeople(tx, personIds, onDay);
  const ids = `{${personIds.join(',')}}`;
  for (const program of programs) {
    await lockProgram(tx, program.id);
    await evaluateWhere(tx, asEvaluated(program), sql`p.id = ANY (${ids}::uuid[])`, onDay, null);
  }
}

/** One person: `reevaluatePeople` for one. */
export const reevaluatePerson = (tx: Executor, personId: string, onDay?: string) =>
  reevaluatePeople(tx, [personId], onDay);

/** The hook registered with assessments.events `onPersonChanged` (one function, registered once). */
export const reevaluateOnPersonChanged = (tx: Tx, personIds: readonly string[]) =>
  reevaluatePeople(tx, personIds);
