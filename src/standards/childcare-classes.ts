/**
 * Childcare class types, sizes and carer ratios (托育机构设置标准（试行）and 管理规范（试行）, 2019;
 * home-based points 2023). Versioned data, not code: a region overrides any number through the
 * `childcare.class_rules` setting (e.g. Shenzhen runs mixed classes at 1 : 6), and every
 * function here takes the rules in force as an argument. Pure, no I/O.
 *
 * Age boundaries: a child's age is counted in completed months on the day (`ageInMonths`); a
 * class type admits ages from `minAgeMonths` (inclusive) up to `maxAgeMonths` (exclusive), so a
 * child of exactly 12 months leaves the infant class and joins the toddler class.
 */

export const CLASS_TYPES = ['infant', 'toddler', 'older_toddler', 'mixed', 'home_point'] as const;
export type ClassType = (typeof CLASS_TYPES)[number];

/** The numbers that govern one class type. */
export interface ClassRule {
  /** Youngest age admitted, completed months, inclusive. */
  readonly minAgeMonths: number;
  /** Age at which a child no longer fits, completed months, exclusive. */
  readonly maxAgeMonths: number;
  /** Most children the class may ever hold. */
  readonly maxSize: number;
  /** Children one carer may look after: at least ceil(children / childrenPerCarer) carers. */
  readonly childrenPerCarer: number;
}

/** The rules for every class type, as a region has them in force. */
export type ChildcareClassRules = { readonly [K in ClassType]: ClassRule };

/** The national 2019 standard (home-based points from the 2023 rules). */
export const CHILDCARE_CLASS_RULES_2019 = {
  infant: { minAgeMonths: 6, maxAgeMonths: 12, maxSize: 10, childrenPerCarer: 3 },
  toddler: { minAgeMonths: 12, maxAgeMonths: 24, maxSize: 15, childrenPerCarer: 5 },
  older_toddler: { minAgeMonths: 24, maxAgeMonths: 36, maxSize: 20, childrenPerCarer: 7 },
  mixed: { minAgeMonths: 18, maxAgeMonths: 36, maxSize: 18, childrenPerCarer: 5 },
  home_point: { minAgeMonths: 0, maxAgeMonths: 36, maxSize: 5, childrenPerCarer: 3 },
} as const satisfies ChildcareClassRules;

/** Names of the class types, as the standard and users say them. */
export const CLASS_TYPE_NAMES = {
  infant: { 'zh-CN': '乳儿班', en: 'Infant class' },
  toddler: { 'zh-CN': '托小班', en: 'Toddler class' },
  older_toddler: { 'zh-CN': '托大班', en: 'Older toddler class' },
  mixed: { 'zh-CN': '混龄班', en: 'Mixed-age class' },
  home_point: { 'zh-CN': '家庭托育点', en: 'Home-based childcare point' },
} as const satisfies Record<ClassType, { 'zh-CN': string; en: string }>;

/** A broken rule: a stable code the caller translates, and the numbers that explain it. */
export interface ClassViolation {
  rule: 'class.max_size' | 'class.ratio';
  params: Record<string, number | string>;
}

/**
 * Completed months between `birthDate` and `onDay` (both YYYY-MM-DD). End-of-month safe: a child
 * born on the 31st completes a month on the last day of a shorter month (Jan 31 → Feb 28 = 1).
 * Negative when `onDay` is before birth.
 */
export function ageInMonths(birthDate: string, onDay: string): number {
  const [by, bm, bd] = splitDay(birthDate);
  const [oy, om, od] = splitDay(onDay);
  if (onDay < birthDate) return -ageInMonths(onDay, birthDate);
  let months = (oy - by) * 12 + (om - bm);
  const lastOfMonth = new Date(Date.UTC(oy, om, 0)).getUTCDate();
  if (od < Math.min(bd, lastOfMonth)) months -= 1;
  return months;
}

function splitDay(day: string): [number, number, number] {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) throw new RangeError(`not a YYYY-MM-DD day: ${day}`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

/** The class types a child of `ageMonths` completed months may join (min inclusive, max exclusive). */
export function classTypesForAge(
  ageMonths: number,
  rules: ChildcareClassRules = CHILDCARE_CLASS_RULES_2019,
): ClassType[] {
  return CLASS_TYPES.filter(
    (type) => ageMonths >= rules[type].minAgeMonths && ageMonths < rules[type].maxAgeMonths,
  );
}

/** The fewest carers that must be present for `children` children in a class of `type`. */
export function requiredCarers(
  children: number,
  type: ClassType,
  rules: ChildcareClassRules = CHILDCARE_CLASS_RULES_2019,
): number {
  if (children <= 0) return 0;
  return Math.ceil(children / rules[type].childrenPerCarer);
}

/** Null when a class of `type` may be set up for `capacity` children; else the size rule broken. */
export function checkClassSize(
  type: ClassType,
  capacity: number,
  rules: ChildcareClassRules = CHILDCARE_CLASS_RULES_2019,
): ClassViolation | null {
  const { maxSize } = rules[type];
  if (capacity <= maxSize) return null;
  return { rule: 'class.max_size', params: { type, maxSize, capacity } };
}

/**
 * Null when `carers` present meet the ratio for `children` present in a class of `type`; else
 * the ratio rule broken with `required` and `present` carers.
 */
export function checkRatio(
  type: ClassType,
  children: number,
  carers: number,
  rules: ChildcareClassRules = CHILDCARE_CLASS_RULES_2019,
): ClassViolation | null {
  const required = requiredCarers(children, type, rules);
  if (carers >= required) return null;
  const { childrenPerCarer } = rules[type];
  return { rule: 'class.ratio', params: { type, required, present: carers, children, childrenPerCarer } };
}
