/**
 * The monthly settlement of a provider: every visit of the month, paid (verified, or approved
 * after review: the amount drawn from entitlements is the public subsidy, the rest the person's
 * own part) or held back with the reasons (an exception open or rejected, not yet confirmed,
 * never checked out). A draft is regenerated in place; a final one never changes.
 */
import type { Db } from '../../db/client.js';
import type { Actor, RequestContext } from '../../server/context.js';
import { conflict, outOfScope } from '../../server/errors.js';
import type { Lang } from '../../server/i18n.js';
import { requireActor } from '../accounts/scope.js';
import { mutate } from '../audit/audit.service.js';
import { yuan } from '../bookings/days.js';
import { type Draw, drawsOf } from './entitlements.draw.js';
import {
  assertProviderKind,
  isInstitutionUser,
  officialCovers,
  requireCaller,
  requireFound,
  requireProviderSide,
  WHAT,
} from './homecare.access.js';
import { EXCEPTION_NAMES, HELD_REASON_NAMES, HM } from './homecare.messages.js';
import { isPaid } from './homecare.presenter.js';
import { findInstitution } from './menu.repo.js';
import * as repo from './settlements.repo.js';
import type { GenerateInput, SettlementListQuery, SettlementView, StoredLine } from './settlements.schema.js';

type MonthVisit = Awaited<ReturnType<typeof repo.visitsOfMonth>>[number];

/** Why a visit that does not count is held back. */
export function heldReason(status: string): string {
  if (status === 'exception') return 'exception_open';
  if (status === 'rejected') return 'rejected';
  if (status === 'open') return 'not_checked_out';
  return 'unconfirmed';
}

/** The lines of a settlement from the month's visits and the draws recorded for their orders. */
export function settlementLines(rows: readonly MonthVisit[], draws: Map<string, Draw>): StoredLine[] {
  return rows.map((r) => {
    const v = r.visit;
    const paid = isPaid(v.status);
    const draw = draws.get(r.orderId);
    const subsidyCents = paid ? (draw?.subsidyCents ?? 0) : 0;
    return {
      visitId: v.id,
      orderId: r.orderId,
      day: v.day,
      personId: v.personId,
      personName: r.personName,
      itemCode: r.itemCode,
      itemName: r.itemName,
      caregiverName: r.caregiverName,
      checkInAt: v.checkInAt?.toISOString() ?? null,
      checkOutAt: v.checkOutAt?.toISOString() ?? null,
      minutes:
        v.checkInAt && v.checkOutAt
          ? Math.round((v.checkOutAt.getTime() - v.checkInAt.getTime()) / 60_000)
          : null,
      visitStatus: v.status,
      status: paid ? 'paid' : 'held',
      priceCents: r.priceCents,
      subsidyCents,
      ownCents: paid ? r.priceCents - subsidyCents : 0,
      programId: paid ? (draw?.programId ?? r.programId) : null,
      reasons: paid ? [] : [heldReason(v.status)],
      exceptions: v.exceptions ?? [],
    };
  });
}

function totals(lines: readonly StoredLine[]) {
  const paid = lines.filter((l) => l.status === 'paid');
  const held = lines.filter((l) => l.status === 'held');
  const sum = (ls: StoredLine[], f: (l: StoredLine) => number) => ls.reduce((s, l) => s + f(l), 0);
  return {
    paidCents: sum(paid, (l) => l.subsidyCents),
    ownCents: sum(paid, (l) => l.ownCents),
    heldCents: sum(held, (l) => l.priceCents),
    visitsPaid: paid.length,
    visitsHeld: held.length,
  };
}

const reasonText = (code: string, lang: Lang) =>
  HELD_REASON_NAMES[code]?.[lang] ?? EXCEPTION_NAMES[code]?.[lang] ?? code;

export function presentSettlement(row: repo.SettlementDetail, lang: Lang): SettlementView {
  const s = row.settlement;
  const lines = s.lines as StoredLine[];
  return {
    id: s.id,
    providerId: s.providerId,
    providerName: row.providerName,
    month: s.month,
    status: s.status as SettlementView['status'],
    paid: yuan(s.paidCents),
    own: yuan(totals(lines).ownCents),
    held: yuan(s.heldCents),
    visitsPaid: s.visitsPaid,
    visitsHeld: s.visitsHeld,
    generatedAt: s.generatedAt.toISOString(),
    generatedBy: row.generatedByName,
    lines: lines.map(({ priceCents, subsidyCents, ownCents, reasons, exceptions, ...line }) => ({
      ...line,
      price: yuan(priceCents),
      subsidy: yuan(subsidyCents),
      own: yuan(ownCents),
      reasons: [
        ...reasons,
        ...(reasons[0] === 'exception_open' || reasons[0] === 'rejected' ? exceptions : []),
      ].map((code) => ({ code, message: reasonText(code, lang) })),
    })),
  };
}

