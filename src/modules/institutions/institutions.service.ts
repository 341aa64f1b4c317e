import type { Db, Executor, Tx } from '../../db/client.js';
import type { Actor, RequestContext } from '../../server/context.js';
import { AppError, conflict, notFound, outOfScope } from '../../server/errors.js';
import { requirePermission } from '../accounts/accounts.service.js';
import { ROLES } from '../accounts/roles.js';
import { assertRegionInScope, requireActor, type Scope, scopeOf } from '../accounts/scope.js';
import { mutate } from '../audit/audit.service.js';
import { regionNames } from '../regions/regions.service.js';
import { FM } from './filing.messages.js';
import * as filingRepo from './filing.repo.js';
import { defaultFunctionsFor } from './institutions.kinds.js';
import { IM } from './institutions.messages.js';
import { assertCanCreate, assertCanEdit, canReadInstitution, supervisesKind } from './institutions.policy.js';
import { institutionSnapshot, presentInstitution, presentSummary } from './institutions.presenter.js';
import * as repo from './institutions.repo.js';
import {
  assertCommunity,
  assertConsistent,
  normaliseFunctions,
  sameFunctions,
} from './institutions.rules.js';
import {
  type InstitutionInput,
  type InstitutionListFilters,
  type InstitutionPatch,
  type InstitutionView,
  REGISTERED_PARTICULARS,
  type RegisteredParticular,
} from './institutions.schema.js';

/** An institution the caller may see: 404 when none exists, 403 when it lies outside the caller's scope. */
export async function loadInstitution(
  db: Executor,
  ctx: RequestContext,
  id: string,
): Promise<repo.InstitutionRow> {
  const actor = requireActor(ctx.actor);
  const row = await repo.findInstitutionInScope(db, scopeOf(actor), id);
  if (row && canReadInstitution(actor, row)) return row;
  requirePermission(actor, 'institutions.read');
  if (await repo.institutionExists(db, id)) throw outOfScope(actor.regionCode || actor.institutionId || '');
  throw notFound(ctx.lang === 'en' ? 'institution' : '机构');
}

/** Present one institution with its names, functions, counts and current filing. */
export async function viewInstitution(db: Executor, row: repo.InstitutionRow): Promise<InstitutionView> {
  const [names, functions, counts, filing] = await Promise.all([
    regionNames(db, [row.regionCode]),
    repo.listFunctionsOf(db, [row.id]),
    repo.countClassesAndStaff(db, row.id),
    filingRepo.findCurrentFiling(db, row.id),
  ]);
  return presentInstitution(row, {
    regionName: names.get(row.regionCode) ?? null,
    functions: functions.get(row.id) ?? [],
    ...counts,
    currentFiling: filing ? { id: filing.id, kind: filing.kind, status: filing.status } : null,
  });
}

export async function getInstitution(db: Db, ctx: RequestContext, id: string): Promise<InstitutionView> {
  return viewInstitution(db, await loadInstitution(db, ctx, id));
}

/** A page of the register inside the caller's scope; a `regionCode` filter outside it is refused. */
export async function listInstitutions(db: Db, ctx: RequestContext, filters: InstitutionListFilters) {
  const actor = requireActor(ctx.actor);
  requirePermission(actor, 'institutions.read');
  const scope: Scope = scopeOf(actor);
  if (filters.regionCode && scope.kind === 'region') assertRegionInScope(actor, filters.regionCode);
  const { items, total } = await repo.listInstitutions(db, scope, filters);
  const [names, functions] = await Promise.all([
    regionNames(
      db,
      items.map((r) => r.regionCode),
    ),
    repo.listFunctionsOf(
      db,
      items.map((r) => r.id),
    ),
  ]);
  return {
    items: items.map((r) => presentSummary(r, names.get(r.regionCode) ?? null, functions.get(r.id) ?? [])),
    total,
    page: filters.page,
    pageSize: filters.pageSize,
  };
}

