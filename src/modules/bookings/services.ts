/**
 * What can be booked, as data: the services of the engine, their forms, who may book them and
 * which kinds of institution offer them. A form is priced per month (enrolment), per slot
 * (hourly care) or per booking (a day of temporary care, an appointment, a meal).
 */
import type { Lang } from '../../server/i18n.js';

export type MemberKind = 'child' | 'older' | 'adult';
export type Pricing = 'month' | 'slot' | 'each';

interface FormSpec {
  zh: string;
  en: string;
  pricing: Pricing;
}

interface ServiceSpec {
  zh: string;
  en: string;
  forms: Record<string, FormSpec>;
  memberKinds: readonly MemberKind[];
  institutionKinds: readonly string[];
}

export const SERVICES = {
  childcare: {
    zh: '托育',
    en: 'Childcare',
    forms: {
      full_day: { zh: '全日托', en: 'Full-day care', pricing: 'month' },
      half_day_am: { zh: '半日托（上午）', en: 'Half-day care (morning)', pricing: 'month' },
      half_day_pm: { zh: '半日托（下午）', en: 'Half-day care (afternoon)', pricing: 'month' },
      hourly: { zh: '计时托', en: 'Hourly care', pricing: 'slot' },
      temporary: { zh: '临时托', en: 'Temporary care', pricing: 'each' },
    },
    memberKinds: ['child'],
    institutionKinds: [
      'childcare_centre',
      'kindergarten_nursery',
      'home_childcare_point',
      'employer_childcare',
      'childcare_guidance_centre',
      'service_complex',
    ],
  },
  appointment: {
    zh: '预约服务',
    en: 'Appointments',
    forms: {
      consultation: { zh: '育儿咨询', en: 'Parenting consultation', pricing: 'each' },
      developmental_check: { zh: '发育评估', en: 'Developmental check', pricing: 'each' },
      training_course: { zh: '照护培训课程', en: 'Caregiver training course', pricing: 'each' },
    },
    memberKinds: ['child', 'adult', 'older'],
    institutionKinds: ['childcare_guidance_centre', 'training_base', 'childcare_centre', 'service_complex'],
  },
  meal: {
    zh: '老年助餐',
    en: 'Community meals',
    forms: {
      breakfast: { zh: '早餐', en: 'Breakfast', pricing: 'each' },
      lunch: { zh: '午餐', en: 'Lunch', pricing: 'each' },
      dinner: { zh: '晚餐', en: 'Dinner', pricing: 'each' },
    },
    memberKinds: ['older'],
    institutionKinds: [
      'meal_point',
      'service_complex',
      'community_elderly_centre',
      'elderly_care_institution',
    ],
  },
} as const satisfies Record<string, ServiceSpec>;

export type Service = keyof typeof SERVICES;
export const SERVICE_KEYS = Object.keys(SERVICES) as [Service, ...Service[]];
export const ALL_FORMS = SERVICE_KEYS.flatMap((s) => Object.keys(SERVICES[s].forms)) as [string, ...string[]];
export const ENROLMENT_FORMS = ['full_day', 'half_day_am', 'half_day_pm'] as const;
export const MEAL_MODES = ['eat_in', 'pick_up', 'delivered'] as const;

export const MEMBER_KIND_NAMES: Record<MemberKind, Record<Lang, string>> = {
  child: { 'zh-CN': '3 岁以下婴幼儿', en: 'children under 3' },
  older: { 'zh-CN': '60 岁及以上老年人', en: 'people aged 60 and over' },
  adult: { 'zh-CN': '成年人', en: 'adults' },
};

export const MEAL_MODE_NAMES: Record<(typeof MEAL_MODES)[number], Record<Lang, string>> = {
  eat_in: { 'zh-CN': '堂食', en: 'eat in' },
  pick_up: { 'zh-CN': '自取', en: 'pick up' },
  delivered: { 'zh-CN': '送餐', en: 'delivered' },
};

export function isFormOf(service: Service, form: string): boolean {
  return form in SERVICES[service].forms;
}

export function formSpec(service: string, form: string): FormSpec | undefined {
  const spec = SERVICES[service as Service];
  return spec ? (spec.forms as Record<string, FormSpec>)[form] : undefined;
}

export function formName(service: string, form: string, lang: Lang): string {
  const spec = formSpec(service, form);
  if (!spec) return form;
  return lang === 'en' ? spec.en : spec.zh;
}

export function serviceName(service: string, lang: Lang): string {
  const spec = SERVICES[service as Service];
  if (!spec) return service;
  return lang === 'en' ? spec.en : spec.zh;
}
