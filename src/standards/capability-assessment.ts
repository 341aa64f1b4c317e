/**
 * Elderly capability assessment (老年人能力评估规范 GB/T 42195—2022, STANDARDS §4) as versioned
 * data and pure functions: 26 items in 4 groups, 90 points, five grades from the total, and the
 * final-grade rules (coma, dementia or psychiatric disorder, care-risk events). Every function
 * takes the edition in force as an argument, so a later edition is new data, not new code.
 * Item, group and grade keys are the API's names (forms, imports, exports use them). No I/O.
 */

export type Names = { readonly 'zh-CN': string; readonly en: string };

/** The 26 items, in the standard's order (appendix B). */
// biome-ignore format: one line per group (B.1 self-care, B.2 mobility, B.3 mental state, B.4 perception)
export const ITEM_KEYS = [
  'eating', 'grooming', 'bathing', 'upperDressing', 'lowerDressing', 'bladder', 'bowel', 'toileting',
  'bedTurning', 'bedChairTransfer', 'walking', 'stairs',
  'timeOrientation', 'placeOrientation', 'personOrientation', 'memory', 'understanding', 'expression',
  'aggression', 'depression', 'consciousness',
  'vision', 'hearing', 'dailyTasks', 'transport', 'socialContact',
] as const;
export type ItemKey = (typeof ITEM_KEYS)[number];

export const GROUP_KEYS = ['selfCare', 'mobility', 'mental', 'perception'] as const;
export type GroupKey = (typeof GROUP_KEYS)[number];

/** Grades from best to worst; "one grade worse" is one step right, never past `complete`. */
export const GRADE_KEYS = ['intact', 'mild', 'moderate', 'severe', 'complete'] as const;
export type Grade = (typeof GRADE_KEYS)[number];

/** Why an assessment is made: first, routine, triggered by a change, re-assessment after a dispute. */
export const ASSESSMENT_REASONS = ['first', 'routine', 'triggered', 'dispute'] as const;
export type AssessmentReason = (typeof ASSESSMENT_REASONS)[number];

/** Care-risk events counted over the last 30 days. */
export const RISK_EVENT_KINDS = ['fall', 'choking', 'selfHarm', 'wanderingOff', 'other'] as const;
export type RiskEventKind = (typeof RISK_EVENT_KINDS)[number];

/** The final-grade rules, as `scoreAssessment` names them in `adjustments`. */
export const ADJUSTMENT_RULES = ['coma', 'dementia', 'riskEvents'] as const;
export type AdjustmentRule = (typeof ADJUSTMENT_RULES)[number];

export interface AssessmentItem {
  readonly key: ItemKey;
  /** The standard's number, e.g. `B.2.4`. */
  readonly number: string;
  readonly max: number;
  readonly names: Names;
}

export interface AssessmentGroup {
  readonly key: GroupKey;
  readonly number: string;
  readonly max: number;
  readonly names: Names;
  readonly items: readonly AssessmentItem[];
}

/** What a score means on the common 0–4 scale. */
export interface LevelMeaning {
  readonly score: number;
  readonly names: Names;
}

/** A grade and the totals it covers (inclusive). */
export interface GradeBand {
  readonly key: Grade;
  readonly minTotal: number;
  readonly maxTotal: number;
  readonly names: Names;
}

/** One edition of the standard, as data. */
export interface CapabilityAssessmentStandard {
  readonly id: string;
  readonly names: Names;
  readonly maxTotal: number;
  readonly groups: readonly AssessmentGroup[];
  /** Meaning of each level of the items scored 0–4. */
  readonly commonLevels: readonly LevelMeaning[];
  /** Best to worst, covering 0…maxTotal without gaps. */
  readonly grades: readonly GradeBand[];
  readonly reasons: { readonly [K in AssessmentReason]: Names };
  readonly riskEvents: { readonly [K in RiskEventKind]: Names };
  /** This many care-risk events in the last 30 days make the grade one worse. */
  readonly riskEventThreshold: number;
  readonly adjustments: { readonly [K in AdjustmentRule]: Names };
}

