import { defineMessages } from '../../server/i18n.js';

/** Messages of the map boundaries. */
export const GM = defineMessages({
  'geo.no_boundaries': {
    'zh-CN': '暂无区划 {code} 下级区域的边界数据',
    en: 'No boundaries are bundled for the regions under {code}',
  },
  'geo.code_rule': {
    'zh-CN': '“{field}”应为 2、4、6、9 或 12 位数字的区划代码',
    en: '"{field}" must be a region code of 2, 4, 6, 9 or 12 digits',
  },
});