/** Check a new institution and turn it into the row and functions to store. */
export async function prepareNewInstitution(db: Executor, input: InstitutionInput) {
  const values = {
    name: input.name,
    kind: input.kind,
    operator: input.operator,
    creditCode: input.creditCode ?? null,
    legalRepresentative: input.legalRepresentative ?? null,
    affordable: input.affordable,
    priceCap: input.priceCap ?? null,
    regionCode: input.regionCode,
    address: input.address,
    lat: input.lat ?? null,
    lng: input.lng ?? null,
    floor: input.floor ?? null,
    phone: input.phone ?? null,
    openingHours: (input.openingHours ?? {}) as Record<string, string>,
    careForms: [...new Set(input.careForms ?? [])],
    prices: (input.prices ?? {}) as Record<string, number>,
    minAgeMonths: input.minAgeMonths ?? null,
    maxAgeMonths: input.maxAgeMonths ?? null,
    description: input.description ?? null,
    chainOperator: input.chainOperator ?? null,
    entrustedBy: input.entrustedBy ?? null,
    status: 'draft',
  } satisfies repo.InstitutionValues;
  assertConsistent(values);
  const functions = input.functions
    ? normaliseFunctions(input.kind, input.functions)
    : defaultFunctionsFor(input.kind);
  await assertCommunity(db, input.regionCode);
  return { values, functions };
}

/** Store a checked new institution with its functions and its draft initial filing. */
export async function insertNewInstitution(
  tx: Tx,
  prepared: Awaited<ReturnType<typeof prepareNewInstitution>>,
): Promise<repo.InstitutionRow> {
  const row = await repo.insertInstitution(tx, prepared.values);
  await repo.replaceFunctions(tx, row.id, prepared.functions);
  await filingRepo.insertFiling(tx, {
    institutionId: row.id,
    kind: 'initial',
    status: 'draft',
    countyCode: row.regionCode.slice(0, 6),
  });
  return row;
}

/** An official (county level and up, supervising department, in scope) or the system administrator registers an institution. */
export async function createInstitution(
  db: Db,
  ctx: RequestContext,
  input: InstitutionInput,
): Promise<InstitutionView> {
  const actor = requireActor(ctx.actor);
  assertCanCreate(actor, input.kind, input.regionCode);
  const prepared = await prepareNewInstitution(db, input);
  const row = await mutate(db, ctx, async (tx, audit) => {
    const created = await insertNewInstitution(tx, prepared);
    await audit({
      action: 'institution.create',
      entityType: 'institution',
      entityId: created.id,
      regionCode: created.regionCode,
      institutionId: created.id,
      after: institutionSnapshot(created, prepared.functions),
    });
    return created;
  });
  return viewInstitution(db, row);
}

/** Whether a patched value differs from what the register holds. */
function differs(
  field: RegisteredParticular,
  value: unknown,
  row: repo.InstitutionRow,
  functions: repo.FunctionRow[],
) {
  if (field === 'functions') return !sameFunctions(value as repo.FunctionRow[], functions);
  return value !== row[field];
}

/**
 * Change an institution's record (its admin, or a supervising official in scope). Once filed, its
 * registered particulars change only through a change filing: 409 naming that route.
 */
export async function updateInstitution(
  db: Db,
  ctx: RequestContext,
  id: string,
  patch: InstitutionPatch,
): Promise<InstitutionView> {
  const actor = requireActor(ctx.actor);
  const before = await loadInstitution(db, ctx, id);
  assertCanEdit(actor, before);
  if (before.status === 'deregistered') throw conflict(IM['institutions.deregistered']);
  const kind = patch.kind ?? before.kind;
  const functionsBefore = (await repo.listFunctionsOf(db, [id])).get(id) ?? [];
  const functions = patch.functions ? normaliseFunctions(kind, patch.functions) : undefined;
  const changed = REGISTERED_PARTICULARS.filter(
    (f) =>
      patch[f] !== undefined && differs(f, f === 'functions' ? functions : patch[f], before, functionsBefore),
  );
  if (before.status === 'filed' && changed.length > 0) {
    const route = `/api/institutions/${id}/filings`;
    throw conflict(
      IM['institutions.particulars_locked'],
      { fields: changed.join(', '), route },
      { fields: changed, route },
    );
  }
  await assertMayMoveTo(db, actor, kind, patch.regionCode, before);
  const { functions: _f, ...fields } = patch;
  const merged = { ...before, ...fields } as repo.InstitutionRow;
  assertConsistent(merged);
  if (patch.kind && !patch.functions) normaliseFunctions(kind, functionsBefore);
  await mutate(db, ctx, async (tx, audit) => {
    const after = await repo.updateInstitution(tx, id, { ...fields } as Partial<repo.InstitutionValues>);
    if (functions) await repo.replaceFunctions(tx, id, functions);
    if (patch.regionCode && patch.regionCode !== before.regionCode) {
      await filingRepo.moveOpenFilings(tx, id, patch.regionCode.slice(0, 6));
    }
    await audit({
      action: 'institution.update',
      entityType: 'institution',
      entityId: id,
      regionCode: after.regionCode,
      institutionId: id,
      before: institutionSnapshot(before, functionsBefore),
      after: institutionSnapshot(after, functions ?? functionsBefore),
    });
  });
  return getInstitution(db, ctx, id);
}

