import type { Db } from '../../db/client.js';
import type { XlsxColumn, XlsxDownload } from '../../lib/xlsx.js';
import type { RequestContext } from '../../server/context.js';
import { addWorkingDays, chinaToday, workingDaysBetween } from '../../standards/working-days.js';
import { requirePermission } from '../accounts/accounts.service.js';
import { type Department, ROLES } from '../accounts/roles.js';
import { requireActor } from '../accounts/scope.js';
import { exportList } from '../audit/audit.list-export.js';
import { filingKindName, statusName } from './filing.messages.js';
import { presentQueueItem } from './filing.presenter.js';
import * as repo from './filing.repo.js';
import type { QueueFilters, QueueItemView } from './filing.schema.js';
import { filingClock } from './filing.service.js';
import { FILING_KINDS, type FilingKind, nextDeadlineOf, UNDER_REVIEW_STATUSES } from './filing.workflow.js';
import { INSTITUTION_KINDS, kindsSupervisedBy } from './institutions.kinds.js';

const QUEUE_LIMIT = 500;

/**
 * The authority's work queue: filings in the caller's region, of kinds their department
 * supervises, waiting for acknowledgement or review, with the next deadline, the working days
 * left on China's calendar (negative when overdue) — soonest deadline first. `dueWithinDays`
 * keeps those due within that many working days (overdue ones included).
 */
export async function filingQueue(db: Db, ctx: RequestContext, filters: QueueFilters) {
  const actor = requireActor(ctx.actor);
  requirePermission(actor, 'filings.review');
  const today = chinaToday(filingClock.now());
  const department = (ROLES[actor.role] as { department?: Department }).department;
  const rows = await repo.listQueue(db, {
    prefix: actor.regionCode,
    kinds: department ? kindsSupervisedBy(department) : null,
    statuses: filters.status ? [filters.status] : UNDER_REVIEW_STATUSES,
    // Deadlines are working days, so "within n working days" is "before the (n+1)-th working day".
    before: filters.dueWithinDays === undefined ? null : addWorkingDays(today, filters.dueWithinDays + 1),
    limit: QUEUE_LIMIT,
  });
  const items = rows.map((row) => {
    const nextDeadline = nextDeadlineOf(row);
    return presentQueueItem(row, {
      nextDeadline,
      workingDaysLeft: nextDeadline ? workingDaysBetween(today, nextDeadline) : null,
      overdue: nextDeadline !== null && nextDeadline < today,
    });
  });
  return { items, total: items.length, today };
}

const COLUMNS: readonly XlsxColumn[] = [
  { key: 'institutionName', header: { 'zh-CN': '机构名称', en: 'Institution' }, width: 30 },
  { key: 'institutionKind', header: { 'zh-CN': '机构类型', en: 'Kind' }, width: 20 },
  { key: 'regionCode', header: { 'zh-CN': '区划代码', en: 'Region code' }, width: 15 },
  { key: 'kind', header: { 'zh-CN': '备案类型', en: 'Filing kind' }, width: 12 },
  { key: 'status', header: { 'zh-CN': '状态', en: 'Status' }, width: 12 },
  { key: 'round', header: { 'zh-CN': '轮次', en: 'Round' }, width: 8, format: 'number' },
  { key: 'submittedAt', header: { 'zh-CN': '提交时间', en: 'Submitted' }, width: 20, format: 'datetime' },
  { key: 'acknowledgeBy', header: { 'zh-CN': '受理期限', en: 'Acknowledge by' }, width: 12, format: 'date' },
  { key: 'reviewBy', header: { 'zh-CN': '审核期限', en: 'Review by' }, width: 12, format: 'date' },
  { key: 'nextDeadline', header: { 'zh-CN': '下一期限', en: 'Next deadline' }, width: 12, format: 'date' },
  {
    key: 'workingDaysLeft',
    header: { 'zh-CN': '剩余工作日', en: 'Working days left' },
    width: 12,
    format: 'number',
  },
  { key: 'overdue', header: { 'zh-CN': '已逾期', en: 'Overdue' }, width: 8 },
];

/**
 * The work queue as XLSX: the same filters, scope, department and permission as
 * `GET /api/filings/queue` (it reads that list), audited as `filing_queue.export`.
 */
export function exportFilingQueue(db: Db, ctx: RequestContext, filters: QueueFilters): Promise<XlsxDownload> {
  return exportList<QueueItemView>(db, ctx, {
    list: 'filing-queue',
    action: 'filing_queue.export',
    entityType: 'filing',
    filters,
    // The queue is one page (soonest deadlines first, up to its limit).
    fetchPage: () => filingQueue(db, ctx, filters),
    sheetName: { 'zh-CN': '备案审核', en: 'Filing queue' },
    columns: COLUMNS,
    present: (item, lang) => {
      const kind = INSTITUTION_KINDS[item.institutionKind as keyof typeof INSTITUTION_KINDS];
      const filingKind = item.kind as FilingKind;
      return {
        institutionName: item.institutionName,
        institutionKind: kind ? (lang === 'en' ? kind.en : kind.zh) : item.institutionKind,
        regionCode: item.regionCode,
        kind: FILING_KINDS.includes(filingKind) ? filingKindName(filingKind, lang) : item.kind,
        status: statusName(item.status, lang),
        round: item.round,
        submittedAt: item.submittedAt,
        acknowledgeBy: item.acknowledgeBy,
        reviewBy: item.reviewBy,
        nextDeadline: item.nextDeadline,
        workingDaysLeft: item.workingDaysLeft,
        overdue: item.overdue,
      };
    },
  });
}
