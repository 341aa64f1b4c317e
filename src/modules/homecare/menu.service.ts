import type { Db } from '../../db/client.js';
import type { Actor, RequestContext } from '../../server/context.js';
import { AppError, conflict, forbidden } from '../../server/errors.js';
import { hasPermission } from '../accounts/roles.js';
import { assertRegionInScope, requireActor, scopeOf } from '../accounts/scope.js';
import { mutate } from '../audit/audit.service.js';
import { fen, yuan } from '../bookings/days.js';
import { regionNames } from '../regions/regions.service.js';
import {
  assertProviderKind,
  requireCaller,
  requireFound,
  requireProviderSide,
  WHAT,
} from './homecare.access.js';
import { HM } from './homecare.messages.js';
import * as repo from './menu.repo.js';
import type {
  CreateItemInput,
  MenuQuery,
  PutProviderItemsInput,
  ServiceItemView,
  UpdateItemInput,
} from './menu.schema.js';

export function presentItem(row: repo.ItemRow): ServiceItemView {
  return {
    id: row.id,
    regionPrefix: row.regionPrefix,
    code: row.code,
    name: row.name,
    type: row.type,
    durationMinutes: row.durationMinutes,
    price: yuan(row.priceCents),
    category: row.category,
    packageName: row.packageName,
    description: row.description,
    status: row.status,
  };
}

function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; cause?: { code?: string } } | null;
  return e?.code === '23505' || e?.cause?.code === '23505';
}

/** The menu that applies in a region (default: where the caller works or lives). Anyone signed in. */
export async function listMenu(db: Db, ctx: RequestContext, query: MenuQuery) {
  const actor = requireActor(ctx.actor);
  const regionCode = query.regionCode ?? actor.regionCode;
  const rows = await repo.menuFor(db, regionCode, { category: query.category, status: query.status });
  return { items: rows.map(presentItem) };
}

async function assertPrefix(db: Db, actor: Actor, regionPrefix: string) {
  assertRegionInScope(actor, regionPrefix);
  if (regionPrefix && !(await regionNames(db, [regionPrefix])).has(regionPrefix)) {
    throw new AppError(400, HM['menu.region_prefix'], { field: 'regionPrefix' }, 'regionPrefix');
  }
}

function assertPackage(category: string, packageName: string | null | undefined) {
  if (category === 'package' && !packageName) {
    throw new AppError(400, HM['menu.package_name_required'], {}, 'packageName');
  }
}

/** Add an item to a region's menu (homecare.menu.manage, the region in scope). */
export async function createItem(
  db: Db,
  ctx: RequestContext,
  input: CreateItemInput,
): Promise<ServiceItemView> {
  const actor = requireCaller(ctx, 'homecare.menu.manage');
  await assertPrefix(db, actor, input.regionPrefix);
  assertPackage(input.category, input.packageName);
  const taken = () => conflict(HM['menu.code_taken'], { code: input.code });
  if ((await repo.countItemsWithCode(db, input.regionPrefix, input.code)) > 0) throw taken();
  try {
    const row = await mutate(db, ctx, async (tx, audit) => {
      const created = await repo.insertItem(tx, {
        regionPrefix: input.regionPrefix,
        code: input.code,
        name: input.name,
        type: input.type,
        durationMinutes: input.durationMinutes,
        priceCents: fen(input.price),
        category: input.category,
        packageName: input.packageName ?? null,
        description: input.description ?? null,
      });
      await audit({
        action: 'service_item.create',
        entityType: 'service_item',
        entityId: created.id,
        regionCode: input.regionPrefix,
        after: created,
      });
      return created;
    });
    return presentItem(row);
  } catch (err) {
    if (isUniqueViolation(err)) throw taken();
    throw err;
  }
}

/** Change or retire a menu item (its region in scope). */
export async function updateItem(
  db: Db,
  ctx: RequestContext,
  id: string,
  input: UpdateItemInput,
): Promise<ServiceItemView> {
  const actor = requireCaller(ctx, 'homecare.menu.manage');
  const before = requireFound(await repo.findItem(db, id), WHAT.item, ctx.lang);
  assertRegionInScope(actor, before.regionPrefix);
  assertPackage(input.category ?? before.category, input.packageName ?? before.packageName);
  const { price, ...rest } = input;
  const row = await mutate(db, ctx, async (tx, audit) => {
    const after = await repo.updateItem(tx, id, {
      ...rest,
      ...(price !== undefined ? { priceCents: fen(price) } : {}),
    });
    await audit({
      action: 'service_item.update',
      entityType: 'service_item',
      entityId: id,
      regionCode: before.regionPrefix,
      before,
      after,
    });
    return after;
  });
  return presentItem(row);
}

