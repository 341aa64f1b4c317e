import { defineMessages } from '../../server/i18n.js';

/** Messages of the institution register: every refusal names the field and the rule. */
export const IM = defineMessages({
  'institutions.region_not_community': {
    'zh-CN': '“{field}”应为已存在的 12 位社区（村）区划代码：{code} 不是',
    en: '"{field}" must be an existing 12-digit community (village) code; {code} is not',
  },
  'institutions.coordinates_outside_china': {
    'zh-CN': '坐标应在中国境内（纬度 3.5–54，经度 73–136）',
    en: 'Coordinates must lie within China (latitude 3.5–54, longitude 73–136)',
  },
  'institutions.coordinates_pair': {
    'zh-CN': '纬度和经度须同时填写',
    en: 'Latitude and longitude go together: give both or neither',
  },
  'institutions.price_cap_not_affordable': {
    'zh-CN': '只有普惠机构才能设置限价（priceCap）',
    en: 'Only affordable (普惠) institutions have a price cap',
  },
  'institutions.price_above_cap': {
    'zh-CN': '全日托价格 {price} 元高于普惠限价 {cap} 元',
    en: 'The full-day price ¥{price} is above the affordable price cap ¥{cap}',
  },
  'institutions.age_range': {
    'zh-CN': '最小月龄不能大于最大月龄',
    en: 'The minimum age in months cannot be above the maximum',
  },
  'institutions.credit_code': {
    'zh-CN': '统一社会信用代码应为 18 位且校验位正确',
    en: 'A unified social credit code has 18 characters and a valid check character',
  },
  'institutions.phone_rule': {
    'zh-CN': '电话应为 11 位手机号或带区号的座机号（如 0311-86001234）',
    en: 'A phone is an 11-digit mobile or a landline with area code (e.g. 0311-86001234)',
  },
  'institutions.hours_rule': {
    'zh-CN': '营业时间格式应为 HH:MM-HH:MM',
    en: 'Opening hours are written HH:MM-HH:MM',
  },
  'institutions.function_duplicate': {
    'zh-CN': '功能“{function}”重复',
    en: 'Function "{function}" is listed twice',
  },
  'institutions.function_unit': {
    'zh-CN': '功能“{function}”的计量单位只能是：{units}',
    en: 'Function "{function}" is counted in: {units}',
  },
  'institutions.home_point_capacity': {
    'zh-CN': '家庭托育点最多收托 {max} 名婴幼儿',
    en: 'A home-based childcare point takes at most {max} children',
  },
  'institutions.wrong_department': {
    'zh-CN': '“{kind}”类机构不由您的部门主管',
    en: 'Institutions of kind "{kind}" are not supervised by your department',
  },
  'institutions.particulars_locked': {
    'zh-CN': '机构已备案，登记事项（{fields}）须通过变更备案修改：POST {route}，kind 为 change',
    en: 'The institution is filed; registered particulars ({fields}) change only through a change filing: POST {route} with kind "change"',
  },
  'institutions.deregistered': {
    'zh-CN': '机构已注销，不能修改',
    en: 'The institution is deregistered and cannot be changed',
  },
});
