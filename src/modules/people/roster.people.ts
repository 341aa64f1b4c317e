import type { Database } from '../../db/client.js';
import { maskPhone } from '../../lib/mask.js';
import type { FieldCipher } from '../../lib/secrets.js';
import type { Actor, RequestContext } from '../../server/context.js';
import { AppError, conflict, notFound, outOfScope } from '../../server/errors.js';
import { ageOn, maskIdNumber } from '../../standards/id-number.js';
import { requirePermission } from '../accounts/accounts.service.js';
import { assertRegionInScope, regionPrefixOf, requireActor } from '../accounts/scope.js';
import { personChanged } from '../assessments/assessments.events.js';
import { mutate, recordAudit } from '../audit/audit.service.js';
import { applyStatus, type Said } from './roster.match.js';
import { PM } from './roster.messages.js';
import * as repo from './roster.repo.js';
import type { ListQuery, ResolveBody } from './roster.schema.js';

/** Today in China (UTC+8), `YYYY-MM-DD`. */
const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

function readerScope(ctx: RequestContext): { actor: Actor; prefix: string } {
  const actor = requireActor(ctx.actor);
  requirePermission(actor, 'people.read');
  const prefix = regionPrefixOf(actor);
  if (prefix === null) throw outOfScope(actor.username);
  return { actor, prefix };
}

/** The fields a list shows: ID number and phone masked, never in full. */
function presentSummary(cipher: FieldCipher, p: repo.PersonRow, flags: string[]) {
  const day = today();
  const age = ageOn(p.birthDate, day);
  return {
    id: p.id,
    name: p.name,
    sex: p.sex,
    birthDate: p.birthDate,
    age,
    idNumber: maskIdNumber(cipher.decrypt(p.idNumberCipher)),
    regionCode: p.regionCode,
    phone: maskPhone(p.phone),
    status: p.status as 'active' | 'deceased' | 'moved_out',
    flags: age >= 80 ? [...new Set([...flags, 'aged_80_plus'])].sort() : flags,
  };
}

