import type { TFunction } from 'i18next';
import type { Benefit, Eligibility } from '../../api/programs';

/** Status flags of an older person (the roster's FLAGS). */
export const FLAGS = [
  'living_alone',
  'empty_nest',
  'widowed_childless',
  'disabled',
  'dementia',
  'extreme_poverty',
  'minimum_allowance',
  'low_income',
  'family_planning_special',
  'aged_80_plus',
] as const;

/** Final grades of the capability assessment (GB/T 42195—2022). */
export const GRADES = ['intact', 'mild', 'moderate', 'severe', 'complete'] as const;

export const BENEFIT_KINDS = ['monthly_amount', 'service_quota', 'cost_share', 'meal_discount'] as const;

const flagName = (t: TFunction, f: string) => t(`programs.flag.${f}`, { defaultValue: f });
const gradeName = (t: TFunction, g: string) => t(`programs.grade.${g}`, { defaultValue: g });

/**
 * One reason of an evaluation in words: `age>=80` → "80 岁及以上"; a leading `!` marks a rule
 * that failed (the caller shows it differently).
 */
export function reasonText(t: TFunction, reason: string): { failed: boolean; text: string } {
  const failed = reason.startsWith('!');
  const key = failed ? reason.slice(1) : reason;
  const age = /^age(>=|<=)(\d+)$/.exec(key);
  if (age)
    return {
      failed,
      text: t(age[1] === '>=' ? 'programs.reason.minAge' : 'programs.reason.maxAge', { n: age[2] }),
    };
  const [kind, value = ''] = [key.slice(0, key.indexOf(':')), key.slice(key.indexOf(':') + 1)];
  const list = value.split('|');
  switch (kind) {
    case 'status':
      return { failed, text: t('programs.reason.status') };
    case 'residence':
      return { failed, text: t('programs.reason.residence', { code: value }) };
    case 'flag':
      return { failed, text: list.map((f) => flagName(t, f)).join(failed ? ' / ' : '、') };
    case 'grade':
      return {
        failed,
        text: t('programs.reason.grade', { grades: list.map((g) => gradeName(t, g)).join(' / ') }),
      };
    default:
      return { failed, text: key };
  }
}

/** The eligibility rules as short phrases for a table cell. */
export function eligibilityTexts(t: TFunction, e: Eligibility): string[] {
  const out: string[] = [];
  if (e.minAge !== undefined && e.maxAge !== undefined)
    out.push(t('programs.rule.ageRange', { min: e.minAge, max: e.maxAge }));
  else if (e.minAge !== undefined) out.push(t('programs.reason.minAge', { n: e.minAge }));
  else if (e.maxAge !== undefined) out.push(t('programs.reason.maxAge', { n: e.maxAge }));
  for (const [key, flags] of [
    ['anyFlags', e.anyFlags],
    ['allFlags', e.allFlags],
  ] as const) {
    if (!flags?.length) continue;
    const names = flags.map((f) => flagName(t, f));
    // One flag reads the same either way: just its name.
    out.push(names.length === 1 ? names[0]! : t(`programs.rule.${key}`, { flags: names.join(' / ') }));
  }
  if (e.grades)
    out.push(t('programs.reason.grade', { grades: e.grades.map((g) => gradeName(t, g)).join(' / ') }));
  if (e.residence) out.push(t('programs.reason.residence', { code: e.residence }));
  if (out.length === 0) out.push(t('programs.rule.everyone'));
  return out;
}

/** What a program gives, in one phrase. */
export function benefitText(t: TFunction, b: Benefit): string {
  switch (b.kind) {
    case 'monthly_amount':
      return t('programs.benefitText.monthly_amount', { amount: b.amount.toFixed(2) });
    case 'service_quota':
      return t('programs.benefitText.service_quota', { minutes: b.minutesPerMonth });
    case 'cost_share':
      return t('programs.benefitText.cost_share', { percent: b.percent, cap: b.capPerMonth.toFixed(2) });
    case 'meal_discount':
      return t('programs.benefitText.meal_discount', { amount: b.perMeal.toFixed(2) });
  }
}

export const flagOptions = (t: TFunction) => FLAGS.map((f) => ({ value: f, label: flagName(t, f) }));
export const gradeOptions = (t: TFunction) => GRADES.map((g) => ({ value: g, label: gradeName(t, g) }));
