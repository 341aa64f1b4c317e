import { defineMessages } from '../../server/i18n.js';

/**
 * Messages of classes, staff, certificates and compliance: every rule of STANDARDS §1 a caller
 * can break, named in zh-CN and en. Params carry the numbers and, where a name reads better
 * than a code, the class type or certificate kind already named in the caller's language.
 */
export const SM = defineMessages({
  'class.max_size': {
    'zh-CN': '{typeName}最多 {maxSize} 名儿童，不能设 {capacity} 个托位（托育机构设置标准）',
    en: '{typeName}: at most {maxSize} children; {capacity} places is too many (childcare standard)',
  },
  'class.ratio': {
    'zh-CN':
      '{typeName}有 {children} 名儿童，按 1:{childrenPerCarer} 至少需要 {required} 名保育人员，保育人员为 {present} 名',
    en: '{typeName}: {children} children need at least {required} carers (1 : {childrenPerCarer}); carers: {present}',
  },
  'class.over_capacity': {
    'zh-CN': '班级在托 {enrolled} 名儿童，超过托位数 {capacity}',
    en: 'The class has {enrolled} children, more than its {capacity} places',
  },
  'class.home_point_only': {
    'zh-CN': '家庭托育点只能设“家庭托育点”类型的班级',
    en: 'A home-based childcare point may only have home-point classes',
  },
  'class.home_point_type': {
    'zh-CN': '只有家庭托育点可以设“家庭托育点”类型的班级',
    en: 'Only a home-based childcare point may have home-point classes',
  },
  'class.home_point_total': {
    'zh-CN': '家庭托育点合计最多收托 {maxSize} 名儿童，各班托位合计将为 {total}',
    en: 'A home-based childcare point takes at most {maxSize} children in all; its classes would total {total}',
  },
  'class.not_childcare': {
    'zh-CN': '{kindName}不设托育班级',
    en: 'An institution of kind "{kindName}" has no childcare classes',
  },
  'class.capacity_below_enrolled': {
    'zh-CN': '托位数 {capacity} 不能少于已在托儿童数 {enrolled}',
    en: 'Places ({capacity}) cannot be fewer than the children enrolled ({enrolled})',
  },
  'class.has_children': {
    'zh-CN': '班级还有 {enrolled} 名在托儿童，不能删除',
    en: 'The class still has {enrolled} children enrolled and cannot be deleted',
  },
  'staff.id_number_taken': {
    'zh-CN': '本机构已有身份证号码相同的工作人员',
    en: 'A staff member of this institution already has this ID number',
  },
  'staff.class_role': {
    'zh-CN': '只有保育人员和育婴/早教人员可以分配到班级（当前岗位：{roleName}）',
    en: 'Only carers and early-education teachers are assigned to classes (role: {roleName})',
  },
  'staff.class_unknown': {
    'zh-CN': '班级不存在或不属于本机构',
    en: 'No such class in this institution',
  },
  'certificate.expires_before_issued': {
    'zh-CN': '有效期至 {expiresOn} 不能早于发证日期 {issuedOn}',
    en: 'The expiry date {expiresOn} cannot be before the issue date {issuedOn}',
  },
  'staff.certificate_missing': { 'zh-CN': '缺少{kindName}', en: 'Missing: {kindName}' },
  'staff.certificate_expired': {
    'zh-CN': '{kindName}已于 {expiresOn} 过期',
    en: '{kindName} expired on {expiresOn}',
  },
  'staff.certificate_expiring': {
    'zh-CN': '{kindName}将于 {expiresOn} 到期（还有 {daysLeft} 天）',
    en: '{kindName} expires on {expiresOn} ({daysLeft} days left)',
  },
  'staff.head_education': {
    'zh-CN': '机构负责人应具有大专及以上学历',
    en: 'The head needs a college diploma (大专) or higher',
  },
  'staff.head_management_years': {
    'zh-CN': '机构负责人应有 {required} 年以上管理经验（现为 {managementYears} 年）',
    en: 'The head needs {required}+ years of management experience (has {managementYears})',
  },
  'compliance.head_missing': {
    'zh-CN': '机构没有在岗的机构负责人',
    en: 'The institution has no active head',
  },
  'compliance.health_staff': {
    'zh-CN':
      '在托 {children} 名儿童需要至少 {required} 名卫生保健人员（每 {perChildren} 名儿童 1 名），现有 {present} 名',
    en: '{children} children enrolled need at least {required} health staff (one per {perChildren}); there are {present}',
  },
  'compliance.floor_unknown': {
    'zh-CN': '未登记托育用房所在楼层，无法核对消防选址要求',
    en: 'The floor of the care rooms is not recorded, so fire-safety siting cannot be checked',
  },
  'compliance.siting': { 'zh-CN': '消防选址：{ruleName}', en: 'Fire-safety siting: {ruleName}' },
});

/** Names of the institution kinds that have no classes, for `class.not_childcare`. */
export const NON_CHILDCARE_KIND_NAMES = {
  elderly_care_institution: { 'zh-CN': '养老机构', en: 'Elderly care institution' },
  community_elderly_centre: { 'zh-CN': '社区养老服务中心', en: 'Community elderly centre' },
  meal_point: { 'zh-CN': '助餐点', en: 'Meal point' },
} as const;

/** Institution kinds that run childcare and so may have classes and staff rules of STANDARDS §1. */
export function isChildcareKind(kind: string): boolean {
  return !(kind in NON_CHILDCARE_KIND_NAMES);
}