const item = (key: ItemKey, number: string, max: number, zh: string, en: string): AssessmentItem => ({
  key,
  number,
  max,
  names: { 'zh-CN': zh, en },
});

/** GB/T 42195—2022, the edition in force. */
export const CAPABILITY_ASSESSMENT_2022: CapabilityAssessmentStandard = {
  id: 'GB/T 42195—2022',
  names: {
    'zh-CN': '老年人能力评估规范',
    en: 'Specification for the assessment of older people’s capability',
  },
  maxTotal: 90,
  groups: [
    {
      key: 'selfCare',
      number: 'B.1',
      max: 32,
      names: { 'zh-CN': '自理能力', en: 'Self-care' },
      items: [
        item('eating', 'B.1.1', 4, '进食', 'Eating'),
        item('grooming', 'B.1.2', 4, '修饰', 'Grooming'),
        item('bathing', 'B.1.3', 4, '洗澡', 'Bathing'),
        item('upperDressing', 'B.1.4', 4, '穿/脱上衣', 'Dressing the upper body'),
        item('lowerDressing', 'B.1.5', 4, '穿/脱裤子和鞋袜', 'Lower-body dressing, incl. shoes'),
        item('bladder', 'B.1.6', 4, '小便控制', 'Bladder control'),
        item('bowel', 'B.1.7', 4, '大便控制', 'Bowel control'),
        item('toileting', 'B.1.8', 4, '如厕', 'Using the toilet'),
      ],
    },
    {
      key: 'mobility',
      number: 'B.2',
      max: 15,
      names: { 'zh-CN': '基础运动能力', en: 'Basic mobility' },
      items: [
        item('bedTurning', 'B.2.1', 4, '床上体位转移', 'Turning in bed'),
        item('bedChairTransfer', 'B.2.2', 4, '床椅转移', 'Bed–chair transfer'),
        item('walking', 'B.2.3', 4, '平地行走（50 米）', 'Walking on level ground (50 m)'),
        item('stairs', 'B.2.4', 3, '上下楼梯', 'Stairs'),
      ],
    },
    {
      key: 'mental',
      number: 'B.3',
      max: 28,
      names: { 'zh-CN': '精神状态', en: 'Mental state' },
      items: [
        item('timeOrientation', 'B.3.1', 4, '时间定向', 'Orientation in time'),
        item('placeOrientation', 'B.3.2', 4, '空间定向', 'Orientation in place'),
        item('personOrientation', 'B.3.3', 4, '人物定向', 'Orientation to people'),
        item('memory', 'B.3.4', 4, '记忆', 'Memory'),
        item('understanding', 'B.3.5', 4, '理解能力', 'Understanding'),
        item('expression', 'B.3.6', 4, '表达能力', 'Expression'),
        item('aggression', 'B.3.7', 1, '攻击行为', 'Aggressive behaviour'),
        item('depression', 'B.3.8', 1, '抑郁症状', 'Depressive symptoms'),
        item('consciousness', 'B.3.9', 2, '意识水平', 'Level of consciousness'),
      ],
    },
    {
      key: 'perception',
      number: 'B.4',
      max: 15,
      names: { 'zh-CN': '感知觉与社会参与', en: 'Perception and social participation' },
      items: [
        item('vision', 'B.4.1', 2, '视力', 'Vision'),
        item('hearing', 'B.4.2', 2, '听力', 'Hearing'),
        item('dailyTasks', 'B.4.3', 4, '执行日常事务', 'Carrying out daily tasks'),
        item('transport', 'B.4.4', 3, '使用交通工具外出', 'Going out by transport'),
        item('socialContact', 'B.4.5', 4, '社会交往能力', 'Social contact'),
      ],
    },
  ],
  commonLevels: [
    { score: 4, names: { 'zh-CN': '独立完成', en: 'Independent' } },
    { score: 3, names: { 'zh-CN': '需要他人指导或提示', en: 'Needs prompting' } },
    { score: 2, names: { 'zh-CN': '需要他人少量帮助', en: 'Needs some help' } },
    { score: 1, names: { 'zh-CN': '主要依靠他人帮助', en: 'Mostly helped' } },
    { score: 0, names: { 'zh-CN': '完全依赖他人', en: 'Fully dependent' } },
  ],
  grades: [
    { key: 'intact', minTotal: 90, maxTotal: 90, names: { 'zh-CN': '能力完好', en: 'Capability intact' } },
    { key: 'mild', minTotal: 66, maxTotal: 89, names: { 'zh-CN': '轻度失能', en: 'Mild disability' } },
    {
      key: 'moderate',
      minTotal: 46,
      maxTotal: 65,
      names: { 'zh-CN': '中度失能', en: 'Moderate disability' },
    },
    { key: 'severe', minTotal: 30, maxTotal: 45, names: { 'zh-CN': '重度失能', en: 'Severe disability' } },
    { key: 'complete', minTotal: 0, maxTotal: 29, names: { 'zh-CN': '完全失能', en: 'Complete disability' } },
  ],
  reasons: {
    first: { 'zh-CN': '首次评估', en: 'First assessment' },
    routine: { 'zh-CN': '常规评估', en: 'Routine re-assessment' },
    triggered: { 'zh-CN': '即时评估（状况变化）', en: 'Triggered by a change in condition' },
    dispute: { 'zh-CN': '对评估结果有异议的复评', en: 'Re-assessment after a dispute' },
  },
  riskEvents: {
    fall: { 'zh-CN': '跌倒', en: 'Fall' },
    choking: { 'zh-CN': '噎食', en: 'Choking' },
    selfHarm: { 'zh-CN': '自杀、自伤', en: 'Self-harm' },
    wanderingOff: { 'zh-CN': '走失', en: 'Wandering off' },
    other: { 'zh-CN': '其他', en: 'Other' },
  },
  riskEventThreshold: 2,
  adjustments: {
    coma: { 'zh-CN': '处于昏迷状态，直接评定为完全失能', en: 'In a coma: complete disability' },
    dementia: {
      'zh-CN': '确诊为认知障碍/痴呆或精神疾病，失能等级加重一级',
      en: 'Diagnosed dementia or psychiatric disorder: one grade worse',
    },
    riskEvents: {
      'zh-CN': '近 30 天内发生 2 次及以上照护风险事件，失能等级加重一级',
      en: 'Two or more care-risk events in the last 30 days: one grade worse',
    },
  },
};

