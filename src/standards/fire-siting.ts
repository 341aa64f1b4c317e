/**
 * Where a childcare institution may be (托育机构消防安全指南（试行）, STANDARDS §3): not on the 4th
 * floor or above, not underground, not in premises mixing living or production with care, not in
 * a colour-steel-sheet building. Pure check so registration and inspection give the same answer.
 */

/** The highest floor children's rooms may be on. */
export const MAX_CHILDCARE_FLOOR = 3;

export type SitingRule =
  | 'siting.floor_too_high'
  | 'siting.underground'
  | 'siting.mixed_use'
  | 'siting.colour_steel';

export const SITING_RULE_NAMES = {
  'siting.floor_too_high': { 'zh-CN': '不得设置在四层及四层以上', en: 'Not on the 4th floor or above' },
  'siting.underground': { 'zh-CN': '不得设置在地下或半地下', en: 'Not underground or semi-underground' },
  'siting.mixed_use': {
    'zh-CN': '不得设置在生产、储存、经营与居住合用的场所',
    en: 'Not in premises mixing living with production, storage or trade',
  },
  'siting.colour_steel': {
    'zh-CN': '不得设置在彩钢板建筑内',
    en: 'Not in a colour-steel-sheet building',
  },
} as const satisfies Record<SitingRule, { 'zh-CN': string; en: string }>;

export interface SitingFacts {
  /** Floor of the children's rooms: 1 = ground floor; 0 or below = underground (B1 = -1, 0 = semi-basement). */
  floor: number;
  /** Living, production or storage shares the premises (三合一 / 多合一). */
  mixedUse?: boolean;
  /** The building is made of colour-steel sandwich sheets (彩钢板). */
  colourSteel?: boolean;
}

export interface SitingViolation {
  rule: SitingRule;
  params: Record<string, number | boolean>;
}

/** Every siting rule the premises break; an empty list means the siting is acceptable. */
export function checkSiting(facts: SitingFacts): SitingViolation[] {
  const violations: SitingViolation[] = [];
  if (facts.floor > MAX_CHILDCARE_FLOOR) {
    violations.push({
      rule: 'siting.floor_too_high',
      params: { floor: facts.floor, maxFloor: MAX_CHILDCARE_FLOOR },
    });
  }
  if (facts.floor <= 0) violations.push({ rule: 'siting.underground', params: { floor: facts.floor } });
  if (facts.mixedUse) violations.push({ rule: 'siting.mixed_use', params: { mixedUse: true } });
  if (facts.colourSteel) violations.push({ rule: 'siting.colour_steel', params: { colourSteel: true } });
  return violations;
}