/** A new kind or region must still be one the caller supervises, and a real community. */
async function assertMayMoveTo(
  db: Executor,
  actor: Actor,
  kind: string,
  regionCode: string | undefined,
  before: repo.InstitutionRow,
): Promise<void> {
  const official = ROLES[actor.role].kind !== 'institution';
  if (official && kind !== before.kind && !supervisesKind(actor, kind)) {
    throw new AppError(403, IM['institutions.wrong_department'], { kind }, 'kind');
  }
  if (regionCode && regionCode !== before.regionCode) {
    if (official) assertRegionInScope(actor, regionCode);
    await assertCommunity(db, regionCode);
  }
}

/** Replace the functions of an institution (PUT …/functions); the same rules as a patch. */
export async function replaceInstitutionFunctions(
  db: Db,
  ctx: RequestContext,
  id: string,
  functions: NonNullable<InstitutionPatch['functions']>,
) {
  const view = await updateInstitution(db, ctx, id, { functions });
  return { items: view.functions };
}

/**
 * Check the particulars a change filing proposes against the same rules as the register, and keep
 * only those that differ from it; refuses a change that changes nothing.
 */
export async function assertChangesAcceptable(
  db: Executor,
  actor: Actor,
  row: repo.InstitutionRow,
  changes: InstitutionPatch,
): Promise<Record<string, unknown>> {
  const kind = changes.kind ?? row.kind;
  const functionsBefore = (await repo.listFunctionsOf(db, [row.id])).get(row.id) ?? [];
  const functions = changes.functions
    ? normaliseFunctions(kind, changes.functions, 'changes.functions')
    : changes.kind
      ? normaliseFunctions(kind, functionsBefore, 'functions')
      : undefined;
  const kept: Record<string, unknown> = {};
  for (const field of REGISTERED_PARTICULARS) {
    const value = field === 'functions' ? (changes.functions ? functions : undefined) : changes[field];
    if (value !== undefined && differs(field, value, row, functionsBefore)) kept[field] = value;
  }
  if (Object.keys(kept).length === 0) throw new AppError(400, FM['filing.changes_required'], {}, 'changes');
  if (typeof kept.regionCode === 'string') await assertCommunity(db, kept.regionCode, 'changes.regionCode');
  if (ROLES[actor.role].kind !== 'institution' && kept.kind && !supervisesKind(actor, kind)) {
    throw new AppError(403, IM['institutions.wrong_department'], { kind }, 'changes.kind');
  }
  return kept;
}

/** Apply an approved change filing's particulars to the register, inside the approval's transaction. */
export async function applyParticularChanges(
  tx: Tx,
  row: repo.InstitutionRow,
  changes: Record<string, unknown>,
): Promise<repo.InstitutionRow> {
  const { functions, ...fields } = changes as InstitutionPatch;
  const kind = fields.kind ?? row.kind;
  const after = await repo.updateInstitution(tx, row.id, fields as Partial<repo.InstitutionValues>);
  if (functions) await repo.replaceFunctions(tx, row.id, normaliseFunctions(kind, functions));
  return after;
}