/** A provider's items with menu and own prices. Anyone signed in (a price list is public). */
export async function providerItems(db: Db, ctx: RequestContext, institutionId: string) {
  requireActor(ctx.actor);
  const institution = requireFound(await repo.findInstitution(db, institutionId), WHAT.provider, ctx.lang);
  assertProviderKind(institution, 'institutionId');
  const rows = await repo.listProviderItems(db, institutionId);
  return {
    institutionId,
    institutionName: institution.name,
    regionCode: institution.regionCode,
    items: rows.map(({ item, ownPriceCents }) => ({
      ...presentItem(item),
      price: yuan(ownPriceCents ?? item.priceCents),
      menuPrice: yuan(item.priceCents),
      ownPrice: ownPriceCents === null ? null : yuan(ownPriceCents),
    })),
  };
}

/**
 * Set the items a provider offers, chosen from the menu in force where it sits, each at the
 * menu price or its own. Replaces the whole list in one transaction (homecare.provide, own).
 */
export async function putProviderItems(
  db: Db,
  ctx: RequestContext,
  institutionId: string,
  input: PutProviderItemsInput,
) {
  const actor = requireCaller(ctx, 'homecare.provide');
  requireProviderSide(actor, institutionId);
  const institution = requireFound(await repo.findInstitution(db, institutionId), WHAT.provider, ctx.lang);
  assertProviderKind(institution, 'institutionId');
  const menu = new Map((await repo.menuFor(db, institution.regionCode)).map((r) => [r.id, r]));
  const seen = new Set<string>();
  const items = input.items.flatMap((entry, index) => {
    if (!menu.has(entry.itemId)) {
      throw new AppError(400, HM['provider.item_not_in_menu'], { index: index + 1 }, `items.${index}.itemId`);
    }
    if (seen.has(entry.itemId)) return [];
    seen.add(entry.itemId);
    const own = entry.price === undefined || entry.price === null ? null : fen(entry.price);
    return [{ itemId: entry.itemId, priceCents: own === menu.get(entry.itemId)!.priceCents ? null : own }];
  });
  await mutate(db, ctx, async (tx, audit) => {
    const before = await repo.listProviderItems(tx, institutionId);
    await repo.replaceProviderItems(tx, institutionId, items);
    await audit({
      action: 'provider_items.replace',
      entityType: 'institution',
      entityId: institutionId,
      regionCode: institution.regionCode,
      institutionId,
      before: before.map((b) => ({ itemId: b.item.id, code: b.item.code, priceCents: b.ownPriceCents })),
      after: items,
    });
  });
  return providerItems(db, ctx, institutionId);
}

/** Providers for pickers: officials those of their county (or wider region), institution users their own. */
export async function listProviders(
  db: Db,
  ctx: RequestContext,
  query: { regionCode?: string; itemId?: string; q?: string },
) {
  const actor = requireActor(ctx.actor);
  const mayList = (['homecare.order', 'homecare.review', 'homecare.provide'] as const).some((p) =>
    hasPermission(actor.role, p),
  );
  if (!mayList) throw forbidden();
  const scope = scopeOf(actor);
  // Providers serve a whole district: township and community officials pick from their county's.
  const area =
    scope.kind === 'region' ? { kind: 'region' as const, prefix: scope.prefix.slice(0, 6) } : scope;
  if (query.regionCode && area.kind === 'region' && !query.regionCode.startsWith(area.prefix)) {
    assertRegionInScope(actor, query.regionCode);
  }
  const rows = await repo.listProviders(db, area, query);
  return { items: rows.map((r) => ({ ...r, itemCount: Number(r.itemCount) })) };
}

/** The provider's active staff who may be assigned visits (its own users). */
export async function listCaregivers(db: Db, ctx: RequestContext, institutionId: string) {
  const actor = requireCaller(ctx, 'homecare.provide');
  requireProviderSide(actor, institutionId);
  requireFound(await repo.findInstitution(db, institutionId), WHAT.provider, ctx.lang);
  return { items: await repo.listCaregivers(db, institutionId) };
}
