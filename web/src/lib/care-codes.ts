import type { TFunction } from 'i18next';

/**
 * The code lists of the institutions domain (docs/API.md), in the order forms offer them.
 * The server owns the rules; these lists only decide what a picker shows and how a code reads.
 */
export const INSTITUTION_KINDS = [
  'childcare_centre',
  'kindergarten_nursery',
  'home_childcare_point',
  'employer_childcare',
  'childcare_guidance_centre',
  'training_base',
  'elderly_care_institution',
  'community_elderly_centre',
  'meal_point',
  'service_complex',
] as const;
export type InstitutionKind = (typeof INSTITUTION_KINDS)[number];

export const OPERATORS = ['public', 'private_nonprofit', 'for_profit'] as const;
export const CARE_FORMS = ['full_day', 'half_day', 'hourly', 'temporary'] as const;
export const FUNCTIONS = [
  'childcare',
  'elderly_care',
  'elderly_day_care',
  'meals',
  'after_school',
  'household',
  'health',
  'fitness',
  'culture',
  'children_play',
] as const;
export const UNITS = ['places', 'beds', 'day_places', 'seats'] as const;

/** The unit a function is usually counted in, to prefill a new row. */
export const DEFAULT_UNIT: Record<(typeof FUNCTIONS)[number], (typeof UNITS)[number]> = {
  childcare: 'places',
  elderly_care: 'beds',
  elderly_day_care: 'day_places',
  meals: 'seats',
  after_school: 'places',
  household: 'places',
  health: 'places',
  fitness: 'places',
  culture: 'places',
  children_play: 'places',
};

export const CLASS_TYPES = ['infant', 'toddler', 'older_toddler', 'mixed', 'home_point'] as const;
export const STAFF_ROLES = ['head', 'carer', 'health', 'guard', 'cook', 'teacher', 'other'] as const;
export const EDUCATION_LEVELS = [
  'primary',
  'junior_secondary',
  'senior_secondary',
  'secondary_vocational',
  'college',
  'bachelor',
  'master',
  'doctorate',
] as const;
export const CERTIFICATE_KINDS = [
  'health_certificate',
  'no_criminal_record',
  'carer_training',
  'head_training',
  'first_aid',
  'fire_safety',
  'food_safety',
  'guard_licence',
  'health_staff_training',
  'diploma',
] as const;

export const FILING_STATES = [
  'draft',
  'submitted',
  'acknowledged',
  'returned',
  'resubmitted',
  'filed',
  'withdrawn',
] as const;
export type FilingStatus = (typeof FILING_STATES)[number];
export const FILING_KINDS = ['initial', 'change', 'deregistration'] as const;
export const FILING_ACTIONS = ['submit', 'acknowledge', 'return', 'approve', 'resubmit', 'withdraw'] as const;
export type FilingAction = (typeof FILING_ACTIONS)[number];
/** Actions an institution takes on its own filing; the others are the authority's. */
export const INSTITUTION_FILING_ACTIONS: readonly FilingAction[] = ['submit', 'resubmit', 'withdraw'];
export const AUTHORITY_FILING_ACTIONS: readonly FilingAction[] = ['acknowledge', 'return', 'approve'];

/** Filing material kinds; `photo` and `certificate` are uploads that are not filing materials. */
export const MATERIAL_KINDS = [
  'business_licence',
  'premises_proof',
  'staff_qualifications',
  'staff_health_certificates',
  'health_evaluation',
  'fire_safety',
  'food_licence',
] as const;
export const UPLOAD_KINDS = [...MATERIAL_KINDS, 'photo', 'certificate'] as const;

/** Registered particulars: once filed, these change only through a change filing. */
export const REGISTERED_FIELDS = ['name', 'kind', 'operator', 'address', 'regionCode', 'functions'] as const;

export const GRADES = ['A', 'B', 'C', 'D'] as const;

/** Institution status is its filing state (never filed: draft), or deregistered at the end. */
export const INSTITUTION_STATES = [...FILING_STATES, 'deregistered'] as const;

/** Kinds that care for children under 3 (the others are elderly care or mixed). */
export const CHILDCARE_KINDS: readonly string[] = [
  'childcare_centre',
  'kindergarten_nursery',
  'home_childcare_point',
  'employer_childcare',
  'childcare_guidance_centre',
  'training_base',
];

const ELDERLY_KINDS: readonly string[] = [
  'elderly_care_institution',
  'community_elderly_centre',
  'meal_point',
];

/** Whether a kind offers childcare (and so care forms) and whether it offers elderly care. */
export function sectorsOf(kind: string | undefined): { childcare: boolean; elderly: boolean } {
  if (kind === 'service_complex') return { childcare: true, elderly: true };
  return {
    childcare: !!kind && CHILDCARE_KINDS.includes(kind),
    elderly: !!kind && ELDERLY_KINDS.includes(kind),
  };
}

/** What a price may be given for, for this kind: its care forms, beds and day care, meals. */
export function priceItemsFor(kind: string | undefined, careForms: readonly string[]): string[] {
  const { childcare, elderly } = sectorsOf(kind);
  return [...(childcare ? careForms : []), ...(elderly ? ['bed', 'day_care'] : []), 'meals'];
}

/** Code groups that have labels under `codes.<group>.<value>` in the i18n files. */
export type CodeGroup =
  | 'kind'
  | 'operator'
  | 'careForm'
  | 'function'
  | 'unit'
  | 'classType'
  | 'staffRole'
  | 'education'
  | 'certificate'
  | 'filingStatus'
  | 'filingKind'
  | 'filingAction'
  | 'material'
  | 'uploadKind'
  | 'priceItem';

/** The label of a code in the UI language; an unknown code shows as it is. */
export function codeLabel(t: TFunction, group: CodeGroup, value: string | null | undefined): string {
  if (!value) return '—';
  return t(`codes.${group}.${value}`, { defaultValue: value });
}

/** Options for a Select over one code list. */
export function codeOptions(t: TFunction, group: CodeGroup, values: readonly string[]) {
  return values.map((value) => ({ value, label: codeLabel(t, group, value) }));
}

/** Colours for institution kinds on the map and in tags: childcare warm, elderly cool. */
export const KIND_COLORS: Record<string, string> = {
  childcare_centre: '#f5a623',
  kindergarten_nursery: '#e8793b',
  home_childcare_point: '#f7c948',
  employer_childcare: '#d4813a',
  childcare_guidance_centre: '#c9a227',
  training_base: '#b8860b',
  elderly_care_institution: '#1f6f8b',
  community_elderly_centre: '#5b8ff9',
  meal_point: '#3f8f5f',
  service_complex: '#8e5bb5',
};

/** Filing status colour for antd Tag. */
export const FILING_STATUS_COLORS: Record<string, string> = {
  draft: 'default',
  submitted: 'blue',
  acknowledged: 'cyan',
  returned: 'orange',
  resubmitted: 'geekblue',
  filed: 'green',
  withdrawn: 'default',
};

/** A price as "¥2,200/month" (meals: "¥15/meal"). */
export function priceText(t: TFunction, item: string, price: number): string {
  return t(item === 'meals' ? 'directory.pricePerMeal' : 'directory.pricePerMonth', { price });
}