/** The edition used when none is given. */
export const CURRENT_CAPABILITY_ASSESSMENT = CAPABILITY_ASSESSMENT_2022;

/** Every item of an edition, in the standard's order, with its group. */
export function itemsOf(
  standard: CapabilityAssessmentStandard = CURRENT_CAPABILITY_ASSESSMENT,
): Array<AssessmentItem & { group: GroupKey }> {
  return standard.groups.flatMap((g) => g.items.map((i) => ({ ...i, group: g.key })));
}

/**
 * Why a set of scores cannot be scored: item keys the edition does not have, or an item that
 * is missing or not a whole number in 0…max.
 */
export type ScoreIssue =
  | { kind: 'unknown'; items: string[] }
  | { kind: 'missing' | 'invalid'; item: ItemKey; min: 0; max: number };

/**
 * The problems with `scores` before it can be scored, unknown keys first (a misspelt key is the
 * likeliest cause of a missing item), then items in the standard's order. Empty = scoreable.
 */
export function checkScores(
  scores: Readonly<Record<string, unknown>>,
  standard: CapabilityAssessmentStandard = CURRENT_CAPABILITY_ASSESSMENT,
): ScoreIssue[] {
  const items = itemsOf(standard);
  const known = new Set<string>(items.map((i) => i.key));
  const issues: ScoreIssue[] = [];
  const unknown = Object.keys(scores).filter((key) => !known.has(key));
  if (unknown.length > 0) issues.push({ kind: 'unknown', items: unknown });
  for (const { key, max } of items) {
    const value = Object.hasOwn(scores, key) ? scores[key] : undefined;
    if (value === undefined || value === null) issues.push({ kind: 'missing', item: key, min: 0, max });
    else if (!Number.isInteger(value) || (value as number) < 0 || (value as number) > max) {
      issues.push({ kind: 'invalid', item: key, min: 0, max });
    }
  }
  return issues;
}

