import { defineMessages } from '../../server/i18n.js';

/**
 * What each notification says. Params: institution, member (a child's or older person's name),
 * when (day and time as text), until (a deadline), form (care form name), reason.
 */
export const NM = defineMessages({
  'notify.booking_confirmed': {
    'zh-CN': '已为{member}预约{institution}的{form}（{when}）',
    en: '{form} at {institution} is booked for {member} ({when})',
  },
  'notify.booking_cancelled': {
    'zh-CN': '{member}在{institution}的{form}（{when}）已取消',
    en: "{member}'s {form} at {institution} ({when}) is cancelled",
  },
  'notify.booking_changed': {
    'zh-CN': '{member}在{institution}的预约已改为{form}（{when}）',
    en: "{member}'s booking at {institution} is changed to {form} ({when})",
  },
  'notify.waitlist_joined': {
    'zh-CN': '{institution}的{form}（{when}）已满，{member}已排入候补第{position}位',
    en: '{form} at {institution} ({when}) is full; {member} is number {position} on the waitlist',
  },
  'notify.place_offered': {
    'zh-CN': '{institution}的{form}（{when}）有空位为{member}保留，请在{until}前确认',
    en: 'A place in {form} at {institution} ({when}) is held for {member}: confirm by {until}',
  },
  'notify.offer_expired': {
    'zh-CN': '为{member}保留的{institution}{form}（{when}）未在期限内确认，已让给下一位',
    en: 'The place held for {member} in {form} at {institution} ({when}) was not confirmed in time and has passed on',
  },
  'notify.institution_cancelled': {
    'zh-CN': '{institution}取消了{member}的{form}（{when}）：{reason}',
    en: "{institution} cancelled {member}'s {form} ({when}): {reason}",
  },
  'notify.checked_in': {
    'zh-CN': '{member}已于{when}入园（{by}送达）',
    en: '{member} checked in at {when} (dropped off by {by})',
  },
  'notify.checked_out': {
    'zh-CN': '{member}已于{when}离园（{by}接走）',
    en: '{member} checked out at {when} (picked up by {by})',
  },
  'notify.health_check_abnormal': {
    'zh-CN': '{member}{check}发现异常：{findings}',
    en: "{member}'s {check} found: {findings}",
  },
  'notify.meal_ordered': {
    'zh-CN': '已为{member}订{institution}的{form}（{when}，{mode}），应付{due}元',
    en: '{form} at {institution} ordered for {member} ({when}, {mode}); {due} yuan to pay',
  },
  // ── door-to-door services (homecare) ──
  'notify.order_received': {
    'zh-CN': '新的上门服务订单：{member}，{item}，{day}',
    en: 'New door-to-door order: {member}, {item}, {day}',
  },
  'notify.visit_assigned': {
    'zh-CN': '请于{day}{time}上门为{member}提供{item}服务',
    en: 'Please visit {member} on {day}{time} for {item}',
  },
  'notify.order_cancelled': {
    'zh-CN': '{member}{day}的{item}上门服务已取消',
    en: "{member}'s {item} visit on {day} is cancelled",
  },
  'notify.visit_to_confirm': {
    'zh-CN': '{provider}已为{member}完成{item}上门服务（{day}），请确认并评价',
    en: '{provider} has visited {member} for {item} ({day}); please confirm and rate it',
  },
  'notify.visit_exception': {
    'zh-CN': '{member}{day}的{item}上门服务核验异常：{exceptions}，请说明原因',
    en: "{member}'s {item} visit on {day} failed verification: {exceptions}; please explain",
  },
  'notify.visit_approved': {
    'zh-CN': '{member}{day}的{item}上门服务异常已审核通过',
    en: "The exception on {member}'s {item} visit on {day} is approved",
  },
  'notify.visit_rejected': {
    'zh-CN': '{member}{day}的{item}上门服务异常未通过审核：{note}',
    en: "The exception on {member}'s {item} visit on {day} is rejected: {note}",
  },
});
export type NotificationKind = keyof typeof NM;
