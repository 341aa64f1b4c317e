import { AppError } from '../../server/errors.js';
import { defineMessages } from '../../server/i18n.js';
import {
  CURRENT_CAPABILITY_ASSESSMENT,
  itemsOf,
  type ScoreIssue,
} from '../../standards/capability-assessment.js';

/**
 * Messages of the capability assessment. A refused score names the item's field
 * (`scores.<item>`), its name in the caller's language and the allowed range.
 */
export const ASM = defineMessages({
  'assessment.score_missing': {
    'zh-CN': '缺少“{itemZh}”（{field}）的评分，应为 {min}–{max} 的整数',
    en: 'The score for "{itemEn}" ({field}) is missing: a whole number from {min} to {max}',
  },
  'assessment.score_range': {
    'zh-CN': '“{itemZh}”（{field}）的评分应为 {min}–{max} 的整数',
    en: 'The score for "{itemEn}" ({field}) must be a whole number from {min} to {max}',
  },
  'assessment.unknown_items': {
    'zh-CN': '“{field}”中有不认识的评估项：{items}',
    en: '"{field}" has unknown assessment items: {items}',
  },
});

const ITEMS = new Map(itemsOf(CURRENT_CAPABILITY_ASSESSMENT).map((i) => [i.key as string, i]));

/**
 * Where a score issue points (relative to `scores`) and the message and params that explain
 * it; shared by the zod field (`ScoresField`) and the service.
 */
export function describeScoreIssue(issue: ScoreIssue): {
  path: string[];
  params: Record<string, unknown> & { messageCode: string };
} {
  if (issue.kind === 'unknown') {
    return {
      path: [],
      params: { messageCode: ASM['assessment.unknown_items'], items: issue.items.join(', ') },
    };
  }
  const names = ITEMS.get(issue.item)?.names;
  return {
    path: [issue.item],
    params: {
      messageCode: issue.kind === 'missing' ? ASM['assessment.score_missing'] : ASM['assessment.score_range'],
      itemZh: names?.['zh-CN'] ?? issue.item,
      itemEn: names?.en ?? issue.item,
      item: issue.item,
      min: issue.min,
      max: issue.max,
    },
  };
}

/** A score issue as the 400 the caller sees, naming `scores.<item>` (or `scores`). */
export function scoreIssueError(issue: ScoreIssue): AppError {
  const { path, params } = describeScoreIssue(issue);
  const field = ['scores', ...path].join('.');
  const { messageCode, ...rest } = params;
  return new AppError(400, messageCode, { field, ...rest }, field);
}