/** The provider must lie in the official's region (homecare.review). */
async function providerInScope(db: Db, ctx: RequestContext, actor: Actor, providerId: string) {
  const provider = requireFound(await findInstitution(db, providerId), WHAT.provider, ctx.lang);
  if (!officialCovers(actor, provider.regionCode)) throw outOfScope(actor.regionCode);
  return provider;
}

/** Generate (or regenerate the draft of) a provider's settlement for a month. */
export async function generateSettlement(db: Db, ctx: RequestContext, input: GenerateInput) {
  const actor = requireCaller(ctx, 'homecare.review');
  const provider = await providerInScope(db, ctx, actor, input.providerId);
  assertProviderKind(provider);
  const existing = await repo.findByKey(db, provider.id, input.month);
  if (existing?.status === 'final') throw conflict(HM['settlement.final'], { month: input.month });
  const id = await mutate(db, ctx, async (tx, audit) => {
    const rows = await repo.visitsOfMonth(tx, provider.id, input.month);
    const lines = settlementLines(
      rows,
      await drawsOf(
        tx,
        rows.map((r) => r.orderId),
      ),
    );
    const { ownCents, ...sums } = totals(lines);
    const saved = await repo.upsertDraft(tx, {
      providerId: provider.id,
      month: input.month,
      ...sums,
      lines,
      generatedBy: actor.id,
    });
    if (!saved) throw conflict(HM['settlement.final'], { month: input.month });
    await audit({
      action: 'settlement.generate',
      entityType: 'settlement',
      entityId: saved.id,
      regionCode: provider.regionCode,
      institutionId: provider.id,
      before: existing ? { paidCents: existing.paidCents, heldCents: existing.heldCents } : null,
      after: { month: input.month, ...sums, ownCents, replaced: Boolean(existing) },
    });
    return saved.id;
  });
  return presentSettlement((await repo.findSettlement(db, id))!, ctx.lang);
}

/** Officials with homecare.review over the provider's region, or the provider's own users. */
async function readable(db: Db, ctx: RequestContext, id: string) {
  const actor = requireActor(ctx.actor);
  requireCaller(ctx, isInstitutionUser(actor) ? 'homecare.provide' : 'homecare.review');
  const row = requireFound(await repo.findSettlement(db, id), WHAT.settlement, ctx.lang);
  if (isInstitutionUser(actor)) requireProviderSide(actor, row.settlement.providerId);
  else if (!officialCovers(actor, row.providerRegion)) throw outOfScope(actor.regionCode);
  return row;
}

/** One settlement with its lines; reading names is audited. */
export async function getSettlement(db: Db, ctx: RequestContext, id: string) {
  const row = await readable(db, ctx, id);
  await mutate(db, ctx, (_tx, audit) =>
    audit({
      action: 'settlement.read',
      entityType: 'settlement',
      entityId: id,
      regionCode: row.providerRegion,
      institutionId: row.settlement.providerId,
    }),
  );
  return presentSettlement(row, ctx.lang);
}

export { readable as readableSettlement };

export async function listSettlements(db: Db, ctx: RequestContext, q: SettlementListQuery) {
  const actor = requireActor(ctx.actor);
  let scope: { regionPrefix?: string; providerId?: string };
  if (isInstitutionUser(actor)) {
    requireProviderSide(actor, actor.institutionId ?? '');
    scope = { providerId: actor.institutionId! };
  } else {
    requireCaller(ctx, 'homecare.review');
    scope = { regionPrefix: actor.regionCode };
  }
  const { items, total } = await repo.listSettlements(db, scope, q);
  return {
    items: items.map((row) => {
      const { lines: _lines, ...summary } = presentSettlement(row, ctx.lang);
      return summary;
    }),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/** Make a draft final: it is never regenerated or changed again. */
export async function finaliseSettlement(db: Db, ctx: RequestContext, id: string) {
  const actor = requireCaller(ctx, 'homecare.review');
  const row = requireFound(await repo.findSettlement(db, id), WHAT.settlement, ctx.lang);
  if (!officialCovers(actor, row.providerRegion)) throw outOfScope(actor.regionCode);
  await mutate(db, ctx, async (tx, audit) => {
    const after = await repo.finalise(tx, id);
    if (!after) throw conflict(HM['settlement.final'], { month: row.settlement.month });
    await audit({
      action: 'settlement.finalise',
      entityType: 'settlement',
      entityId: id,
      regionCode: row.providerRegion,
      institutionId: row.settlement.providerId,
      before: { status: 'draft' },
      after: { status: 'final', paidCents: after.paidCents, heldCents: after.heldCents },
    });
  });
  return presentSettlement((await repo.findSettlement(db, id))!, ctx.lang);
}
