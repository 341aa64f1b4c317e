import { defineMessages } from '../../server/i18n.js';

export const CM = defineMessages({
  'care.person': { 'zh-CN': '老年人', en: 'older person' },
  'care.future_day': { 'zh-CN': '“{field}”不能晚于今天', en: '"{field}" cannot be after today' },
  'care.person_closed': {
    'zh-CN': '该老年人的档案已关闭（{status}），不能再登记探访',
    en: "This person's record is closed ({status}); contacts can no longer be recorded",
  },
});
