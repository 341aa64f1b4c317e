import { defineMessages } from '../../server/i18n.js';

/** Messages of the region tree, code-table years and population imports. */
export const RM = defineMessages({
  'regions.not_found': { 'zh-CN': '未找到区划代码 {code}', en: 'No region with code {code}' },
  'regions.year_not_found': {
    'zh-CN': '未加载 {year} 年的区划代码表',
    en: 'The {year} code table is not loaded',
  },
  'regions.tree_missing': {
    'zh-CN': '尚未加载区划代码（{prefix}），请先加载区划树',
    en: 'No region codes loaded ({prefix}); load the region tree first',
  },
  'regions.bad_code_table': {
    'zh-CN': '区划代码表第 {row} 行无效：{detail}',
    en: 'Row {row} of the code table is invalid: {detail}',
  },
  'regions.file_type': {
    'zh-CN': '只支持 CSV 或 XLSX 文件（收到 {filename}）',
    en: 'Only CSV or XLSX files are accepted (got {filename})',
  },
  'regions.file_unreadable': {
    'zh-CN': '无法读取文件 {filename}：不是有效的 CSV 或 XLSX 文件',
    en: 'Cannot read {filename}: not a valid CSV or XLSX file',
  },
  'regions.code_rule': {
    'zh-CN': '“{field}”应为 2、4、6、9 或 12 位数字的区划代码',
    en: '"{field}" must be a region code of 2, 4, 6, 9 or 12 digits',
  },
  'regions.prefix_rule': {
    'zh-CN': '“{field}”应为 1 至 12 位数字的区划代码前缀',
    en: '"{field}" must be a region code prefix of 1 to 12 digits',
  },
  'regions.file_empty': { 'zh-CN': '文件中没有数据行', en: 'The file has no data rows' },
  'regions.missing_column': {
    'zh-CN': '缺少列“{column}”（表头应为：{expected}）',
    en: 'Missing column "{column}" (the header should be: {expected})',
  },
  'population.required': { 'zh-CN': '“{field}”不能为空', en: '"{field}" is required' },
  'population.not_integer': {
    'zh-CN': '“{field}”应为非负整数（收到 {value}）',
    en: '"{field}" must be a non-negative whole number (got {value})',
  },
  'population.bad_year': {
    'zh-CN': '年份应在 1949 至 2100 之间（收到 {value}）',
    en: 'The year must lie between 1949 and 2100 (got {value})',
  },
  'population.bad_code': {
    'zh-CN': '区划代码应为 2、4、6、9 或 12 位数字（收到 {value}）',
    en: 'A region code has 2, 4, 6, 9 or 12 digits (got {value})',
  },
  'population.unknown_code': {
    'zh-CN': '区划代码 {value} 不在当前区划代码表中',
    en: 'Region code {value} is not in the current code table',
  },
  'population.out_of_scope': {
    'zh-CN': '区划代码 {value} 超出您的管辖范围（{scope}）',
    en: 'Region code {value} is outside your area ({scope})',
  },
  'population.exceeds': {
    'zh-CN': '“{field}”（{value}）不能大于“{other}”（{limit}）',
    en: '"{field}" ({value}) cannot exceed "{other}" ({limit})',
  },
  'population.duplicate': {
    'zh-CN': '区划代码 {value} 在 {year} 年重复（已见于第 {first} 行）',
    en: 'Region code {value} appears twice for {year} (first on row {first})',
  },
});
