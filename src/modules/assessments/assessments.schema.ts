import { z } from 'zod';
import {
  ADJUSTMENT_RULES,
  ASSESSMENT_REASONS,
  checkScores,
  GRADE_KEYS,
  GROUP_KEYS,
  ITEM_KEYS,
  type ItemKey,
  RISK_EVENT_KINDS,
} from '../../standards/capability-assessment.js';
import { describeScoreIssue } from './assessments.messages.js';

/**
 * The 26 item scores of a capability assessment form. Every item must be present and a whole
 * number in 0…max; unknown keys are refused. A refusal names `scores.<item>` and its range
 * (or `scores` and the unknown keys), in the caller's language.
 */
export const ScoresField = z
  .object({})
  .catchall(z.unknown())
  .superRefine((scores, ctx) => {
    const [issue] = checkScores(scores);
    if (!issue) return;
    const { path, params } = describeScoreIssue(issue);
    ctx.addIssue({ code: 'custom', path, message: `invalid score (${issue.kind})`, params });
  })
  .transform((scores) => scores as Record<ItemKey, number>)
  .describe(
    `One whole number per item (${ITEM_KEYS.join(', ')}), each 0…its max (GET /api/assessments/form)`,
  );

/** Body of `POST /api/assessments/score`. */
export const ScoreAssessmentBody = z
  .object({
    scores: ScoresField,
    /** In a coma at the time of assessment. */
    coma: z.boolean(),
    /** Diagnosed dementia (cognitive impairment) or a psychiatric disorder. */
    dementia: z.boolean(),
    /** Care-risk events (fall, choking, self-harm, wandering off, other) in the last 30 days. */
    riskEvents30d: z.number().int().min(0).max(1000),
  })
  .strict();
export type ScoreAssessmentInput = z.infer<typeof ScoreAssessmentBody>;

const GroupScore = z.object({ score: z.number().int(), max: z.number().int() });

/** The live result: total, groups, grade from the total, final grade and the rules that applied. */
export const AssessmentScoreView = z.object({
  total: z.number().int(),
  initialGrade: z.enum(GRADE_KEYS),
  finalGrade: z.enum(GRADE_KEYS),
  groups: z.object(
    Object.fromEntries(GROUP_KEYS.map((key) => [key, GroupScore])) as Record<
      (typeof GROUP_KEYS)[number],
      typeof GroupScore
    >,
  ),
  adjustments: z.array(z.enum(ADJUSTMENT_RULES)),
});

const Named = <K extends readonly [string, ...string[]]>(keys: K) =>
  z.object({ key: z.enum(keys), name: z.string() });

/** The form definition for the assessor's tablet, in the caller's language. */
export const AssessmentFormView = z.object({
  edition: z.string(),
  name: z.string(),
  maxTotal: z.number().int(),
  groups: z.array(
    z.object({
      key: z.enum(GROUP_KEYS),
      number: z.string(),
      name: z.string(),
      max: z.number().int(),
      items: z.array(
        z.object({
          key: z.enum(ITEM_KEYS),
          number: z.string(),
          name: z.string(),
          max: z.number().int(),
          /** What each score means, best first; null where the edition's data give no common scale. */
          levels: z.array(z.object({ score: z.number().int(), meaning: z.string() })).nullable(),
        }),
      ),
    }),
  ),
  grades: z.array(
    z.object({
      key: z.enum(GRADE_KEYS),
      name: z.string(),
      minTotal: z.number().int(),
      maxTotal: z.number().int(),
    }),
  ),
  reasons: z.array(Named(ASSESSMENT_REASONS)),
  riskEvents: z.array(Named(RISK_EVENT_KINDS)),
  rules: z.object({
    riskEventThreshold: z.number().int(),
    /** Whether the two one-grade-worse rules stack in the caller's region. */
    stackAdjustments: z.boolean(),
    adjustments: z.array(Named(ADJUSTMENT_RULES)),
  }),
});
export type AssessmentForm = z.infer<typeof AssessmentFormView>;