/** A page of the roster inside the caller's region; one 'person.read' audit entry per request. */
export async function listPeople(
  database: Database,
  cipher: FieldCipher,
  ctx: RequestContext,
  query: ListQuery,
) {
  const { prefix } = readerScope(ctx);
  if (query.regionCode && !query.regionCode.startsWith(prefix) && !prefix.startsWith(query.regionCode))
    throw outOfScope(prefix);
  const { items, total } = await repo.listPeople(database.db, prefix, query);
  await recordAudit(database.db, ctx, {
    action: 'person.read',
    entityType: 'older_person',
    regionCode: query.regionCode?.startsWith(prefix) ? query.regionCode : prefix,
    after: { query, ids: items.map((p) => p.id) },
  });
  return {
    items: items.map((p) => presentSummary(cipher, p, p.flags)),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

async function personInScope(database: Database, actor: Actor, prefix: string, id: string) {
  const person = await repo.findPerson(database.db, prefix, id);
  if (person) return person;
  const region = await repo.personRegion(database.db, id);
  if (region === null) throw notFound(PM['roster.person']);
  assertRegionInScope(actor, region);
  throw notFound(PM['roster.person']);
}

/** One person with flags by source, change history and open conflicts (audited as a read). */
export async function getPerson(database: Database, cipher: FieldCipher, ctx: RequestContext, id: string) {
  const { actor, prefix } = readerScope(ctx);
  const person = await personInScope(database, actor, prefix, id);
  const [flags, changes, conflicts] = await Promise.all([
    repo.flagsOf(database.db, id),
    repo.changesOf(database.db, id),
    repo.listConflicts(database.db, prefix, { status: 'open', personId: id }),
  ]);
  await recordAudit(database.db, ctx, {
    action: 'person.read',
    entityType: 'older_person',
    entityId: id,
    regionCode: person.regionCode,
  });
  return {
    ...presentSummary(cipher, person, [...new Set(flags.map((f) => f.flag))].sort()),
    address: person.address,
    livingSituation: person.livingSituation,
    householdId: person.householdId,
    closedOn: person.closedOn,
    closedReason: person.closedReason,
    flagsBySource: flags.map((f) => ({ flag: f.flag, value: f.value, source: f.source, asOf: f.asOf })),
    changes: changes.map((c) => ({
      field: c.field,
      oldValue: c.oldValue,
      newValue: c.newValue,
      source: c.source,
      at: c.at,
      actor: c.actor,
    })),
    conflicts,
  };
}

/** Conflicts inside the caller's region. */
export async function listRosterConflicts(
  database: Database,
  ctx: RequestContext,
  query: { status: string; regionCode?: string },
) {
  const { prefix } = readerScope(ctx);
  if (query.regionCode && !query.regionCode.startsWith(prefix)) throw outOfScope(prefix);
  return {
    items: await repo.listConflicts(database.db, query.regionCode ?? prefix, { status: query.status }),
  };
}

const SHARED_COLUMNS = { name: 'name', region_code: 'regionCode', address: 'address' } as const;

/**
 * Resolve a conflict: apply the value of the chosen department (or a value the official
 * gives), record the change and the resolution, audited, in one transaction.
 */
export async function resolveConflict(
  database: Database,
  ctx: RequestContext,
  id: string,
  body: ResolveBody,
) {
  const actor = requireActor(ctx.actor);
  requirePermission(actor, 'people.manage');
  return mutate(database.db, ctx, async (tx, audit) => {
    const found = await repo.lockConflict(tx, id);
    if (!found) throw notFound(PM['roster.conflict']);
    assertRegionInScope(actor, found.regionCode);
    if (found.status !== 'open') throw conflict(PM['roster.already_resolved'], {}, { status: found.status });
    const chosen: Said | undefined = found.values.find((v) => v.source === body.choose);
    const value = chosen ? chosen.value : parseChoice(found.field, body.choose, found.values);
    const person = await repo.findPerson(tx, '', found.personId);
    if (!person) throw notFound(PM['roster.person']);
    const changes: repo.ChangeRow[] = [];
    const change = (field: string, oldValue: unknown, newValue: unknown) =>
      changes.push({
        personId: person.id,
        field,
        oldValue,
        newValue,
        source: 'resolution',
        importId: null,
        actor: actor.displayName,
      });
    const stored = {
      ...person,
      fieldSources: { ...(person.fieldSources ?? {}) },
      flags: [],
      openConflicts: [],
    };
    const plan = { person: stored, personChanged: false };
    const by = { source: chosen?.source ?? 'resolution', value: null, asOf: chosen?.asOf ?? today() };
    if (found.field in SHARED_COLUMNS) {
      const key = SHARED_COLUMNS[found.field as keyof typeof SHARED_COLUMNS];
      if (found.field === 'region_code') assertRegionInScope(actor, String(value));
      change(found.field, stored[key], value);
      (stored as Record<string, unknown>)[key] = value;
      stored.fieldSources[found.field] = by;
      plan.personChanged = true;
    } else if (found.field === 'status') {
      const status = String(value);
      const closed = status === 'active' ? null : (chosen?.asOf ?? today());
      applyStatus(
        plan,
        status,
        closed,
        status === 'active' ? null : by.source,
        by.source,
        by.asOf ?? today(),
        change,
      );
    } else {
      const flag = found.field.replace(/^flag:/, '');
      const flags = found.values.map((v) => ({
        personId: person.id,
        flag,
        value,
        source: v.source,
        asOf: today(),
      }));
      await repo.upsertFlags(tx, flags);
      for (const f of found.values) change(found.field, f.value, value);
    }
    if (plan.personChanged) await repo.updatePeople(tx, [stored]);
    await repo.insertChanges(tx, changes);
    const resolution = { chosen: chosen?.source ?? null, value, note: body.note ?? null };
    await repo.markResolved(tx, id, resolution, actor.id);
    await personChanged(tx, person.id);
    await audit({
      action: 'roster.conflict.resolve',
      entityType: 'roster_conflict',
      entityId: id,
      regionCode: found.regionCode,
      before: { field: found.field, values: found.values },
      after: resolution,
    });
    return { ...found, status: 'resolved' as const, resolution, resolvedAt: new Date().toISOString() };
  });
}

/** A value the official typed instead of choosing a department; must fit the field. */
function parseChoice(field: string, choose: string | number, values: Said[]): unknown {
  const options = values.map((v) => v.source).join(', ');
  const refuse = () => new AppError(400, PM['roster.bad_choice'], { options }, 'choose');
  if (field === 'status') {
    if (!['active', 'deceased', 'moved_out'].includes(String(choose))) throw refuse();
    return String(choose);
  }
  if (field === 'flag:disabled') {
    const grade = Number(choose);
    if (![1, 2, 3, 4].includes(grade)) throw refuse();
    return { grade };
  }
  if (field === 'region_code' && !/^\d{12}$/.test(String(choose))) throw refuse();
  return String(choose);
}

/** The full ID number of one person, for a permitted official; every reveal is audited. */
export async function revealIdNumber(
  database: Database,
  cipher: FieldCipher,
  ctx: RequestContext,
  id: string,
) {
  const { actor, prefix } = readerScope(ctx);
  requirePermission(actor, 'people.reveal_id');
  const person = await personInScope(database, actor, prefix, id);
  return mutate(database.db, ctx, async (_tx, audit) => {
    await audit({
      action: 'person.reveal_id',
      entityType: 'older_person',
      entityId: id,
      regionCode: person.regionCode,
    });
    return { id, idNumber: cipher.decrypt(person.idNumberCipher) };
  });
}
