import { defineMessages } from '../../server/i18n.js';

/** Messages of resident sign-up and households. */
export const HM = defineMessages({
  'residents.phone_taken': {
    'zh-CN': '手机号 {phone} 已注册，请直接登录',
    en: 'The mobile number {phone} is already registered; sign in instead',
  },
  'residents.phone_rule': {
    'zh-CN': '请填写 11 位中国大陆手机号码（1 开头，第二位为 3–9）',
    en: 'Enter an 11-digit mainland China mobile number (starting 13–19)',
  },
  'household.birth_date_required': {
    'zh-CN': '未填写身份证号码时须填写出生日期',
    en: 'Give the birth date when no ID number is given',
  },
  'household.id_birth_date_mismatch': {
    'zh-CN': '身份证号码中的出生日期（{fromId}）与填写的出生日期（{given}）不一致',
    en: 'The ID number gives the birth date {fromId}, not {given}',
  },
  'household.id_sex_mismatch': {
    'zh-CN': '身份证号码显示性别为{fromId}，与填写的性别不一致',
    en: 'The ID number records the sex as {fromId}, not as given',
  },
  'household.date_in_future': {
    'zh-CN': '“{field}”不能晚于今天（{today}）',
    en: '"{field}" cannot be after today ({today})',
  },
  'household.health_check_before_birth': {
    'zh-CN': '体检日期不能早于出生日期',
    en: 'The health check cannot be before the birth date',
  },
  'household.region_unknown': {
    'zh-CN': '找不到社区（村）代码 {code}',
    en: 'No community (village) with code {code}',
  },
  'household.pickup_age': {
    'zh-CN': '只有年满 18 周岁的家庭成员才能接送幼儿（{name}现年 {years} 岁）',
    en: 'Only members aged 18 or over may drop off and pick up children ({name} is {years})',
  },
  'household.id_number_taken': {
    'zh-CN': '家庭中已有持此身份证号码的成员',
    en: 'A member of the household already has this ID number',
  },
  'household.self_relation': {
    'zh-CN': '本人的关系不能更改，其他成员也不能设为“本人”',
    en: 'The account holder stays "self", and no one else can be "self"',
  },
  'household.self_not_removable': {
    'zh-CN': '不能移除账号本人',
    en: 'The account holder cannot be removed from the household',
  },
  'household.member_has_bookings': {
    'zh-CN': '{name}还有 {count} 项未结束的预约（最晚到 {lastDay}），请先取消预约再移除',
    en: '{name} still has {count} live booking(s) (up to {lastDay}); cancel them before removing',
  },
});

/** How sex is written in messages. */
export const SEX_NAMES = {
  male: { 'zh-CN': '男', en: 'male' },
  female: { 'zh-CN': '女', en: 'female' },
} as const;
