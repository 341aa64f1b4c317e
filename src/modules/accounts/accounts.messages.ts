import { defineMessages } from '../../server/i18n.js';

/** Messages of sign-in and account management. */
export const AM = defineMessages({
  'auth.invalid_credentials': { 'zh-CN': '用户名或密码错误', en: 'Wrong username or password' },
  'auth.locked': {
    'zh-CN': '连续登录失败次数过多，账号已锁定至 {until}',
    en: 'Too many failed sign-ins; the account is locked until {until}',
  },
  'auth.disabled': {
    'zh-CN': '账号已停用，请联系管理员',
    en: 'This account is disabled; contact your administrator',
  },
  'auth.wrong_current_password': { 'zh-CN': '当前密码不正确', en: 'The current password is wrong' },
  'auth.password_same': {
    'zh-CN': '新密码不能与当前密码相同',
    en: 'The new password must differ from the current one',
  },
  'auth.password_rule': {
    'zh-CN': '密码至少 8 位，且同时包含字母和数字',
    en: 'A password needs at least 8 characters with both letters and digits',
  },
  'auth.session_expired': {
    'zh-CN': '登录已过期，请重新登录',
    en: 'Your session has expired; please sign in again',
  },
  'accounts.username_taken': {
    'zh-CN': '用户名“{username}”已被使用',
    en: 'Username "{username}" is already taken',
  },
  'accounts.username_rule': {
    'zh-CN': '用户名为 3–32 位字母、数字、下划线、点或短横线',
    en: 'A username has 3–32 letters, digits, underscores, dots or dashes',
  },
  'accounts.role_not_creatable': {
    'zh-CN': '您不能创建“{role}”角色的账号（只能创建本部门、低于本级的角色）',
    en: 'You cannot create "{role}" accounts (only roles below your own, in your department)',
  },
  'accounts.region_level': {
    'zh-CN': '“{role}”角色的管辖区划应为 {digits} 位代码',
    en: 'A "{role}" account needs a region code of {digits} digits',
  },
  'accounts.region_unknown': { 'zh-CN': '区划代码 {code} 不存在', en: 'Region code {code} does not exist' },
  'accounts.institution_required': {
    'zh-CN': '机构账号必须指定所属机构',
    en: 'An institution account needs its institution',
  },
  'accounts.institution_unknown': { 'zh-CN': '机构不存在', en: 'No such institution' },
  'accounts.cannot_manage': {
    'zh-CN': '您不能管理此账号（只能管理本辖区内低于本级的账号）',
    en: 'You cannot manage this account (only accounts below your rank in your area)',
  },
  'accounts.cannot_disable_self': {
    'zh-CN': '不能停用自己的账号',
    en: 'You cannot disable your own account',
  },
  'accounts.phone_rule': {
    'zh-CN': '手机号应为 11 位数字，以 1 开头',
    en: 'A mobile number has 11 digits starting with 1',
  },
});
