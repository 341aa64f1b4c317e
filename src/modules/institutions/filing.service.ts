import type { Db, Executor, Tx } from '../../db/client.js';
import type { RequestContext } from '../../server/context.js';
import { AppError, conflict, forbidden, notFound, outOfScope } from '../../server/errors.js';
import { missingMaterials } from '../../standards/filing-materials.js';
import { requirePermission } from '../accounts/accounts.service.js';
import { requireActor, scopeOf } from '../accounts/scope.js';
import { mutate } from '../audit/audit.service.js';
import { applyToInstitution, assertActionInput, changesFor, notAllowed } from './filing.actions.js';
import { actionName, FM, filingKindName, materialName, sideName, statusName } from './filing.messages.js';
import { mayTake, sidesOf } from './filing.policy.js';
import { materialsChecklist, materialsRequiredFor, presentFiling } from './filing.presenter.js';
import * as repo from './filing.repo.js';
import type { ActionInput, CreateFilingInput, FilingView } from './filing.schema.js';
import {
  ACTION_SIDE,
  actionsFor,
  type FilingAction,
  isActionAllowed,
  RESULT_STATUS,
} from './filing.workflow.js';
import { canReadInstitution } from './institutions.policy.js';
import * as institutionsRepo from './institutions.repo.js';
import { assertChangesAcceptable, loadInstitution } from './institutions.service.js';
import * as uploadsRepo from './uploads.repo.js';

/**
 * The clock filings read: submission times, deadlines and the work queue's "today". Tests set
 * `filingClock.now = () => new Date('2026-02-13T10:00:00+08:00')` to pin a date (and restore it
 * after); production never touches it.
 */
export const filingClock = { now: (): Date => new Date() };

type Loaded = { filing: repo.FilingRow; institution: institutionsRepo.InstitutionRow };

/** A filing the caller may see: 404 when none exists, 403 when its institution lies outside the scope. */
async function loadFiling(db: Executor, ctx: RequestContext, id: string): Promise<Loaded> {
  const actor = requireActor(ctx.actor);
  const row = await repo.findFilingInScope(db, scopeOf(actor), id);
  if (row && canReadInstitution(actor, row.institution)) return row;
  requirePermission(actor, 'institutions.read');
  if (await repo.filingExists(db, id)) throw outOfScope(actor.regionCode || actor.institutionId || '');
  throw notFound(ctx.lang === 'en' ? 'filing' : '备案');
}

/** The present material kinds of an institution and the materials its filing needs. */
async function materialsOf(db: Executor, { filing, institution }: Loaded) {
  const [uploads, functions] = await Promise.all([
    uploadsRepo.listUploadsOf(db, institution.id),
    institutionsRepo.listFunctionsOf(db, [institution.id]),
  ]);
  const required = materialsRequiredFor(filing.kind, institution, functions.get(institution.id) ?? []);
  return { uploads, required };
}

async function viewFiling(db: Executor, ctx: RequestContext, loaded: Loaded): Promise<FilingView> {
  const actor = requireActor(ctx.actor);
  const [{ uploads, required }, events] = await Promise.all([
    materialsOf(db, loaded),
    repo.listEvents(db, loaded.filing.id),
  ]);
  const sides = sidesOf(actor, loaded.filing, loaded.institution.kind);
  return presentFiling(
    loaded.filing,
    loaded.institution.name,
    materialsChecklist(required, uploads, ctx.lang),
    actionsFor(loaded.filing.status, sides),
    events,
  );
}

/** One filing with its checklist, the actions open to the caller, and its history. */
export async function getFiling(db: Db, ctx: RequestContext, id: string): Promise<FilingView> {
  return viewFiling(db, ctx, await loadFiling(db, ctx, id));
}

/** Every filing of an institution the caller may see, newest first. */
export async function listFilings(db: Db, ctx: RequestContext, institutionId: string) {
  const institution = await loadInstitution(db, ctx, institutionId);
  const rows = await repo.listFilingsOf(db, institutionId);
  return { items: await Promise.all(rows.map((filing) => viewFiling(db, ctx, { filing, institution }))) };
}

/**
 * Open a filing (a draft) for an institution: its administrator only, one open filing at a time.
 * An initial filing is for an institution not yet filed; a change or deregistration for a filed one.
 */
