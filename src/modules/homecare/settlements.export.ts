import type { Db } from '../../db/client.js';
import { type LocalText, streamXlsx, type XlsxColumn, type XlsxDownload } from '../../lib/xlsx.js';
import type { RequestContext } from '../../server/context.js';
import { mutate } from '../audit/audit.service.js';
import { STATUS_NAMES } from './homecare.messages.js';
import { presentSettlement, readableSettlement } from './settlements.service.js';

const LINE_STATUS: Record<string, LocalText> = {
  paid: { 'zh-CN': '结算', en: 'Paid' },
  held: { 'zh-CN': '暂缓', en: 'Held' },
};

const COLUMNS: readonly XlsxColumn[] = [
  { key: 'status', header: { 'zh-CN': '结算状态', en: 'Settlement' }, width: 10 },
  { key: 'day', header: { 'zh-CN': '服务日期', en: 'Day' }, width: 12, format: 'date' },
  { key: 'personName', header: { 'zh-CN': '服务对象', en: 'Person' }, width: 12 },
  { key: 'itemName', header: { 'zh-CN': '服务项目', en: 'Service' }, width: 18 },
  { key: 'caregiverName', header: { 'zh-CN': '服务人员', en: 'Caregiver' }, width: 14 },
  { key: 'checkInAt', header: { 'zh-CN': '签到时间', en: 'Check-in' }, width: 20, format: 'datetime' },
  { key: 'checkOutAt', header: { 'zh-CN': '签退时间', en: 'Check-out' }, width: 20, format: 'datetime' },
  { key: 'minutes', header: { 'zh-CN': '时长（分钟）', en: 'Minutes' }, width: 10, format: 'number' },
  { key: 'price', header: { 'zh-CN': '服务价格（元）', en: 'Price (yuan)' }, width: 12, format: 'number' },
  {
    key: 'subsidy',
    header: { 'zh-CN': '补贴支付（元）', en: 'Subsidy (yuan)' },
    width: 12,
    format: 'number',
  },
  { key: 'own', header: { 'zh-CN': '个人自付（元）', en: 'Own part (yuan)' }, width: 12, format: 'number' },
  { key: 'visitStatus', header: { 'zh-CN': '核验状态', en: 'Visit status' }, width: 12 },
  { key: 'reasons', header: { 'zh-CN': '暂缓原因', en: 'Reasons held' }, width: 40 },
];

/**
 * A settlement as XLSX: one row per visit, paid lines first, with the subsidy and the person's
 * own part in separate columns; the same access as reading it; the export is audited.
 */
export async function exportSettlement(db: Db, ctx: RequestContext, id: string): Promise<XlsxDownload> {
  const row = await readableSettlement(db, ctx, id);
  const view = presentSettlement(row, ctx.lang);
  const lang = ctx.lang;
  await mutate(db, ctx, (_tx, audit) =>
    audit({
      action: 'settlement.export',
      entityType: 'settlement',
      entityId: id,
      regionCode: row.providerRegion,
      institutionId: row.settlement.providerId,
      after: { month: view.month, rows: view.lines.length },
    }),
  );
  const ordered = [
    ...view.lines.filter((l) => l.status === 'paid'),
    ...view.lines.filter((l) => l.status === 'held'),
  ];
  async function* rows() {
    for (const line of ordered) {
      yield {
        status: LINE_STATUS[line.status]![lang],
        day: line.day,
        personName: line.personName,
        itemName: line.itemName,
        caregiverName: line.caregiverName,
        checkInAt: line.checkInAt,
        checkOutAt: line.checkOutAt,
        minutes: line.minutes,
        price: line.price,
        subsidy: line.subsidy,
        own: line.own,
        visitStatus: STATUS_NAMES[line.visitStatus]?.[lang] ?? line.visitStatus,
        reasons: line.reasons.map((r) => r.message).join(lang === 'en' ? '; ' : '；'),
      };
    }
  }
  return streamXlsx({
    list: `settlement-${view.month}`,
    sheetName: { 'zh-CN': `${view.month}结算`, en: `Settlement ${view.month}` },
    columns: COLUMNS,
    lang,
    rows: rows(),
  });
}
