import { PassThrough, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Database } from '../../db/client.js';
import type { RequestContext } from '../../server/context.js';
import { forbidden, outOfScope } from '../../server/errors.js';
import type { Lang } from '../../server/i18n.js';
import { hasPermission, ROLES } from '../accounts/roles.js';
import { regionPrefixOf, requireActor } from '../accounts/scope.js';
import { capacityFunctionOf } from './import.parse.js';
import * as repo from './import.repo.js';
import { INSTITUTION_KINDS, KIND_KEYS, OPERATORS } from './institutions.kinds.js';

/** The sheet's columns: the import's own headers, so an exported sheet imports again. */
const COLUMNS = [
  { key: 'name', zh: '名称', width: 32 },
  { key: 'kind', zh: '类型', width: 22 },
  { key: 'operator', zh: '举办性质', width: 12 },
  { key: 'region_code', zh: '区划代码', width: 15 },
  { key: 'region_name', zh: '区划名称', width: 24 },
  { key: 'address', zh: '地址', width: 36 },
  { key: 'capacity', zh: '托位/床位数', width: 12 },
  { key: 'affordable', zh: '普惠', width: 8 },
  { key: 'price_cap', zh: '收费上限', width: 10 },
  { key: 'phone', zh: '电话', width: 16 },
  { key: 'lng', zh: '经度', width: 12 },
  { key: 'lat', zh: '纬度', width: 12 },
  { key: 'status', zh: '状态', width: 10 },
  { key: 'grade', zh: '质量等级', width: 10 },
  { key: 'stars', zh: '星级', width: 8 },
  { key: 'filed_at', zh: '备案日期', width: 12 },
] as const;

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

export interface RegisterExport {
  filename: string;
  /** The XLSX bytes, produced while they are sent. */
  stream: Readable;
}

/**
 * The register as an XLSX sheet, with the filters of the list and inside the caller's region
 * (officials and the system administrator only). Headers and values are in the caller's
 * language; the header row is bold, shaded and frozen. Rows are read and written page by page,
 * so a province's register streams without being held in memory. Scope is checked before the
 * first byte: a refusal is still a clean 403.
 */
export function exportInstitutions(
  database: Database,
  ctx: RequestContext,
  filters: repo.RegisterFilters,
): RegisterExport {
  const actor = requireActor(ctx.actor);
  const roleKind = ROLES[actor.role].kind;
  if (!hasPermission(actor.role, 'institutions.read') || (roleKind !== 'official' && roleKind !== 'admin')) {
    throw forbidden();
  }
  const scopePrefix = regionPrefixOf(actor) ?? '';
  const wanted = filters.regionCode ?? '';
  if (!wanted.startsWith(scopePrefix) && !scopePrefix.startsWith(wanted)) throw outOfScope(scopePrefix);
  const narrowed = { ...filters, regionCode: wanted.startsWith(scopePrefix) ? wanted : undefined };
  const stream = new PassThrough();
  writeSheet(database, scopePrefix, narrowed, ctx.lang, stream).catch((err: unknown) =>
    stream.destroy(err as Error),
  );
  const day = new Date().toISOString().slice(0, 10).replaceAll('-', '');
  return { filename: `institutions-${scopePrefix || 'all'}-${day}.xlsx`, stream };
}

async function writeSheet(
  database: Database,
  scopePrefix: string,
  filters: repo.RegisterFilters,
  lang: Lang,
  out: PassThrough,
): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: true,
  });
  const sheet = workbook.addWorksheet(lang === 'en' ? 'Institutions' : '机构名录', {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  sheet.columns = COLUMNS.map((c) => ({ header: lang === 'en' ? c.key : c.zh, key: c.key, width: c.width }));
  const header = sheet.getRow(1);
  header.font = { bold: true, color: { argb: 'FFFFFFFF' } };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F4E79' } };
  header.alignment = { vertical: 'middle' };
  header.commit();
  let cursor: repo.RegisterCursor | null = null;
  for (;;) {
    const page = await repo.listRegisterPage(
      database.db,
      scopePrefix,
      filters,
      CAPACITY_FUNCTION,
      cursor,
      PAGE,
    );
    for (const row of page) sheet.addRow(present(row, lang)).commit();
    if (page.length < PAGE) break;
    const last = page[page.length - 1]!;
    cursor = { regionCode: last.regionCode, name: last.name, id: last.id };
  }
  sheet.commit();
  await workbook.commit();
}

/** One sheet row: the fields the export shows, labels in the caller's language. */
function present(row: repo.RegisterRow, lang: Lang): Record<string, string | number | null> {
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
