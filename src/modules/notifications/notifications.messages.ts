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
});
export type NotificationKind = keyof typeof NM;
