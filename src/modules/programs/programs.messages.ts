import { defineMessages } from '../../server/i18n.js';

export const PGM = defineMessages({
  'programs.program': { 'zh-CN': '项目', en: 'program' },
  'programs.person': { 'zh-CN': '老年人', en: 'older person' },
  'programs.enrolment': { 'zh-CN': '纳入记录', en: 'enrolment' },
  'programs.money_cents': {
    'zh-CN': '“{field}”最多保留两位小数（元）',
    en: '"{field}" allows at most two decimals (yuan)',
  },
  'programs.age_range': {
    'zh-CN': '“{field}”不能小于最低年龄',
    en: '"{field}" cannot be below the minimum age',
  },
  'programs.residence_outside': {
    'zh-CN': '居住地 {residence} 不在项目区域 {regionPrefix} 内',
    en: 'Residence {residence} lies outside the program region {regionPrefix}',
  },
  'programs.ends_before_starts': {
    'zh-CN': '结束日期不能早于开始日期',
    en: 'The end date cannot be before the start date',
  },
  'programs.code_taken': {
    'zh-CN': '区域 {regionPrefix} 已有编码为 {code} 的项目',
    en: 'Region {regionPrefix} already has a program with code {code}',
  },
  'programs.not_in_force': {
    'zh-CN': '项目在 {on} 不在实施期内（{startsOn} 至 {endsOn}，状态 {status}）',
    en: 'The program is not in force on {on} ({startsOn} to {endsOn}, status {status})',
  },
  'programs.not_eligible': {
    'zh-CN': '该老年人不符合项目条件：{reasons}',
    en: 'This person is not eligible: {reasons}',
  },
  'programs.already_enrolled': {
    'zh-CN': '该老年人已纳入此项目',
    en: 'This person is already enrolled in the program',
  },
  'programs.enrolment_ended': {
    'zh-CN': '该纳入记录已于 {endedOn} 结束',
    en: 'This enrolment already ended on {endedOn}',
  },
  'programs.has_enrolments': {
    'zh-CN': '项目已有 {count} 条纳入或待遇记录，不能删除，请改为停用',
    en: 'The program has {count} enrolments or entitlements; retire it instead of deleting it',
  },
  'programs.person_outside': {
    'zh-CN': '该老年人不住在项目区域 {regionPrefix} 内',
    en: 'This person does not live in the program region {regionPrefix}',
  },
});
