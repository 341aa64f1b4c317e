import { defineMessages } from '../../server/i18n.js';

/** Messages of the roster of older people and its department imports. */
export const PM = defineMessages({
  'roster.person': { 'zh-CN': '老年人', en: 'older person' },
  'roster.conflict': { 'zh-CN': '待处理冲突', en: 'roster conflict' },
  'roster.missing_column': {
    'zh-CN': '缺少列“{column}”（可用表头：{expected}）',
    en: 'Missing column "{column}" (accepted headers: {expected})',
  },
  'roster.file_empty': { 'zh-CN': '文件中没有数据行', en: 'The file has no data rows' },
  'roster.required': { 'zh-CN': '“{field}”不能为空', en: '"{field}" is required' },
  'roster.bad_id': {
    'zh-CN': '身份证号无效（{reason}）',
    en: 'Invalid ID number ({reason})',
  },
  'roster.under_60': {
    'zh-CN': '年龄 {age} 岁，未满 60 周岁，不能列入老年人名册',
    en: 'Aged {age}, under 60: not on the roster of older people',
  },
  'roster.duplicate': {
    'zh-CN': '与第 {first} 行是同一身份证号',
    en: 'Same ID number as row {first}',
  },
  'roster.bad_region': {
    'zh-CN': '“{field}”应为 12 位社区（村）区划代码',
    en: '"{field}" must be a 12-digit community code',
  },
  'roster.unknown_region': {
    'zh-CN': '区划代码 {value} 不存在',
    en: 'No region with code {value}',
  },
  'roster.bad_yes_no': {
    'zh-CN': '“{field}”应为“是”或“否”（收到 {value}）',
    en: '"{field}" must be yes or no (got {value})',
  },
  'roster.bad_grade': {
    'zh-CN': '“{field}”应为 1 至 4 级（收到 {value}）',
    en: '"{field}" must be a grade from 1 to 4 (got {value})',
  },
  'roster.bad_status': {
    'zh-CN': '“{field}”应为 正常、死亡 或 迁出（收到 {value}）',
    en: '"{field}" must be normal, deceased or moved out (got {value})',
  },
  'roster.bad_date': {
    'zh-CN': '“{field}”应为日期 YYYY-MM-DD（收到 {value}）',
    en: '"{field}" must be a date YYYY-MM-DD (got {value})',
  },
  'roster.rows_refused': {
    'zh-CN': '文件有 {count} 行不合格，未导入任何数据',
    en: '{count} rows of the file are invalid; nothing was imported',
  },
  'roster.already_resolved': {
    'zh-CN': '该冲突已处理',
    en: 'This conflict has already been resolved',
  },
  'roster.bad_choice': {
    'zh-CN': '“choose”应为冲突中的来源（{options}）或一个值',
    en: '"choose" must be one of the conflicting sources ({options}) or a value',
  },
  'roster.import_running': {
    'zh-CN': '该文件正在由另一次导入写入（已完成 {rowsDone} 行），请稍后重试',
    en: 'Another run is importing this file ({rowsDone} rows done); try again later',
  },
  'roster.file_changed': {
    'zh-CN': '导入过程中文件内容发生变化（第 {row} 行），请重新导入',
    en: 'The file changed while it was being imported (row {row}); import it again',
  },
});
