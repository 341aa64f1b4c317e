import { defineMessages } from '../../server/i18n.js';

/** Messages of assessments on record (storing, history, the work list). */
export const ARM = defineMessages({
  'assessment.first_exists': {
    'zh-CN': '该老人已有评估记录（最近一次 {lastAssessedOn}），不能再做“首次评估”，请选择常规、即时或复评',
    en: 'This person already has an assessment on record (latest {lastAssessedOn}); choose routine, triggered or dispute instead of first',
  },
  'assessment.date_future': {
    'zh-CN': '评估日期（{field}）不能晚于今天（{today}）',
    en: 'The assessment day ({field}) cannot be after today ({today})',
  },
  'assessment.date_before_60': {
    'zh-CN': '评估日期（{field}）不能早于该老人年满 60 周岁之日（{sixtieth}）',
    en: 'The assessment day ({field}) cannot be before the person turned 60 ({sixtieth})',
  },
  'assessment.person_closed': {
    'zh-CN': '该老人在名册中已{statusZh}（{closedOn}），不能登记此后的评估',
    en: 'The roster records the person as {statusEn} ({closedOn}); no assessment after that day can be stored',
  },
});

/** How the messages name a closed roster status. */
export const CLOSED_STATUS = {
  deceased: { 'zh-CN': '去世', en: 'deceased' },
  moved_out: { 'zh-CN': '迁出', en: 'moved out' },
} as const;
