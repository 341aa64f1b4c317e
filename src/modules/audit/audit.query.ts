import type { Db } from '../../db/client.js';
import type { XlsxColumn, XlsxDownload } from '../../lib/xlsx.js';
import type { RequestContext } from '../../server/context.js';
import { requirePermission } from '../accounts/accounts.service.js';
import { assertRegionInScope, requireActor, scopeOf } from '../accounts/scope.js';
import { exportList } from './audit.list-export.js';
import { listAuditEntries } from './audit.repo.js';
import type { AuditFilters } from './audit.schema.js';

/** Read the trail: officials see entries about records in their region, institution admins their institution's. */
export async function listAudit(db: Db, ctx: RequestContext, filters: AuditFilters) {
  const actor = requireActor(ctx.actor);
  requirePermission(actor, 'audit.read');
  const scope = scopeOf(actor);
  if (filters.regionCode && scope.kind === 'region') assertRegionInScope(actor, filters.regionCode);
  const { items, total } = await listAuditEntries(db, scope, filters);
  return {
    items: items.map((row) => ({
      id: row.id,
      at: row.at.toISOString(),
      actorId: row.actorId,
      actorName: row.actorName,
      actorRole: row.actorRole,
      action: row.action,
      entityType: row.entityType,
      entityId: row.entityId,
      regionCode: row.regionCode,
      before: row.before,
      after: row.after,
      ip: row.ip,
      userAgent: row.userAgent,
    })),
    total,
    page: filters.page,
    pageSize: filters.pageSize,
  };
}

const COLUMNS: readonly XlsxColumn[] = [
  { key: 'at', header: { 'zh-CN': '时间', en: 'Time' }, width: 20, format: 'datetime' },
  { key: 'actorName', header: { 'zh-CN': '操作人', en: 'Actor' }, width: 18 },
  { key: 'actorRole', header: { 'zh-CN': '操作人角色', en: 'Actor role' }, width: 16 },
  { key: 'action', header: { 'zh-CN': '操作', en: 'Action' }, width: 24 },
  { key: 'entityType', header: { 'zh-CN': '对象类型', en: 'Entity type' }, width: 16 },
  { key: 'entityId', header: { 'zh-CN': '对象 ID', en: 'Entity ID' }, width: 38 },
  { key: 'regionCode', header: { 'zh-CN': '区划代码', en: 'Region code' }, width: 15 },
  { key: 'before', header: { 'zh-CN': '变更前', en: 'Before' }, width: 50 },
  { key: 'after', header: { 'zh-CN': '变更后', en: 'After' }, width: 50 },
  { key: 'ip', header: { 'zh-CN': 'IP 地址', en: 'IP address' }, width: 16 },
  { key: 'userAgent', header: { 'zh-CN': '客户端', en: 'User agent' }, width: 30 },
];

type AuditEntryView = Awaited<ReturnType<typeof listAudit>>['items'][number];

/** A snapshot as compact JSON text, or nothing. */
const json = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));

/** The end of the trail the export reads: what `to` asks for, but never past the export's start. */
function upTo(to: string | undefined, start: Date): string {
  if (!to) return start.toISOString();
  const end = to.length === 10 ? Date.parse(`${to}T00:00:00Z`) + 86_400_000 : Date.parse(to);
  return end < start.getTime() ? to : start.toISOString();
}

/**
 * The audit trail as XLSX: the same filters, scope and permission as `GET /api/audit` (it reads
 * that list page by page), before/after as compact JSON. The trail is read up to the moment the
 * export starts, so entries written meanwhile (this export's own among them) do not shift pages.
 */
export function exportAudit(
  db: Db,
  ctx: RequestContext,
  filters: Omit<AuditFilters, 'page' | 'pageSize'>,
): Promise<XlsxDownload> {
  const pinned = { ...filters, to: upTo(filters.to, new Date()) };
  return exportList<AuditEntryView>(db, ctx, {
    list: 'audit',
    action: 'audit.export',
    entityType: 'audit_log',
    filters,
    fetchPage: (page, pageSize) => listAudit(db, ctx, { ...pinned, page, pageSize }),
    sheetName: { 'zh-CN': '审计日志', en: 'Audit trail' },
    columns: COLUMNS,
    present: (entry) => ({ ...entry, before: json(entry.before), after: json(entry.after) }),
  });
}
