import { defineMessages } from '../../server/i18n.js';

/**
 * Messages of rosters, attendance and the room board. A shift is named by its place in the
 * request (`{n}` counts from 1, the field says `shifts.{i}` counting from 0).
 */
export const AM = defineMessages({
  'roster.class_unknown': {
    'zh-CN': '班级不存在、已停用或不属于本机构',
    en: 'No such active class in this institution',
  },
  'roster.day_past': {
    'zh-CN': '不能修改已过去日期（{day}）的排班',
    en: 'The roster of a past day ({day}) cannot be changed',
  },
  'roster.staff_unknown': {
    'zh-CN': '第 {n} 个班次：工作人员不存在或不属于本机构',
    en: 'Shift {n}: no such staff member in this institution',
  },
  'roster.staff_inactive': {
    'zh-CN': '第 {n} 个班次：{name}已离岗，不能排班',
    en: 'Shift {n}: {name} is not active and cannot be rostered',
  },
  'roster.staff_role': {
    'zh-CN': '第 {n} 个班次：只有保育人员和育婴/早教人员可以排入班级（{name}的岗位：{roleName}）',
    en: 'Shift {n}: only carers and early-education teachers are rostered into classes ({name}: {roleName})',
  },
  'roster.outside_day': {
    'zh-CN': '第 {n} 个班次：时间应在 {dayStart} 至 {dayEnd} 之间',
    en: 'Shift {n}: times must lie between {dayStart} and {dayEnd}',
  },
  'roster.ends_before_starts': {
    'zh-CN': '第 {n} 个班次：结束时间 {endsAt} 应晚于开始时间 {startsAt}',
    en: 'Shift {n}: the end {endsAt} must be after the start {startsAt}',
  },
  'roster.overlap': {
    'zh-CN': '第 {n} 个班次：{name}在 {startsAt}–{endsAt} 已排在{className}（{otherStartsAt}–{otherEndsAt}）',
    en: 'Shift {n}: {name} is already rostered in {className} ({otherStartsAt}–{otherEndsAt}) during {startsAt}–{endsAt}',
  },
  'roster.ratio_warning': {
    'zh-CN':
      '{time} 已预约 {children} 名儿童，按 1:{childrenPerCarer} 需要 {required} 名保育人员，排班只有 {carers} 名',
    en: '{time}: {children} children booked need {required} carers (1 : {childrenPerCarer}); {carers} rostered',
  },
  'attendance.not_booked': {
    'zh-CN': '{name}今天（{day}）在本班没有已确认的托育预约',
    en: '{name} has no confirmed childcare booking in this class today ({day})',
  },
  'attendance.already_checked_in': {
    'zh-CN': '{name}已于 {at} 入园',
    en: '{name} already checked in at {at}',
  },
  'attendance.not_checked_in': {
    'zh-CN': '该儿童在 {day} 没有入园记录',
    en: 'The child has not checked in on {day}',
  },
  'attendance.already_checked_out': {
    'zh-CN': '{name}已于 {at} 离园',
    en: '{name} already checked out at {at}',
  },
  'attendance.not_authorised': {
    'zh-CN': '此人不在{name}家庭的授权接送名单上',
    en: "This person is not on {name}'s household list of people allowed to drop off and pick up",
  },
  'attendance.findings_required': {
    'zh-CN': '检查结果异常时须填写异常情况',
    en: 'Findings are required when the check is abnormal',
  },
  'attendance.member': { 'zh-CN': '儿童', en: 'child' },
  'attendance.booking': { 'zh-CN': '预约', en: 'booking' },
  'presence.staff_unknown': {
    'zh-CN': '工作人员不存在',
    en: 'No such staff member',
  },
  'presence.class_unknown': {
    'zh-CN': '班级不存在、已停用或不属于该工作人员所在机构',
    en: "No such active class in the staff member's institution",
  },
  'presence.staff_not_carer': {
    'zh-CN': '只有在岗的保育人员和育婴/早教人员可以签到进班（{name}）',
    en: 'Only active carers and early-education teachers sign in to a room ({name})',
  },
  'presence.already_in': {
    'zh-CN': '{name}已于 {at} 签到进{className}，请先签退',
    en: '{name} signed in to {className} at {at}; sign out first',
  },
  'presence.not_in': {
    'zh-CN': '{name}今天没有未签退的进班记录',
    en: '{name} is not signed in to any room today',
  },
});

/** Names of the two daily checks (晨午检), in the language of whoever records them. */
export const CHECK_NAMES = {
  morning: { 'zh-CN': '晨检', en: 'morning check' },
  midday: { 'zh-CN': '午检', en: 'midday check' },
} as const;