/** Thrown by `scoreAssessment` for scores it cannot score; `issue` names the item and its range. */
export class AssessmentScoreError extends RangeError {
  constructor(readonly issue: ScoreIssue) {
    super(
      issue.kind === 'unknown'
        ? `unknown assessment items: ${issue.items.join(', ')}`
        : `scores.${issue.item} must be a whole number from ${issue.min} to ${issue.max}` +
            (issue.kind === 'missing' ? ' (missing)' : ''),
    );
    this.name = 'AssessmentScoreError';
  }
}

/** The grade a total earns before the final-grade rules. */
export function gradeForTotal(
  total: number,
  standard: CapabilityAssessmentStandard = CURRENT_CAPABILITY_ASSESSMENT,
): Grade {
  const band = standard.grades.find((g) => total >= g.minTotal && total <= g.maxTotal);
  if (!band) throw new RangeError(`total ${total} is outside 0…${standard.maxTotal}`);
  return band.key;
}

/** `grade` made `steps` grades worse, never past `complete`. */
export function worsenGrade(grade: Grade, steps: number): Grade {
  const index = Math.min(GRADE_KEYS.indexOf(grade) + Math.max(0, steps), GRADE_KEYS.length - 1);
  return GRADE_KEYS[index]!;
}

export interface AssessmentInput {
  scores: Readonly<Record<ItemKey, number>>;
  /** In a coma at the time of assessment. */
  coma: boolean;
  /** Diagnosed dementia (cognitive impairment) or a psychiatric disorder. */
  dementia: boolean;
  /** Care-risk events (fall, choking, self-harm, wandering off, other) in the last 30 days. */
  riskEvents30d: number;
}

export interface ScoreOptions {
  /** Whether the two "one grade worse" rules add up (setting `assessment.stack_grade_adjustments`; default true). */
  stackAdjustments?: boolean;
  edition?: CapabilityAssessmentStandard;
}

export interface AssessmentScore {
  total: number;
  groups: Record<GroupKey, { score: number; max: number }>;
  initialGrade: Grade;
  finalGrade: Grade;
  /** The final-grade rules whose condition held, in the order applied. */
  adjustments: AdjustmentRule[];
}

/**
 * Score a completed form: the total and group sums, the grade the total earns, and the final
 * grade after the rules. Coma decides alone (complete). Otherwise dementia and reaching the
 * care-risk threshold each make the grade one worse; when `stackAdjustments` is false, both
 * together still make it only one worse. Never worse than `complete`. Throws
 * `AssessmentScoreError` when an item is unknown, missing or out of its range.
 */
export function scoreAssessment(input: AssessmentInput, options: ScoreOptions = {}): AssessmentScore {
  const standard = options.edition ?? CURRENT_CAPABILITY_ASSESSMENT;
  const [issue] = checkScores(input.scores, standard);
  if (issue) throw new AssessmentScoreError(issue);
  if (!Number.isInteger(input.riskEvents30d) || input.riskEvents30d < 0) {
    throw new RangeError('riskEvents30d must be a whole number ≥ 0');
  }
  const groups = {} as AssessmentScore['groups'];
  let total = 0;
  for (const group of standard.groups) {
    const score = group.items.reduce((sum, i) => sum + input.scores[i.key], 0);
    groups[group.key] = { score, max: group.max };
    total += score;
  }
  const initialGrade = gradeForTotal(total, standard);
  if (input.coma) return { total, groups, initialGrade, finalGrade: 'complete', adjustments: ['coma'] };

  const adjustments: AdjustmentRule[] = [];
  if (input.dementia) adjustments.push('dementia');
  if (input.riskEvents30d >= standard.riskEventThreshold) adjustments.push('riskEvents');
  const stack = options.stackAdjustments ?? true;
  const steps = stack ? adjustments.length : Math.min(adjustments.length, 1);
  return { total, groups, initialGrade, finalGrade: worsenGrade(initialGrade, steps), adjustments };
}
