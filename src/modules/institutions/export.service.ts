import type { Database } from '../../db/client.js';
import { streamXlsx, type XlsxColumn, type XlsxDownload, type XlsxValue } from '../../lib/xlsx.js';
import type { RequestContext } from '../../server/context.js';
import { forbidden, outOfScope } from '../../server/errors.js';
import type { Lang } from '../../server/i18n.js';
import { hasPermission, ROLES } from '../accounts/roles.js';
import { regionPrefixOf, requireActor } from '../accounts/scope.js';
import { mutate } from '../audit/audit.service.js';
import { capacityFunctionOf } from './import.parse.js';
import * as repo from './import.repo.js';
import { INSTITUTION_KINDS, KIND_KEYS, OPERATORS } from './institutions.kinds.js';

/** A column headed as the import reads it: the Chinese header, or the key itself in English. */
const column = (key: string, zh: string, width: number, format?: 'number'): XlsxColumn => ({
  key,
  header: { 'zh-CN': zh, en: key },
  width,
  ...(format ? { format } : {}),
});

/** The sheet's columns: the import's own headers, so an exported sheet imports again. */
const COLUMNS: readonly XlsxColumn[] = [
  column('name', '名称', 32),
  column('kind', '类型', 22),
  column('operator', '举办性质', 12),
  column('region_code', '区划代码', 15),
  column('region_name', '区划名称', 24),
  column('address', '地址', 36),
  column('capacity', '托位/床位数', 12, 'number'),
  column('affordable', '普惠', 8),
  column('price_cap', '收费上限', 10, 'number'),
  column('phone', '电话', 16),
  column('lng', '经度', 12, 'number'),
  column('lat', '纬度', 12, 'number'),
  column('status', '状态', 10),
  column('grade', '质量等级', 10),
  column('stars', '星级', 8, 'number'),
  column('filed_at', '备案日期', 12),
];

const STATUS_NAMES: Record<string, string> = {
  draft: '草稿',
  submitted: '已提交',
  acknowledged: '已受理',
  returned: '已退回',
  resubmitted: '已重新提交',
  filed: '已备案',
  withdrawn: '已撤回',
  deregistered: '已注销',
};
const PAGE = 2000;
const CAPACITY_FUNCTION = Object.fromEntries(KIND_KEYS.map((k) => [k, capacityFunctionOf(k)]));

/**
 * The register as an XLSX sheet, with the filters of the list and inside the caller's region
 * (officials and the system administrator only). Headers and values are in the caller's
 * language. Rows are read and written page by page (keyset), so a province's register streams
 * without being held in memory. Scope is checked before the first byte: a refusal is still a
 * clean 403. Once the last row is written the export is audited as `institutions.export` with
 * its filters and row count.
 */
export function exportInstitutions(
  database: Database,
  ctx: RequestContext,
  filters: repo.RegisterFilters,
): XlsxDownload {
  const actor = requireActor(ctx.actor);
  const roleKind = ROLES[actor.role].kind;
  if (!hasPermission(actor.role, 'institutions.read') || (roleKind !== 'official' && roleKind !== 'admin')) {
    throw forbidden();
  }
  const scopePrefix = regionPrefixOf(actor) ?? '';
  const wanted = filters.regionCode ?? '';
  if (!wanted.startsWith(scopePrefix) && !scopePrefix.startsWith(wanted)) throw outOfScope(scopePrefix);
  const narrowed = { ...filters, regionCode: wanted.startsWith(scopePrefix) ? wanted : undefined };
  return streamXlsx({
    list: `institutions-${scopePrefix || 'all'}`,
    sheetName: { 'zh-CN': '机构名录', en: 'Institutions' },
    columns: COLUMNS,
    lang: ctx.lang,
    rows: registerRows(database, ctx, scopePrefix, narrowed),
  });
}

/** The register's rows page by page; the export is audited after the last one. */
async function* registerRows(
  database: Database,
  ctx: RequestContext,
  scopePrefix: string,
  filters: repo.RegisterFilters,
): AsyncGenerator<Record<string, XlsxValue>> {
  let cursor: repo.RegisterCursor | null = null;
  let rows = 0;
  for (;;) {
    const page = await repo.listRegisterPage(
      database.db,
      scopePrefix,
      filters,
      CAPACITY_FUNCTION,
      cursor,
      PAGE,
    );
    for (const row of page) yield present(row, ctx.lang);
    rows += page.length;
    if (page.length < PAGE) break;
    const last = page[page.length - 1]!;
    cursor = { regionCode: last.regionCode, name: last.name, id: last.id };
  }
  const recorded = Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined));
  await mutate(database.db, ctx, (_tx, audit) =>
    audit({
      action: 'institutions.export',
      entityType: 'institution',
      regionCode: filters.regionCode ?? scopePrefix,
      after: { filters: recorded, rows },
    }),
  );
}

/** One sheet row: the fields the export shows, labels in the caller's language. */
function present(row: repo.RegisterRow, lang: Lang): Record<string, XlsxValue> {
  const en = lang === 'en';
  const kind = INSTITUTION_KINDS[row.kind as keyof typeof INSTITUTION_KINDS];
  const operator = OPERATORS[row.operator as keyof typeof OPERATORS];
  return {
    name: row.name,
    kind: kind ? (en ? kind.en : kind.zh) : row.kind,
    operator: operator ? (en ? operator.en : operator.zh) : row.operator,
    region_code: row.regionCode,
    region_name: row.regionName,
    address: row.address,
    capacity: row.capacity,
    affordable: en ? (row.affordable ? 'yes' : 'no') : row.affordable ? '是' : '否',
    price_cap: row.priceCap,
    phone: row.phone,
    lng: row.lng,
    lat: row.lat,
    status: en ? row.status : (STATUS_NAMES[row.status] ?? row.status),
    grade: row.grade,
    stars: row.stars,
    filed_at: row.filedAt,
  };
}
