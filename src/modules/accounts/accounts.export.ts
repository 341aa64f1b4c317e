import type { Db } from '../../db/client.js';
import type { LocalText, XlsxColumn, XlsxDownload } from '../../lib/xlsx.js';
import type { RequestContext } from '../../server/context.js';
import type { Lang } from '../../server/i18n.js';
import { exportList } from '../audit/audit.list-export.js';
import type { AccountListFilters, AccountView } from './accounts.schema.js';
import { listAccounts } from './accounts.service.js';
import type { Role } from './roles.js';

/** Role names as the sheet shows them (the web app's names). */
const ROLE_NAMES: Record<Role, LocalText> = {
  resident: { 'zh-CN': '居民', en: 'Resident' },
  institution_staff: { 'zh-CN': '机构工作人员', en: 'Institution staff' },
  institution_admin: { 'zh-CN': '机构管理员', en: 'Institution administrator' },
  community_worker: { 'zh-CN': '社区工作者', en: 'Community worker' },
  assessor: { 'zh-CN': '能力评估员', en: 'Capability assessor' },
  inspector: { 'zh-CN': '监督检查员', en: 'Inspector' },
  health_township: { 'zh-CN': '乡镇（街道）卫生健康', en: 'Township health office' },
  civil_township: { 'zh-CN': '乡镇（街道）民政', en: 'Township civil affairs office' },
  health_county: { 'zh-CN': '县区卫生健康局', en: 'County health bureau' },
  civil_county: { 'zh-CN': '县区民政局', en: 'County civil affairs bureau' },
  health_city: { 'zh-CN': '市卫生健康委', en: 'City health commission' },
  civil_city: { 'zh-CN': '市民政局', en: 'City civil affairs bureau' },
  health_province: { 'zh-CN': '省卫生健康委', en: 'Provincial health commission' },
  civil_province: { 'zh-CN': '省民政厅', en: 'Provincial civil affairs department' },
  sysadmin: { 'zh-CN': '系统管理员', en: 'System administrator' },
};

const STATUS_NAMES: Record<string, LocalText> = {
  active: { 'zh-CN': '正常', en: 'Active' },
  disabled: { 'zh-CN': '已停用', en: 'Disabled' },
};

const COLUMNS: readonly XlsxColumn[] = [
  { key: 'username', header: { 'zh-CN': '用户名', en: 'Username' }, width: 18 },
  { key: 'displayName', header: { 'zh-CN': '姓名', en: 'Name' }, width: 18 },
  { key: 'role', header: { 'zh-CN': '角色', en: 'Role' }, width: 22 },
  { key: 'regionCode', header: { 'zh-CN': '区划代码', en: 'Region code' }, width: 15 },
  { key: 'regionName', header: { 'zh-CN': '区划名称', en: 'Region' }, width: 24 },
  { key: 'institutionName', header: { 'zh-CN': '所属机构', en: 'Institution' }, width: 28 },
  { key: 'phone', header: { 'zh-CN': '手机号', en: 'Phone' }, width: 14 },
  { key: 'status', header: { 'zh-CN': '状态', en: 'Status' }, width: 10 },
  { key: 'locked', header: { 'zh-CN': '已锁定', en: 'Locked' }, width: 8 },
  { key: 'mustChangePassword', header: { 'zh-CN': '须改密码', en: 'Must change password' }, width: 10 },
  { key: 'lastLoginAt', header: { 'zh-CN': '最近登录', en: 'Last sign-in' }, width: 20, format: 'datetime' },
  { key: 'createdAt', header: { 'zh-CN': '创建时间', en: 'Created' }, width: 20, format: 'datetime' },
];

/** One sheet row from the list's own view: the phone stays masked as the list shows it. */
function present(account: AccountView, lang: Lang) {
  return {
    username: account.username,
    displayName: account.displayName,
    role: ROLE_NAMES[account.role as Role]?.[lang] ?? account.role,
    regionCode: account.regionCode,
    regionName: account.regionName,
    institutionName: account.institutionName,
    phone: account.phone,
    status: STATUS_NAMES[account.status]?.[lang] ?? account.status,
    locked: account.locked,
    mustChangePassword: account.mustChangePassword,
    lastLoginAt: account.lastLoginAt,
    createdAt: account.createdAt,
  };
}

/**
 * The accounts list as XLSX: the same filters, scope and permission as `GET /api/accounts`
 * (it reads that list page by page), phones masked, the export audited as `accounts.export`.
 */
export function exportAccounts(
  db: Db,
  ctx: RequestContext,
  filters: Omit<AccountListFilters, 'page' | 'pageSize'>,
): Promise<XlsxDownload> {
  return exportList(db, ctx, {
    list: 'accounts',
    action: 'accounts.export',
    entityType: 'account',
    filters,
    fetchPage: (page, pageSize) => listAccounts(db, ctx, { ...filters, page, pageSize }),
    sheetName: { 'zh-CN': '账号', en: 'Accounts' },
    columns: COLUMNS,
    present,
  });
}
