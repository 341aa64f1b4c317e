import { createHash, randomUUID } from 'node:crypto';
import type { Database } from '../../db/client.js';
import type { FieldCipher } from '../../lib/secrets.js';
import type { RequestContext } from '../../server/context.js';
import { AppError, M } from '../../server/errors.js';
import { translate } from '../../server/i18n.js';
import { requirePermission } from '../accounts/accounts.service.js';
import { isRegionInScope, regionPrefixOf, requireActor } from '../accounts/scope.js';
import { mutate } from '../audit/audit.service.js';
import type { UploadedFile } from '../regions/regions.population-file.js';
import { regionNames } from '../regions/regions.service.js';
import { type RosterRow, type RowProblem, readRosterFile } from './roster.import.js';
import { type MergePlan, mergeRow } from './roster.match.js';
import { PM } from './roster.messages.js';
import * as repo from './roster.repo.js';
import type { RosterImportResult, Source } from './roster.schema.js';

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
  onProgress?: (done: number, total: number, stage: string) => void;
}

/** Today in China (UTC+8) as `YYYY-MM-DD`. */
export function chinaToday(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/**
 * Import one department's file into the roster: rows are matched by the ID number's blind
 * index, new people created, flags merged per department, every change recorded, and
 * disagreements between departments queued as conflicts instead of overwriting. Any bad row
 * means nothing is written; a dry run writes nothing either. The same file (SHA-256) from the
 * same department is reported as already imported and not applied again.
 */
export async function importRoster(
  database: Database,
  cipher: FieldCipher,
  ctx: RequestContext,
  file: UploadedFile,
  options: RosterImportOptions,
): Promise<RosterImportResult> {
  const actor = requireActor(ctx.actor);
  requirePermission(actor, 'people.manage');
  const { source } = options;
  const dryRun = options.dryRun ?? false;
  const today = options.today ?? chinaToday();
  const progress = options.onProgress ?? (() => {});
  const sha256 = createHash('sha256').update(file.buffer).digest('hex');
  progress(0, 1, 'read');
  const sheet = await readRosterFile(file, source, today);
  progress(1, 1, 'read');
  const empty = {
    dryRun,
    alreadyImported: false,
    rows: sheet.total,
    created: 0,
    updated: 0,
    unchanged: 0,
    conflicts: 0,
  };

  const outside = sheet.rows.filter((r) => !isRegionInScope(actor, r.regionCode)).map((r) => r.row);
  const known = await regionNames(database.db, [...new Set(sheet.rows.map((r) => r.regionCode))]);
  const problems: RowProblem[] = [...sheet.problems];
  for (const r of sheet.rows) {
    if (!known.has(r.regionCode))
      problems.push({
        row: r.row,
        field: 'region_code',
        code: PM['roster.unknown_region'],
        params: { field: 'region_code', value: r.regionCode },
      });
  }
  const valid = sheet.rows.filter((r) => known.has(r.regionCode));
  const indexOf = new Map(valid.map((r) => [r, cipher.blindIndex(r.idNumber)]));
  const stored = await repo.findByIndexes(database.db, [...indexOf.values()]);
  for (const r of valid) {
    const person = stored.get(indexOf.get(r)!);
    if (person && !isRegionInScope(actor, person.regionCode)) outside.push(r.row);
  }
  if (outside.length > 0) {
    throw new AppError(403, M['error.out_of_scope'], { scope: regionPrefixOf(actor) || '*' }, undefined, {
      rows: [...new Set(outside)].sort((a, b) => a - b),
    });
  }
  if (problems.length > 0) {
    const errors = problems
      .sort((a, b) => a.row - b.row)
      .map((p) => ({ row: p.row, field: p.field, message: translate(p.code, ctx.lang, p.params) }));
    return { ...empty, errors };
  }
  if (!dryRun && (await repo.findImport(database.db, source, sha256))) {
    return { ...empty, alreadyImported: true, unchanged: sheet.total, errors: [] };
  }

  const importId = randomUUID();
  const writes = planWrites(valid, stored, indexOf, cipher, source, today, importId, actor.displayName);
  progress(valid.length, valid.length, 'match');
  const counts = {
    created: writes.people.length,
    updated: writes.updated,
    unchanged: writes.unchanged,
    conflicts: writes.conflicts.length,
  };
  const result = { ...empty, ...counts, errors: [] };
  if (dryRun) return result;

  await mutate(database.db, ctx, async (tx, audit) => {
    await repo.insertImport(tx, {
      id: importId,
      source,
      filename: file.filename,
      sha256,
      by: actor.id,
      rows: sheet.total,
      ...counts,
    });
    await repo.insertPeople(tx, writes.people);
    await repo.updatePeople(tx, writes.personUpdates);
    await repo.touchSeen(tx, writes.seen);
    await repo.upsertFlags(tx, writes.flagUpserts);
    await repo.deleteFlags(tx, writes.flagDeletes);
    await repo.insertChanges(tx, writes.changes);
    await repo.insertConflicts(tx, writes.conflicts);
    await audit({
      action: 'roster.import',
      entityType: 'roster_import',
      entityId: importId,
      regionCode: commonPrefix(valid.map((r) => r.regionCode)),
      after: { source, file: file.filename, sha256, rows: sheet.total, ...counts },
    });
  });
  progress(valid.length, valid.length, 'write');
  return result;
}

/** Every write of an import, computed in memory so they can be sent as a few batched statements. */
function planWrites(
  rows: RosterRow[],
  stored: Map<string, MergePlan['person']>,
  indexOf: Map<RosterRow, string>,
  cipher: FieldCipher,
  source: Source,
  today: string,
  importId: string,
  actorName: string,
) {
  const w = {
    people: [] as repo.NewPerson[],
    personUpdates: [] as MergePlan['person'][],
    seen: [] as { id: string; seenBy: unknown }[],
    flagUpserts: [] as repo.FlagRow[],
    flagDeletes: [] as { personId: string; flag: string; source: string }[],
    changes: [] as repo.ChangeRow[],
    conflicts: [] as repo.NewConflict[],
    updated: 0,
    unchanged: 0,
  };
  const change = (personId: string, field: string, oldValue: unknown, newValue: unknown) =>
    w.changes.push({ personId, field, oldValue, newValue, source, importId, actor: actorName });
  for (const row of rows) {
    const person = stored.get(indexOf.get(row)!);
    if (!person) {
      const id = randomUUID();
      const closed = row.household && row.household.status !== 'active' ? row.household : null;
      const said = { source, value: null, asOf: today };
      w.people.push({
        id,
        idNumberCipher: cipher.encrypt(row.idNumber),
        idNumberIndex: indexOf.get(row)!,
        name: row.name,
        sex: row.sex,
        birthDate: row.birthDate,
        regionCode: row.regionCode,
        address: row.address,
        phone: row.phone,
        livingSituation: row.livingSituation,
        status: closed?.status ?? 'active',
        closedOn: closed?.on ?? null,
        closedReason: closed ? source : null,
        fieldSources: {
          name: said,
          region_code: said,
          ...(row.address ? { address: said } : {}),
          ...(closed ? { status: said } : {}),
        },
        seenBy: { [source]: today },
      });
      change(id, 'created', null, {
        name: row.name,
        regionCode: row.regionCode,
        status: closed?.status ?? 'active',
      });
      for (const [flag, value] of Object.entries(row.flags)) {
        if (value) w.flagUpserts.push({ personId: id, flag, value, source, asOf: today });
      }
      continue;
    }
    const plan = mergeRow(person, row, source, today);
    for (const c of plan.changes) change(person.id, c.field, c.oldValue, c.newValue);
    for (const f of plan.flagUpserts) w.flagUpserts.push({ personId: person.id, ...f });
    for (const f of plan.flagDeletes) w.flagDeletes.push({ personId: person.id, ...f });
    for (const c of plan.conflicts)
      w.conflicts.push({
        personId: person.id,
        regionCode: person.regionCode,
        field: c.field,
        values: c.values,
        importId,
      });
    if (plan.personChanged) w.personUpdates.push(plan.person);
    else w.seen.push({ id: person.id, seenBy: plan.person.seenBy });
    if (plan.changes.length > 0) w.updated += 1;
    else w.unchanged += 1;
  }
  return w;
}

/** The longest region prefix shared by all codes (for the audit entry's region). */
function commonPrefix(codes: readonly string[]): string {
  if (codes.length === 0) return '';
  let prefix = codes[0]!;
  for (const code of codes) while (!code.startsWith(prefix)) prefix = prefix.slice(0, -1);
  const level = [12, 9, 6, 4, 2, 0].find((n) => n <= prefix.length) ?? 0;
  return prefix.slice(0, level);
}
