import { defineMessages } from '../../server/i18n.js';

/** Messages of places, bookings and waitlists. Every refusal names the rule and its numbers. */
export const BM = defineMessages({
  'booking.offer_closed': {
    'zh-CN': '{time} 的名额已停止预约',
    en: 'Places at {time} are closed for booking',
  },
  'booking.full': {
    'zh-CN': '{time} 已约满（{taken}/{capacity}）',
    en: '{time} is fully booked ({taken} of {capacity})',
  },
  'booking.class_size': {
    'zh-CN': '{day} {time} 班级人数将超过班额（已有 {present} 人，班额 {limit} 人）',
    en: 'On {day} at {time} the class would exceed its size ({present} booked, size {limit})',
  },
  'booking.licensed_capacity': {
    'zh-CN': '{day} {time} 机构在托人数将超过核定托位（已有 {present} 人，核定 {limit} 个）',
    en: 'On {day} at {time} the institution would exceed its licensed places ({present} booked, {limit} licensed)',
  },
  'booking.ratio': {
    'zh-CN':
      '{day} {time} 排班保育人员 {carers} 名，照护 {children} 名幼儿至少需要 {required} 名（师生比 1:{childrenPerCarer}）',
    en: 'On {day} at {time} {carers} carer(s) are rostered; {children} children need at least {required} (ratio 1:{childrenPerCarer})',
  },
  'booking.not_published': { 'zh-CN': '所选时段未开放预约', en: 'The chosen time is not open for booking' },
  'booking.age': {
    'zh-CN': '{member}在{day}为 {ageMonths} 月龄，该班（{classType}）收 {min}–{max} 月龄',
    en: '{member} is {ageMonths} months old on {day}; this class ({classType}) takes {min} to under {max} months',
  },
  'booking.health_check_missing': {
    'zh-CN': '{member}还没有入托体检记录，请先完成体检',
    en: '{member} has no admission health check on record yet',
  },
  'booking.health_check_expired': {
    'zh-CN': '{member}的体检报告 {validUntil} 到期（有效期 {months} 个月），早于 {day}，请重新体检',
    en: "{member}'s health report is valid until {validUntil} ({months} months), before {day}: a new check is needed",
  },
  'booking.health_check_failed': {
    'zh-CN': '{member}的入托体检未通过',
    en: "{member}'s admission health check was not passed",
  },
  'booking.vaccination': {
    'zh-CN': '{member}的预防接种未按规定完成，入托前需补种',
    en: "{member}'s vaccinations are not up to date; they must be completed before admission",
  },
  'booking.member_kind': {
    'zh-CN': '{member}不能预约此项服务（{service}仅面向{kind}）',
    en: '{member} cannot book this ({service} is for {kind})',
  },
  'booking.started': {
    'zh-CN': '{time} 已开始或已过，不能再预约',
    en: '{time} has already started or passed',
  },
  'booking.overlap': {
    'zh-CN': '{member}在 {day} 已有时间重叠的预约',
    en: '{member} already has an overlapping booking on {day}',
  },
  'booking.not_consecutive': {
    'zh-CN': '计时托育的时段须为同一班级同一天的连续时段',
    en: 'Hourly care slots must be consecutive, in one class on one day',
  },
  'booking.mixed_offers': {
    'zh-CN': '一次预约只能包含同一机构同一项服务的名额',
    en: 'One booking can only hold places of one service at one institution',
  },
  'booking.single_offer': {
    'zh-CN': '此项服务一次只能预约一个时段',
    en: 'This service is booked one slot at a time',
  },
  'booking.no_days': {
    'zh-CN': '{month} 在该班没有尚可报名的{form}名额',
    en: 'No {form} places remain open in this class in {month}',
  },
  'booking.meal_mode_required': {
    'zh-CN': '请选择就餐方式（堂食、自取或送餐）',
    en: 'Choose how the meal is served: eat in, pick up or delivered',
  },
  'booking.cancel_cutoff': {
    'zh-CN': '已过取消截止时间（{deadline}），请联系机构',
    en: 'The cancellation deadline ({deadline}) has passed; please contact the institution',
  },
  'booking.not_cancellable': {
    'zh-CN': '该预约当前状态为“{status}”，不能执行此操作',
    en: 'This booking is {status}; the action is not possible',
  },
  'booking.hold_expired': {
    'zh-CN': '保留名额已于 {expiredAt} 过期',
    en: 'The held place expired at {expiredAt}',
  },
  'booking.reason_required': {
    'zh-CN': '机构取消预约须填写原因',
    en: 'An institution must give a reason to cancel a booking',
  },
  'booking.booking': { 'zh-CN': '预约', en: 'booking' },
  'booking.waitlist_entry': { 'zh-CN': '候补', en: 'waitlist entry' },
  'booking.member': { 'zh-CN': '家庭成员', en: 'household member' },
  'booking.offer': { 'zh-CN': '名额', en: 'offer' },
  'booking.class': { 'zh-CN': '班级', en: 'class' },
  'offer.not_filed': {
    'zh-CN': '机构尚未完成备案，不能开放预约',
    en: 'The institution is not filed yet and cannot open places for booking',
  },
  'offer.form_for_service': {
    'zh-CN': '“{form}”不是{service}的服务形式（可选：{allowed}）',
    en: '"{form}" is not a form of {service} (allowed: {allowed})',
  },
  'offer.class_required': { 'zh-CN': '托育名额须指定班级', en: 'Childcare places need a class' },
  'offer.class_not_allowed': { 'zh-CN': '此项服务不按班级开放', en: 'This service is not offered per class' },
  'offer.capacity_over_class': {
    'zh-CN': '每个时段的名额（{capacity}）不能超过班额（{limit}）',
    en: 'Places per slot ({capacity}) cannot exceed the class size ({limit})',
  },
  'offer.capacity_below_taken': {
    'zh-CN': '{day} {time} 已有 {taken} 人预约，名额不能少于此数',
    en: 'On {day} at {time} {taken} places are already taken; capacity cannot go below that',
  },
  'offer.range_too_long': {
    'zh-CN': '一次最多开放 {max} 天',
    en: 'At most {max} days can be published at once',
  },
  'offer.times': {
    'zh-CN': '时间须在 06:00–22:00 之间且结束晚于开始',
    en: 'Times must lie between 06:00 and 22:00, with the end after the start',
  },
  'offer.slot_split': {
    'zh-CN': '开始到结束的时长须为时段长度（{slotMinutes} 分钟）的整数倍',
    en: 'The time from start to end must be a whole number of slots ({slotMinutes} minutes)',
  },
  'offer.kind_not_offering': {
    'zh-CN': '该机构类型（{kind}）不提供{service}',
    en: 'This kind of institution ({kind}) does not offer {service}',
  },
});
