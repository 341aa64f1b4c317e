import type { Db } from '../../db/client.js';
import type { XlsxColumn, XlsxDownload } from '../../lib/xlsx.js';
import type { RequestContext } from '../../server/context.js';
import { exportList } from '../audit/audit.list-export.js';
import { listExpiring } from './compliance.service.js';
import type { ExpiringQuery } from './staff.schema.js';
import { staffRoleName } from './staffing.access.js';

type ExpiringItem = Awaited<ReturnType<typeof listExpiring>>['items'][number];

const COLUMNS: readonly XlsxColumn[] = [
  { key: 'institutionName', header: { 'zh-CN': '机构名称', en: 'Institution' }, width: 30 },
  { key: 'regionCode', header: { 'zh-CN': '区划代码', en: 'Region code' }, width: 15 },
  { key: 'staffName', header: { 'zh-CN': '姓名', en: 'Staff member' }, width: 14 },
  { key: 'staffRole', header: { 'zh-CN': '岗位', en: 'Role' }, width: 16 },
  { key: 'kindName', header: { 'zh-CN': '证书', en: 'Certificate' }, width: 22 },
  { key: 'number', header: { 'zh-CN': '证书编号', en: 'Number' }, width: 18 },
  { key: 'issuedOn', header: { 'zh-CN': '发证日期', en: 'Issued on' }, width: 12, format: 'date' },
  { key: 'expiresOn', header: { 'zh-CN': '到期日期', en: 'Expires on' }, width: 12, format: 'date' },
  { key: 'daysLeft', header: { 'zh-CN': '剩余天数', en: 'Days left' }, width: 10, format: 'number' },
  { key: 'expired', header: { 'zh-CN': '已过期', en: 'Expired' }, width: 8 },
];

/**
 * Certificates running out as XLSX: the same days, scope, department and permission as
 * `GET /api/compliance/expiring` (it reads that list page by page), audited as
 * `certificates_expiring.export`.
 */
export function exportExpiring(
  db: Db,
  ctx: RequestContext,
  query: Omit<ExpiringQuery, 'page' | 'pageSize'>,
): Promise<XlsxDownload> {
  return exportList<ExpiringItem>(db, ctx, {
    list: 'certificates-expiring',
    action: 'certificates_expiring.export',
    entityType: 'staff_certificate',
    filters: query,
    fetchPage: (page, pageSize) => listExpiring(db, ctx, { ...query, page, pageSize }),
    sheetName: { 'zh-CN': '证书到期', en: 'Expiring certificates' },
    columns: COLUMNS,
    present: (item, lang) => ({
      institutionName: item.institutionName,
      regionCode: item.regionCode,
      staffName: item.staffName,
      staffRole: staffRoleName(item.staffRole, lang),
      kindName: item.kindName,
      number: item.number,
      issuedOn: item.issuedOn,
      expiresOn: item.expiresOn,
      daysLeft: item.daysLeft,
      expired: item.expired,
    }),
  });
}
