import type { Db } from '../../db/client.js';
import {
  assertFitsSheet,
  EXPORT_PAGE_SIZE,
  type LocalText,
  listPages,
  mapRows,
  streamXlsx,
  type XlsxColumn,
  type XlsxDownload,
  type XlsxValue,
} from '../../lib/xlsx.js';
import type { Actor, RequestContext } from '../../server/context.js';
import type { Lang } from '../../server/i18n.js';
import { requireActor, scopeOf } from '../accounts/scope.js';
import { mutate } from './audit.service.js';

/** One list exported to XLSX: how to read it page by page and how to show one item as a row. */
export interface ListExport<Item> {
  /** Start of the file name, e.g. `accounts`. */
  list: string;
  /** The audit action, `<list>.export`, e.g. `accounts.export`. */
  action: string;
  /** What the exported rows are (`account`, `filing`…), so the trail of that kind shows the export. */
  entityType: string;
  /** The list's filters as the caller gave them (paging left out); recorded in the audit entry. */
  filters: Record<string, unknown>;
  /**
   * One page of the list from the list's own service function: the same filters, scope and
   * permission as the screen, never a query of its own.
   */
  fetchPage: (page: number, pageSize: number) => Promise<{ items: readonly Item[]; total: number }>;
  sheetName: LocalText;
  columns: readonly XlsxColumn[];
  present: (item: Item, lang: Lang) => Record<string, XlsxValue>;
}

function definedOnly(filters: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(filters).filter(([, value]) => value !== undefined && value !== ''),
  );
}

/** The region (and institution) an export touched: the region filter inside the caller's scope, else the scope. */
function exportedRegion(actor: Actor, regionFilter: unknown) {
  const scope = scopeOf(actor);
  if (scope.kind === 'region') {
    const narrower = typeof regionFilter === 'string' && regionFilter.startsWith(scope.prefix);
    return { regionCode: narrower ? regionFilter : scope.prefix, institutionId: null };
  }
  if (scope.kind === 'institution') {
    return { regionCode: scope.regionCode, institutionId: scope.institutionId };
  }
  return { regionCode: actor.regionCode, institutionId: null };
}

/**
 * Export a list to XLSX, the access audited. The first page is read before any byte is sent, so a
 * refusal (permission, scope, bad filter, more rows than a sheet holds) is a clean 4xx; then the
 * export is recorded as `<list>.export` with its filters and row count — an export of personal
 * data is an access to it — and the rest streams page by page, stopping at that count.
 */
export async function exportList<Item>(
  db: Db,
  ctx: RequestContext,
  spec: ListExport<Item>,
): Promise<XlsxDownload> {
  const actor = requireActor(ctx.actor);
  const fetch = (page: number) => spec.fetchPage(page, EXPORT_PAGE_SIZE);
  const first = await fetch(1);
  assertFitsSheet(first.total);
  await mutate(db, ctx, (_tx, audit) =>
    audit({
      action: spec.action,
      entityType: spec.entityType,
      ...exportedRegion(actor, spec.filters.regionCode),
      after: { filters: definedOnly(spec.filters), rows: first.total },
    }),
  );
  return streamXlsx({
    list: spec.list,
    sheetName: spec.sheetName,
    columns: spec.columns,
    lang: ctx.lang,
    rows: mapRows(listPages(first, fetch, EXPORT_PAGE_SIZE), (item) => spec.present(item, ctx.lang)),
  });
}
