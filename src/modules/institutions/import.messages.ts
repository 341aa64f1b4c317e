import { defineMessages } from '../../server/i18n.js';

/** Messages of the register's import and export and of the public directory. */
export const XM = defineMessages({
  'import.missing_column': {
    'zh-CN': '缺少列“{column}”（表头可用：{expected}）',
    en: 'Missing column "{column}" (accepted headers: {expected})',
  },
  'import.region_column': {
    'zh-CN': '缺少区划列：需要“区划代码”或“区划名称”之一',
    en: 'Missing region column: the sheet needs "region_code" or "region_name"',
  },
  'import.too_many_rows': {
    'zh-CN': '一次最多导入 {max} 行（文件有 {rows} 行），请分批导入',
    en: 'At most {max} rows per import (the file has {rows}); split the file',
  },
  'import.required': { 'zh-CN': '“{field}”不能为空', en: '"{field}" is required' },
  'import.too_long': {
    'zh-CN': '“{field}”不能超过 {max} 个字符',
    en: '"{field}" allows at most {max} characters',
  },
  'import.kind_unknown': {
    'zh-CN': '不认识的机构类型“{value}”（可填：{options}）',
    en: 'Unknown kind "{value}" (use one of: {options})',
  },
  'import.operator_unknown': {
    'zh-CN': '不认识的举办性质“{value}”（可填：公办、民办非营利、民办营利）',
    en: 'Unknown operator "{value}" (use public, private_nonprofit or for_profit)',
  },
  'import.yes_no': {
    'zh-CN': '“{field}”应填“是”或“否”（收到“{value}”）',
    en: '"{field}" must be yes or no (got "{value}")',
  },
  'import.status_unknown': {
    'zh-CN': '“{field}”只能填“已备案”或留空（草稿），收到“{value}”',
    en: '"{field}" must be "filed" or empty (draft), got "{value}"',
  },
  'import.not_integer': {
    'zh-CN': '“{field}”应为不大于 {max} 的非负整数（收到“{value}”）',
    en: '"{field}" must be a whole number from 0 to {max} (got "{value}")',
  },
  'import.not_number': {
    'zh-CN': '“{field}”应为数字（收到“{value}”）',
    en: '"{field}" must be a number (got "{value}")',
  },
  'import.coordinates_pair': {
    'zh-CN': '经度和纬度须同时填写',
    en: 'Longitude and latitude must be given together',
  },
  'import.coordinates_range': {
    'zh-CN': '“{field}”不在中国境内的范围（收到 {value}）',
    en: '"{field}" lies outside China (got {value})',
  },
  'import.phone_rule': {
    'zh-CN': '电话号码格式不正确（手机 11 位，或区号-号码，如 0311-86688888）：“{value}”',
    en: 'Invalid phone number (11-digit mobile, or area code-number such as 0311-86688888): "{value}"',
  },
  'import.region_code_rule': {
    'zh-CN': '区划代码应为 12 位社区（村）代码（收到“{value}”）',
    en: 'The region code must be a 12-digit community (village) code (got "{value}")',
  },
  'import.region_unknown': {
    'zh-CN': '区划代码 {value} 不在现行区划代码表中',
    en: 'Region code {value} is not in the current code table',
  },
  'import.region_name_unknown': {
    'zh-CN': '在您的管辖范围内找不到社区（村）“{value}”',
    en: 'No community (village) named "{value}" in your area',
  },
  'import.region_name_ambiguous': {
    'zh-CN': '社区（村）名称“{value}”不唯一：{candidates}；请改填区划代码',
    en: 'Community (village) name "{value}" is ambiguous: {candidates}; give the region code instead',
  },
  'import.region_mismatch': {
    'zh-CN': '区划名称“{value}”与区划代码 {code}（{name}）不符',
    en: 'Region name "{value}" does not match region code {code} ({name})',
  },
  'import.capacity_none': {
    'zh-CN': '“{kind}”不登记托位或床位数，请留空',
    en: '"{kindEn}" has no places or beds; leave capacity empty',
  },
  'import.capacity_max': {
    'zh-CN': '“{kind}”最多 {max} 个托位（收到 {value}）',
    en: '"{kindEn}" may have at most {max} places (got {value})',
  },
  'import.price_cap_not_affordable': {
    'zh-CN': '只有普惠机构才填收费上限（“普惠”为“否”）',
    en: 'Only affordable institutions have a price cap ("affordable" is no)',
  },
  'import.duplicate_in_file': {
    'zh-CN': '与第 {first} 行重复（同一社区内同名机构）',
    en: 'Duplicate of row {first} (same name in the same community)',
  },
  'import.duplicate_registered': {
    'zh-CN': '该社区已登记同名机构“{value}”',
    en: 'An institution named "{value}" is already registered in this community',
  },
  'import.rejected': {
    'zh-CN': '导入未执行：{count} 处错误，未写入任何数据',
    en: 'Import refused: {count} problems found, nothing was written',
  },
  'import.kind_not_supervised': {
    'zh-CN': '第 {rows} 行的机构类型不由您的部门主管',
    en: 'Rows {rows}: your department does not supervise institutions of that kind',
  },
  'import.rows_out_of_scope': {
    'zh-CN': '第 {rows} 行的区划超出您的管辖范围（{scope}）',
    en: 'Rows {rows}: the region lies outside your area ({scope})',
  },
  'directory.location_pair': {
    'zh-CN': '“lat”和“lng”须同时提供',
    en: '"lat" and "lng" must be given together',
  },
  'directory.sort_needs_location': {
    'zh-CN': '按距离排序需要提供位置（lat、lng）',
    en: 'Sorting by distance needs a location (lat, lng)',
  },
});
