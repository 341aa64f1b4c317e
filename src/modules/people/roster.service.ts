import { randomUUID } from 'node:crypto';
import type { Database } from '../../db/client.js';
import type { FieldCipher } from '../../lib/secrets.js';
import type { RequestContext } from '../../server/context.js';
import { AppError, M } from '../../server/errors.js';
import { translate } from '../../server/i18n.js';
import { requirePermission } from '../accounts/accounts.service.js';
import { regionPrefixOf, requireActor } from '../accounts/scope.js';
import { applyFile } from './roster.apply.js';
import { PM } from './roster.messages.js';
import { failImport, findImport, isFinished } from './roster.progress.js';
import type { RosterFile } from './roster.read.js';
import type { RosterImportResult, Source } from './roster.schema.js';
import { validateFile } from './roster.validate.js';

export {
  getPerson,
  listPeople,
  listRosterConflicts,
  resolveConflict,
  revealIdNumber,
} from './roster.people.js';

export interface RosterImportOptions {
  source: Source;
  dryRun?: boolean;
  /** The import day (`YYYY-MM-DD`, China time); decides ages and "as of" dates. Default today. */
  today?: string;
  /** Stages: `read` (bytes of the file checked), then `write` (rows applied) or `match` (dry run). */
  onProgress?: (done: number, total: number, stage: string) => void;
  /** Rows per chunk, each applied in its own transaction; default 5,000. */
  chunkSize?: number;
  /** Test hook: runs inside each chunk's transaction just before it commits (throw to fail that chunk). */
  beforeCommit?: (chunk: number) => void | Promise<void>;
}

export const CHUNK_SIZE = 5000;

/** Today in China (UTC+8) as `YYYY-MM-DD`. */
export function chinaToday(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/**
 * Import one department's file into the roster: rows are matched by the ID number's blind
 * index, new people created, flags merged per department, every change recorded, and
 * disagreements between departments queued as conflicts instead of overwriting. The file is
 * streamed twice: first every row is checked (any bad row means nothing is written; a dry run
 * writes nothing either), then rows are applied in chunks, each in its own transaction that also
 * records the progress. The same file (SHA-256) from the same department is reported as already
 * imported once finished; while unfinished (the process was killed, a chunk failed) it resumes
 * after the last committed chunk, and the totals are those of an uninterrupted run.
 */
export async function importRoster(
  database: Database,
  cipher: FieldCipher,
  ctx: RequestContext,
  file: RosterFile,
  options: RosterImportOptions,
): Promise<RosterImportResult> {
  const actor = requireActor(ctx.actor);
  requirePermission(actor, 'people.manage');
  const { source } = options;
  const dryRun = options.dryRun ?? false;
  const progress = options.onProgress ?? (() => {});
  const today = options.today ?? chinaToday();
  const checked = await validateFile(database, cipher, actor, file, source, today, (done, total) =>
    progress(done, total, 'read'),
  );
  const empty = {
    dryRun,
    alreadyImported: false,
    rows: checked.total,
    created: 0,
    updated: 0,
    unchanged: 0,
    conflicts: 0,
    rowsDone: 0,
    resumedFrom: 0,
  };
  if (checked.outside.length > 0) {
    throw new AppError(403, M['error.out_of_scope'], { scope: regionPrefixOf(actor) || '*' }, undefined, {
      rows: checked.outside,
    });
  }
  if (checked.problems.length > 0) {
    const errors = checked.problems
      .sort((a, b) => a.row - b.row)
      .map((p) => ({ row: p.row, field: p.field, message: translate(p.code, ctx.lang, p.params) }));
    return { ...empty, errors };
  }
  const record = dryRun ? null : await findImport(database.db, source, checked.sha256);
  if (record && isFinished(record)) {
    return { ...empty, alreadyImported: true, unchanged: checked.total, rowsDone: checked.total, errors: [] };
  }

  const importId = record?.id ?? randomUUID();
  const resumedFrom = record?.rowsDone ?? 0;
  try {
    const counts = await applyFile(database, cipher, ctx, file, {
      source,
      today: record?.asOf ?? today,
      importId,
      sha256: checked.sha256,
      total: checked.total,
      skip: resumedFrom,
      counts: record ?? { created: 0, updated: 0, unchanged: 0, conflicts: 0 },
      firstChunk: (record?.lastChunk ?? -1) + 1,
      started: record !== null,
      dryRun,
      chunkSize: options.chunkSize ?? CHUNK_SIZE,
      encoding: checked.encoding,
      regionPrefix: checked.regionPrefix,
      beforeCommit: options.beforeCommit,
      onProgress: progress,
    });
    const { created, updated, unchanged, conflicts } = counts;
    const rowsDone = dryRun ? 0 : checked.total;
    return { ...empty, created, updated, unchanged, conflicts, rowsDone, resumedFrom, errors: [] };
  } catch (err) {
    const lost = err instanceof AppError && err.code === PM['roster.import_running'];
    if (!dryRun && !lost) {
      const reason = err instanceof AppError ? translate(err.code, 'en', err.params) : String(err);
      await failImport(database.db, importId, reason).catch(() => {});
    }
    throw err;
  }
}