export async function createFiling(
  db: Db,
  ctx: RequestContext,
  institutionId: string,
  input: CreateFilingInput,
): Promise<FilingView> {
  const actor = requireActor(ctx.actor);
  const institution = await loadInstitution(db, ctx, institutionId);
  if (actor.role !== 'institution_admin' || actor.institutionId !== institutionId) {
    throw forbidden(FM['filing.not_your_action'], {
      action: filingKindName(input.kind, ctx.lang),
      side: sideName('institution', ctx.lang),
    });
  }
  const open = await repo.findOpenFiling(db, institutionId);
  if (open) {
    throw conflict(
      FM['filing.open_exists'],
      { status: statusName(open.status, ctx.lang) },
      { filingId: open.id, status: open.status },
    );
  }
  if (input.kind === 'initial' && ['filed', 'deregistered'].includes(institution.status)) {
    throw conflict(FM['filing.already_filed']);
  }
  if (input.kind !== 'initial' && institution.status !== 'filed') {
    throw conflict(FM['filing.needs_filed'], { kind: filingKindName(input.kind, ctx.lang) });
  }
  if (input.kind !== 'change' && input.changes)
    throw new AppError(400, FM['filing.changes_only_for_change'], {}, 'changes');
  const changes =
    input.kind === 'change'
      ? await assertChangesAcceptable(db, actor, institution, input.changes ?? {})
      : null;
  const filing = await mutate(db, ctx, async (tx, audit) => {
    const created = await repo.insertFiling(tx, {
      institutionId,
      kind: input.kind,
      status: 'draft',
      countyCode: institution.regionCode.slice(0, 6),
      changes,
    });
    if (input.kind === 'initial')
      await institutionsRepo.updateInstitution(tx, institutionId, { status: 'draft' });
    await audit({
      action: 'filing.create',
      entityType: 'filing',
      entityId: created.id,
      regionCode: institution.regionCode,
      institutionId,
      after: { kind: created.kind, status: created.status, changes },
    });
    return created;
  });
  return viewFiling(db, ctx, { filing, institution });
}

/** Submitting needs every required material uploaded; names the missing ones otherwise. */
async function assertMaterialsComplete(tx: Tx, loaded: Loaded, lang: RequestContext['lang']): Promise<void> {
  const { uploads, required } = await materialsOf(tx, loaded);
  const missing = missingMaterials(
    required as never,
    uploads.map((u) => u.kind),
  );
  if (missing.length === 0) return;
  throw new AppError(
    400,
    FM['filing.materials_missing'],
    { materials: missing.map((m) => materialName(m, lang)).join(lang === 'en' ? ', ' : '、') },
    'materials',
    { missingMaterials: missing },
  );
}

/**
 * Take an action on a filing. The status must allow it (else 409 with the allowed actions), the
 * caller must be on the acting side (else 403). The move is one conditional UPDATE, so of two
 * officials acting at once exactly one succeeds; event, register change and audit commit with it.
 */
export async function actOnFiling(
  db: Db,
  ctx: RequestContext,
  id: string,
  action: FilingAction,
  input: ActionInput,
): Promise<FilingView> {
  const actor = requireActor(ctx.actor);
  const loaded = await loadFiling(db, ctx, id);
  const { filing, institution } = loaded;
  if (!isActionAllowed(filing.status, action)) throw notAllowed(filing.status, action, ctx.lang);
  if (!mayTake(sidesOf(actor, filing, institution.kind), action)) {
    throw forbidden(FM['filing.not_your_action'], {
      action: actionName(action, ctx.lang),
      side: sideName(ACTION_SIDE[action], ctx.lang),
    });
  }
  assertActionInput(action, input);
  const now = filingClock.now();
  const to = RESULT_STATUS[action];
  await mutate(db, ctx, async (tx, audit) => {
    if ((action === 'submit' || action === 'resubmit') && filing.kind === 'initial') {
      await assertMaterialsComplete(tx, loaded, ctx.lang);
    }
    const updated = await repo.transitionFiling(tx, id, filing.status, {
      status: to,
      ...changesFor(action, filing, input, now),
    });
    if (!updated) throw notAllowed((await repo.filingStatus(tx, id)) ?? filing.status, action, ctx.lang);
    await repo.insertEvent(tx, {
      filingId: id,
      action,
      fromStatus: filing.status,
      toStatus: to,
      actorId: actor.id,
      comment: input.comment ?? null,
      at: now,
    });
    const where = { regionCode: institution.regionCode, institutionId: institution.id };
    await audit({
      action: `filing.${action}`,
      entityType: 'filing',
      entityId: id,
      ...where,
      before: { status: filing.status },
      after: {
        status: to,
        missingMaterials: updated.missingMaterials,
        comment: updated.comment,
        acknowledgeBy: updated.acknowledgeBy,
        reviewBy: updated.reviewBy,
      },
    });
    const after = await applyToInstitution(tx, loaded, to, now);
    if (after && to === 'filed') {
      await audit({
        action:
          filing.kind === 'initial'
            ? 'institution.filed'
            : filing.kind === 'change'
              ? 'institution.change_filed'
              : 'institution.deregistered',
        entityType: 'institution',
        entityId: institution.id,
        ...where,
        before: {
          status: institution.status,
          ...(filing.changes ? pick(institution, Object.keys(filing.changes)) : {}),
        },
        after: { status: after.status, ...(filing.changes ?? {}) },
      });
    }
  });
  return getFiling(db, ctx, id);
}

const pick = (row: Record<string, unknown>, keys: string[]) =>
  Object.fromEntries(keys.map((k) => [k, row[k]]));
