import type { Department } from '../accounts/roles.js';

/**
 * The register's vocabulary as data: kinds of institution, operators, care forms, functions and
 * units. Each kind names its sector, which decides the supervising department (childcare: the
 * health commission, `health_*` roles; elderly care: civil affairs, `civil_*` roles; a service
 * complex: both), and the functions a new institution of that kind starts with.
 */

export const SECTORS = {
  childcare: { departments: ['health'] },
  elderly: { departments: ['civil'] },
  mixed: { departments: ['health', 'civil'] },
} as const satisfies Record<string, { departments: readonly Department[] }>;
export type Sector = keyof typeof SECTORS;

/** Units capacity is counted in. */
export const UNITS = {
  places: { zh: '托位/名额', en: 'places' },
  beds: { zh: '床位', en: 'beds' },
  day_places: { zh: '日间照料位', en: 'day places' },
  seats: { zh: '餐位', en: 'seats' },
} as const;
export type Unit = keyof typeof UNITS;

/** What an institution offers; `units` lists the units allowed, the first is the default. */
export const FUNCTIONS = {
  childcare: { zh: '托育', en: 'Childcare', units: ['places'] },
  elderly_care: { zh: '机构养老', en: 'Residential elderly care', units: ['beds'] },
  elderly_day_care: { zh: '日间照料', en: 'Elderly day care', units: ['day_places', 'beds'] },
  meals: { zh: '助餐', en: 'Meals', units: ['seats'] },
  after_school: { zh: '托管（课后）', en: 'After-school care', units: ['places'] },
  household: { zh: '家政便民', en: 'Household services', units: ['places'] },
  health: { zh: '健康服务', en: 'Health services', units: ['places'] },
  fitness: { zh: '体育健身', en: 'Fitness', units: ['places'] },
  culture: { zh: '文化休闲', en: 'Culture and leisure', units: ['places'] },
  children_play: { zh: '儿童游憩', en: "Children's play", units: ['places'] },
} as const satisfies Record<string, { zh: string; en: string; units: readonly Unit[] }>;
export type InstitutionFunction = keyof typeof FUNCTIONS;
export const FUNCTION_KEYS = Object.keys(FUNCTIONS) as [InstitutionFunction, ...InstitutionFunction[]];
export const UNIT_KEYS = Object.keys(UNITS) as [Unit, ...Unit[]];

interface KindSpec {
  zh: string;
  en: string;
  sector: Sector;
  /** Functions (with their default unit) a new institution of this kind is registered with. */
  defaultFunctions: readonly InstitutionFunction[];
  /** The function whose capacity lists show as "capacity" (places or beds). */
  primaryFunction: InstitutionFunction | null;
  /** Largest childcare capacity the kind may have (home-based points: 5 children in all). */
  maxChildcarePlaces?: number;
}

export const INSTITUTION_KINDS = {
  childcare_centre: {
    zh: '托育机构',
    en: 'Childcare centre',
    sector: 'childcare',
    defaultFunctions: ['childcare'],
    primaryFunction: 'childcare',
  },
  kindergarten_nursery: {
    zh: '托幼一体（幼儿园托班）',
    en: 'Kindergarten nursery class',
    sector: 'childcare',
    defaultFunctions: ['childcare'],
    primaryFunction: 'childcare',
  },
  home_childcare_point: {
    zh: '家庭托育点',
    en: 'Home-based childcare point',
    sector: 'childcare',
    defaultFunctions: ['childcare'],
    primaryFunction: 'childcare',
    maxChildcarePlaces: 5,
  },
  employer_childcare: {
    zh: '用人单位办托',
    en: 'Employer childcare',
    sector: 'childcare',
    defaultFunctions: ['childcare'],
    primaryFunction: 'childcare',
  },
  childcare_guidance_centre: {
    zh: '托育综合服务（指导）中心',
    en: 'Childcare guidance centre',
    sector: 'childcare',
    defaultFunctions: ['childcare'],
    primaryFunction: 'childcare',
  },
  training_base: {
    zh: '托育人才培训基地',
    en: 'Childcare training base',
    sector: 'childcare',
    defaultFunctions: [],
    primaryFunction: null,
  },
  elderly_care_institution: {
    zh: '养老机构',
    en: 'Elderly care institution',
    sector: 'elderly',
    defaultFunctions: ['elderly_care'],
    primaryFunction: 'elderly_care',
  },
  community_elderly_centre: {
    zh: '社区养老服务中心（站）',
    en: 'Community elderly care centre',
    sector: 'elderly',
    defaultFunctions: ['elderly_day_care'],
    primaryFunction: 'elderly_day_care',
  },
  meal_point: {
    zh: '老年助餐点',
    en: 'Elderly meal point',
    sector: 'elderly',
    defaultFunctions: ['meals'],
    primaryFunction: 'meals',
  },
  service_complex: {
    zh: '社区嵌入式服务设施',
    en: 'Community-embedded service complex',
    sector: 'mixed',
    defaultFunctions: ['elderly_day_care', 'childcare', 'meals'],
    primaryFunction: null,
  },
} as const satisfies Record<string, KindSpec>;
export type InstitutionKind = keyof typeof INSTITUTION_KINDS;
export const KIND_KEYS = Object.keys(INSTITUTION_KINDS) as [InstitutionKind, ...InstitutionKind[]];

export const OPERATORS = {
  public: { zh: '公办', en: 'Public' },
  private_nonprofit: { zh: '民办非营利', en: 'Private non-profit' },
  for_profit: { zh: '营利性', en: 'For-profit' },
} as const;
export type Operator = keyof typeof OPERATORS;
export const OPERATOR_KEYS = Object.keys(OPERATORS) as [Operator, ...Operator[]];

export const CARE_FORMS = {
  full_day: { zh: '全日托', en: 'Full day' },
  half_day: { zh: '半日托', en: 'Half day' },
  hourly: { zh: '计时托', en: 'Hourly' },
  temporary: { zh: '临时托', en: 'Temporary' },
} as const;
export type CareForm = keyof typeof CARE_FORMS;
export const CARE_FORM_KEYS = Object.keys(CARE_FORMS) as [CareForm, ...CareForm[]];

/** What a price may be given for: each care form, plus meals, beds and elderly day care (yuan a month; meals per meal). */
export const PRICE_ITEMS = [...CARE_FORM_KEYS, 'meals', 'bed', 'day_care'] as const;
export type PriceItem = (typeof PRICE_ITEMS)[number];

/** The spec of a kind (throws on an unknown kind: kinds are validated before they get here). */
export function kindSpec(kind: string): KindSpec {
  const spec = (INSTITUTION_KINDS as Record<string, KindSpec>)[kind];
  if (!spec) throw new RangeError(`unknown institution kind ${kind}`);
  return spec;
}

/** The departments that supervise institutions of a kind. */
export function departmentsFor(kind: string): readonly Department[] {
  return SECTORS[kindSpec(kind).sector].departments;
}

/** The kinds a department supervises (for the work queue and lists). */
export function kindsSupervisedBy(department: Department): InstitutionKind[] {
  return KIND_KEYS.filter((k) => (departmentsFor(k) as readonly string[]).includes(department));
}

/** The functions, with default units and no capacity yet, a new institution of `kind` starts with. */
export function defaultFunctionsFor(
  kind: string,
): { function: InstitutionFunction; capacity: number; unit: Unit }[] {
  return kindSpec(kind).defaultFunctions.map((fn) => ({
    function: fn,
    capacity: 0,
    unit: FUNCTIONS[fn].units[0],
  }));
}
