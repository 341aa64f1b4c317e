import type { Db } from '../../db/client.js';
import type { FieldCipher } from '../../lib/secrets.js';
import type { LocalText, XlsxColumn, XlsxDownload } from '../../lib/xlsx.js';
import type { RequestContext } from '../../server/context.js';
import { exportList } from '../audit/audit.list-export.js';
import { coverage, coverageRows } from './programs.coverage.js';
import {
  COVERAGE_LISTS,
  type CoverageItem,
  type CoverageList,
  type CoveragePeopleQuery,
} from './programs.schema.js';

const LIST_NAMES: Record<CoverageList, LocalText> = {
  eligible_not_enrolled: { 'zh-CN': '符合条件未纳入', en: 'Eligible, not enrolled' },
  enrolled_not_served: { 'zh-CN': '已纳入本月未服务', en: 'Enrolled, not served this month' },
  enrolled_not_eligible: { 'zh-CN': '已纳入不再符合条件', en: 'Enrolled, no longer eligible' },
};

const COLUMNS: readonly XlsxColumn[] = [
  { key: 'list', header: { 'zh-CN': '问题', en: 'Finding' }, width: 22 },
  { key: 'townshipCode', header: { 'zh-CN': '乡镇（街道）', en: 'Township' }, width: 14 },
  { key: 'regionCode', header: { 'zh-CN': '社区（村）', en: 'Community' }, width: 15 },
  { key: 'name', header: { 'zh-CN': '姓名', en: 'Name' }, width: 12 },
  { key: 'idNumber', header: { 'zh-CN': '身份证号', en: 'ID number' }, width: 22 },
  { key: 'programCode', header: { 'zh-CN': '项目编码', en: 'Program code' }, width: 16 },
  { key: 'programName', header: { 'zh-CN': '项目', en: 'Program' }, width: 24 },
  { key: 'enrolledOn', header: { 'zh-CN': '纳入日期', en: 'Enrolled on' }, width: 12, format: 'date' },
  { key: 'failed', header: { 'zh-CN': '不符合的条件', en: 'Rules failed' }, width: 30 },
];

/**
 * The coverage lists as XLSX (one list or all three, with the finding in the first column):
 * the same region, month, program and permission as the screen; ID numbers masked; audited
 * once as `program_coverage.export`. Read township by township (each an index range), so a
 * city's lists stream in minutes instead of re-reading the whole city for every page.
 */
export async function exportCoverage(
  db: Db,
  cipher: FieldCipher,
  ctx: RequestContext,
  query: Omit<CoveragePeopleQuery, 'page' | 'pageSize'>,
): Promise<XlsxDownload> {
  const report = await coverage(db, ctx, query);
  const lists: readonly CoverageList[] = query.list ? [query.list] : COVERAGE_LISTS;
  const count = (t: Counts) => lists.reduce<number>((n, list) => n + t[COUNT_OF[list]], 0);
  const chunks = report.townships.filter((t) => count(t) > 0).map((t) => t.code);
  const region = report.regionCode;
  const total = count(report.totals);
  const buffer: CoverageItem[] = [];
  let next = 0;
  return exportList<CoverageItem>(db, ctx, {
    list: 'coverage',
    action: 'program_coverage.export',
    entityType: 'older_person',
    filters: { ...query, regionCode: region, month: report.month },
    fetchPage: async (_page, pageSize) => {
      while (buffer.length < pageSize && next < chunks.length) {
        // A township, or the region itself when it lies inside one (a community).
        const regionCode = region.length > 9 ? region : chunks[next]!;
        next += 1;
        const rows = await coverageRows(db, cipher, ctx, {
          ...query,
          regionCode,
          month: report.month,
          page: 1,
          pageSize: total + 1,
        });
        buffer.push(...rows.items);
      }
      return { items: buffer.splice(0, pageSize), total };
    },
    sheetName: { 'zh-CN': '应保尽保', en: 'Coverage' },
    columns: COLUMNS,
    present: (item, lang) => ({
      list: LIST_NAMES[item.list][lang],
      townshipCode: item.townshipCode,
      regionCode: item.regionCode,
      name: item.name,
      idNumber: item.idNumber,
      programCode: item.programCode,
      programName: item.programName,
      enrolledOn: item.enrolledOn,
      failed: item.failed.join(', '),
    }),
  });
}

type Counts = Record<'eligibleNotEnrolled' | 'enrolledNotServed' | 'enrolledNotEligible', number>;

const COUNT_OF = {
  eligible_not_enrolled: 'eligibleNotEnrolled',
  enrolled_not_served: 'enrolledNotServed',
  enrolled_not_eligible: 'enrolledNotEligible',
} as const satisfies Record<CoverageList, keyof Counts>;
