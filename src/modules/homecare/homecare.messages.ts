import { defineMessages } from '../../server/i18n.js';

/** Messages of the door-to-door service menu, orders, visit verification and settlements. */
export const HM = defineMessages({
  'menu.code_taken': {
    'zh-CN': '本地区服务目录已有编码为 {code} 的项目',
    en: 'The menu of this region already has an item with code {code}',
  },
  'menu.package_name_required': {
    'zh-CN': '服务包项目需填写所属服务包名称',
    en: 'An item of a package needs the package name',
  },
  'menu.region_prefix': {
    'zh-CN': '“{field}”应为空（全国）或 2、4、6 位地区代码',
    en: '"{field}" must be empty (national) or a 2, 4 or 6-digit region code',
  },
  'provider.not_elderly': {
    'zh-CN': '{name}不是养老服务机构，不能提供上门服务',
    en: '{name} is not an elderly care provider and cannot offer door-to-door services',
  },
  'provider.not_filed': {
    'zh-CN': '{name}尚未备案，不能接单',
    en: '{name} is not filed and cannot take orders',
  },
  'provider.item_not_in_menu': {
    'zh-CN': '第 {index} 项不在本地区现行服务目录中',
    en: 'Item {index} is not on the current menu of this region',
  },
  'provider.item_not_offered': {
    'zh-CN': '{provider}未提供“{item}”服务',
    en: '{provider} does not offer "{item}"',
  },
  'order.person_inactive': {
    'zh-CN': '{name}已不在册（{status}），不能下单',
    en: '{name} is no longer on the roster ({status}); no order can be placed',
  },
  'order.item_not_here': {
    'zh-CN': '“{item}”不在该老人所在地区的服务目录中',
    en: '"{item}" is not on the menu where this person lives',
  },
  'order.day_out_of_range': {
    'zh-CN': '服务日期应在 {from} 至 {to} 之间',
    en: 'The service day must be between {from} and {to}',
  },
  'order.not_own_client': {
    'zh-CN': '{name}还不是本机构的服务对象，首次服务须由社区或民政部门下单',
    en: "{name} is not yet this provider's client; a first order is placed by the community or civil affairs",
  },
  'order.not_family': {
    'zh-CN': '只能为本户登记（身份证号一致）的老人下单或确认',
    en: 'Only for an older person registered in your household (same ID number)',
  },
  'order.wrong_status': {
    'zh-CN': '订单当前状态为“{status}”，不能{action}',
    en: 'The order is "{status}" and cannot be {action}',
  },
  'order.caregiver_invalid': {
    'zh-CN': '服务人员须为本机构在职账号',
    en: 'The caregiver must be an active account of this provider',
  },
  'visit.not_your_order': {
    'zh-CN': '该订单未派给您',
    en: 'This order is not assigned to you',
  },
  'visit.already_open': {
    'zh-CN': '您还有未签退的服务（{person}），请先签退',
    en: 'You have a visit still open ({person}); check out of it first',
  },
  'visit.time_future': {
    'zh-CN': '签到/签退时间不能晚于当前时间',
    en: 'A check-in or check-out time cannot be in the future',
  },
  'visit.time_too_old': {
    'zh-CN': '签到/签退时间不能早于 {days} 天前',
    en: 'A check-in or check-out time cannot be more than {days} days ago',
  },
  'visit.out_before_in': {
    'zh-CN': '签退时间应晚于签到时间（{checkIn}）',
    en: 'Check-out must be after check-in ({checkIn})',
  },
  'visit.location_pair': {
    'zh-CN': '经度和纬度须同时提供',
    en: 'Latitude and longitude go together',
  },
  'visit.wrong_status': {
    'zh-CN': '服务记录当前状态为“{status}”，不能{action}',
    en: 'The visit is "{status}" and cannot be {action}',
  },
  'visit.already_confirmed': {
    'zh-CN': '该次服务已确认',
    en: 'This visit is already confirmed',
  },
  'visit.reason_required': {
    'zh-CN': '服务机构尚未说明异常原因，暂不能通过',
    en: 'The provider has not explained the exception yet; it cannot be approved',
  },
  'visit.not_confirmer': {
    'zh-CN': '只有老人的家属（本户登记）或所在社区的社区工作者可以确认服务',
    en: "Only the person's family (registered in the household) or a community worker of the area can confirm",
  },
  'settlement.final': {
    'zh-CN': '{month} 的结算单已定稿，不能重新生成',
    en: 'The settlement for {month} is final and cannot be generated again',
  },
  'settlement.month': {
    'zh-CN': '“{field}”应为 YYYY-MM 格式的月份',
    en: '"{field}" must be a month as YYYY-MM',
  },
});

/** Names of statuses and actions used inside the messages above. */
export const STATUS_NAMES: Record<string, { 'zh-CN': string; en: string }> = {
  requested: { 'zh-CN': '待派单', en: 'requested' },
  assigned: { 'zh-CN': '已派单', en: 'assigned' },
  in_progress: { 'zh-CN': '服务中', en: 'in progress' },
  completed: { 'zh-CN': '已完成', en: 'completed' },
  verified: { 'zh-CN': '已核验', en: 'verified' },
  exception: { 'zh-CN': '异常', en: 'exception' },
  cancelled: { 'zh-CN': '已取消', en: 'cancelled' },
  open: { 'zh-CN': '服务中', en: 'open' },
  approved: { 'zh-CN': '异常已通过', en: 'approved' },
  rejected: { 'zh-CN': '异常未通过', en: 'rejected' },
  active: { 'zh-CN': '在册', en: 'active' },
  deceased: { 'zh-CN': '已故', en: 'deceased' },
  moved_out: { 'zh-CN': '已迁出', en: 'moved out' },
};

export const ACTION_NAMES: Record<string, { 'zh-CN': string; en: string }> = {
  assign: { 'zh-CN': '派单', en: 'assigned' },
  cancel: { 'zh-CN': '取消', en: 'cancelled' },
  check_in: { 'zh-CN': '签到', en: 'checked in' },
  check_out: { 'zh-CN': '签退', en: 'checked out' },
  confirm: { 'zh-CN': '确认', en: 'confirmed' },
  explain: { 'zh-CN': '说明异常', en: 'explained' },
  review: { 'zh-CN': '审核', en: 'reviewed' },
};

/** What each exception means, for lists, settlements and the export. */
export const EXCEPTION_NAMES: Record<string, { 'zh-CN': string; en: string }> = {
  distance: { 'zh-CN': '签到/签退位置超出距离范围', en: 'Check-in or check-out too far from the home' },
  missing_element: { 'zh-CN': '核验要素缺失', en: 'A verification element is missing' },
  overlap: { 'zh-CN': '与该服务人员其他服务时间重叠', en: "Overlaps another of the caregiver's visits" },
  impossible_travel: {
    'zh-CN': '与相邻服务间的行程速度不可信',
    en: 'Impossible travel from or to an adjacent visit',
  },
  too_short: { 'zh-CN': '服务时长不足项目时长的一半', en: "Shorter than half the item's duration" },
};

/** Why a settlement line is held. */
export const HELD_REASON_NAMES: Record<string, { 'zh-CN': string; en: string }> = {
  exception_open: { 'zh-CN': '异常待审核', en: 'Exception awaiting review' },
  rejected: { 'zh-CN': '异常未通过审核', en: 'Exception rejected' },
  unconfirmed: { 'zh-CN': '待家属/社区确认', en: 'Awaiting confirmation' },
  not_checked_out: { 'zh-CN': '未签退', en: 'Not checked out' },
};
