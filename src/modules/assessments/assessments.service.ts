import type { Executor } from '../../db/client.js';
import type { RequestContext } from '../../server/context.js';
import {
  ADJUSTMENT_RULES,
  ASSESSMENT_REASONS,
  type AssessmentInput,
  type AssessmentScore,
  AssessmentScoreError,
  type CapabilityAssessmentStandard,
  CURRENT_CAPABILITY_ASSESSMENT,
  RISK_EVENT_KINDS,
  scoreAssessment,
} from '../../standards/capability-assessment.js';
import { requireActor } from '../accounts/scope.js';
import { getSetting } from '../settings/settings.service.js';
import { scoreIssueError } from './assessments.messages.js';
import type { AssessmentForm } from './assessments.schema.js';

/** The setting that says whether the two "one grade worse" rules stack, per region. */
export const STACK_SETTING = 'assessment.stack_grade_adjustments';

/**
 * Score a capability assessment for a signed-in caller (assessor, official, institution staff
 * filling the form), with the stacking rule in force for the caller's region. Stores nothing.
 * An unknown, missing or out-of-range item is a 400 naming `scores.<item>` and its range.
 */
export async function scoreForCaller(
  db: Executor,
  ctx: RequestContext,
  input: AssessmentInput,
): Promise<AssessmentScore> {
  const actor = requireActor(ctx.actor);
  const stackAdjustments = await getSetting(db, STACK_SETTING, actor.regionCode);
  try {
    return scoreAssessment(input, { stackAdjustments, edition: CURRENT_CAPABILITY_ASSESSMENT });
  } catch (err) {
    if (err instanceof AssessmentScoreError) throw scoreIssueError(err.issue);
    throw err;
  }
}

/**
 * The form definition for the tablet, in the caller's language: groups and items with their
 * numbers, maxima and level meanings, the grade bands, reasons, care-risk events, and the
 * final-grade rules as they apply in the caller's region.
 */
export async function assessmentForm(db: Executor, ctx: RequestContext): Promise<AssessmentForm> {
  const actor = requireActor(ctx.actor);
  const stackAdjustments = await getSetting(db, STACK_SETTING, actor.regionCode);
  return presentForm(CURRENT_CAPABILITY_ASSESSMENT, ctx.lang, stackAdjustments);
}

/** The fields the form shows, from an edition's data. */
export function presentForm(
  standard: CapabilityAssessmentStandard,
  lang: RequestContext['lang'],
  stackAdjustments: boolean,
): AssessmentForm {
  const commonLevels = standard.commonLevels.map((l) => ({ score: l.score, meaning: l.names[lang] }));
  const commonMax = Math.max(...standard.commonLevels.map((l) => l.score));
  return {
    edition: standard.id,
    name: standard.names[lang],
    maxTotal: standard.maxTotal,
    groups: standard.groups.map((g) => ({
      key: g.key,
      number: g.number,
      name: g.names[lang],
      max: g.max,
      items: g.items.map((i) => ({
        key: i.key,
        number: i.number,
        name: i.names[lang],
        max: i.max,
        levels: i.max === commonMax ? commonLevels : null,
      })),
    })),
    grades: standard.grades.map((b) => ({
      key: b.key,
      name: b.names[lang],
      minTotal: b.minTotal,
      maxTotal: b.maxTotal,
    })),
    reasons: ASSESSMENT_REASONS.map((key) => ({ key, name: standard.reasons[key][lang] })),
    riskEvents: RISK_EVENT_KINDS.map((key) => ({ key, name: standard.riskEvents[key][lang] })),
    rules: {
      riskEventThreshold: standard.riskEventThreshold,
      stackAdjustments,
      adjustments: ADJUSTMENT_RULES.map((key) => ({ key, name: standard.adjustments[key][lang] })),
    },
  };
}
