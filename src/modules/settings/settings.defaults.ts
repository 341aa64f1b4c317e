import { z } from 'zod';
import { defineMessages } from '../../server/i18n.js';
import {
  CHILDCARE_CLASS_RULES_2019,
  type ChildcareClassRules,
  CLASS_TYPES,
  type ClassType,
} from '../../standards/childcare-classes.js';

/**
 * The rules that differ by region (STANDARDS "settings"), as data: each key has its zod schema,
 * its national default, the department that owns it, and a name. A region's override is a row
 * in `region_settings`; code reads values only through `getSetting`, typed per key.
 */

export const SM = defineMessages({
  'settings.order': {
    'zh-CN': '“{field}”应大于“{other}”',
    en: '"{field}" must be greater than "{other}"',
  },
  'settings.wrong_department.health': {
    'zh-CN': '此设置由卫生健康部门管理',
    en: 'This setting is managed by the health department',
  },
  'settings.wrong_department.civil': {
    'zh-CN': '此设置由民政部门管理',
    en: 'This setting is managed by the civil affairs department',
  },
  'settings.unknown_region': {
    'zh-CN': '“{field}”不是现行地区代码：{code}',
    en: '"{field}" is not a current region code: {code}',
  },
  'settings.region_prefix': {
    'zh-CN': '“{field}”应为空（全国）或 2、4、6、9、12 位地区代码',
    en: '"{field}" must be empty (national) or a 2, 4, 6, 9 or 12-digit region code',
  },
});

const order = (other: string) => ({ messageCode: SM['settings.order'], other });

const count = z.number().int().positive();
const ClassRuleInput = z
  .object({
    minAgeMonths: z.number().int().min(0).max(72),
    maxAgeMonths: count.max(72),
    maxSize: count.max(200),
    childrenPerCarer: count.max(50),
  })
  .partial()
  .strict();

/**
 * Class rules: any number of any class type may be given; the numbers left out keep the national
 * 2019 standard, and the stored value is always the complete rule set.
 */
const ClassRules = z
  .object(
    Object.fromEntries(CLASS_TYPES.map((type) => [type, ClassRuleInput.optional()])) as Record<
      ClassType,
      z.ZodOptional<typeof ClassRuleInput>
    >,
  )
  .strict()
  .transform((partial): ChildcareClassRules => {
    const full = {} as Record<ClassType, ChildcareClassRules[ClassType]>;
    for (const type of CLASS_TYPES) full[type] = { ...CHILDCARE_CLASS_RULES_2019[type], ...partial[type] };
    return full;
  })
  .superRefine((rules, ctx) => {
    for (const type of CLASS_TYPES) {
      if (rules[type].maxAgeMonths <= rules[type].minAgeMonths) {
        ctx.addIssue({
          code: 'custom',
          path: [type, 'maxAgeMonths'],
          message: 'maxAgeMonths must exceed minAgeMonths',
          params: order(`${type}.minAgeMonths`),
        });
      }
    }
  });

const GradeCutoffs = z
  .object({
    A: z.number().int().min(0).max(1000),
    B: z.number().int().min(0).max(1000),
    C: z.number().int().min(0).max(1000),
  })
  .strict()
  .superRefine((c, ctx) => {
    if (c.A <= c.B) ctx.addIssue({ code: 'custom', path: ['A'], message: 'A > B', params: order('B') });
    if (c.B <= c.C) ctx.addIssue({ code: 'custom', path: ['B'], message: 'B > C', params: order('C') });
  });

const WalkMinutes = z
  .array(z.number().int().min(1).max(60))
  .min(1)
  .max(5)
  .superRefine((list, ctx) => {
    for (let i = 1; i < list.length; i += 1) {
      if (list[i]! <= list[i - 1]!) {
        ctx.addIssue({ code: 'custom', path: [i], message: 'increasing', params: order(String(i - 1)) });
      }
    }
  });

type Names = { 'zh-CN': string; en: string };
interface SettingDefinition<S extends z.ZodType> {
  schema: S;
  default: z.output<S>;
  /** The department whose officials may change it; null = either. The system administrator always may. */
  department: 'health' | 'civil' | null;
  names: Names;
}
const define = <S extends z.ZodType>(d: SettingDefinition<S>) => d;

export const SETTING_DEFINITIONS = {
  'childcare.class_rules': define({
    schema: ClassRules,
    default: CHILDCARE_CLASS_RULES_2019,
    department: 'health',
    names: { 'zh-CN': '托育班级规模与师生比', en: 'Childcare class sizes and carer ratios' },
  }),
  'childcare.health_report_valid_months': define({
    schema: z.number().int().min(1).max(12),
    default: 3,
    department: 'health',
    names: { 'zh-CN': '入托体检报告有效期（月）', en: 'Admission health report validity (months)' },
  }),
  'childcare.health_staff_per_children': define({
    schema: z.number().int().min(1).max(1000),
    default: 150,
    department: 'health',
    names: { 'zh-CN': '每名卫生保健人员对应幼儿数', en: 'Children per health staff member' },
  }),
  'staff.expiry_warning_days': define({
    schema: z.number().int().min(0).max(365),
    default: 30,
    department: null,
    names: { 'zh-CN': '证书到期提前提醒天数', en: 'Days of warning before a certificate expires' },
  }),
  'quality.grade_cutoffs': define({
    schema: GradeCutoffs,
    default: { A: 900, B: 750, C: 600 },
    department: 'health',
    names: { 'zh-CN': '质量评估等级分数线', en: 'Quality evaluation grade cut-offs' },
  }),
  'visits.checkin_tolerance_m': define({
    schema: z.number().int().min(10).max(5000),
    default: 100,
    department: 'civil',
    names: { 'zh-CN': '上门服务签到距离容差（米）', en: 'Visit check-in distance tolerance (m)' },
  }),
  'assessment.stack_grade_adjustments': define({
    schema: z.boolean(),
    default: true,
    department: 'civil',
    names: {
      'zh-CN': '老年人能力评估：认知障碍/精神疾病与照护风险事件的加重一级是否叠加',
      en: 'Capability assessment: whether the dementia and care-risk "one grade worse" rules stack',
    },
  }),
  'bookings.hold_minutes': define({
    schema: z
      .number()
      .int()
      .min(5)
      .max(7 * 24 * 60),
    default: 720,
    department: null,
    names: {
      'zh-CN': '候补递补名额的保留时长（分钟），逾期未确认顺延下一位',
      en: 'How long a place offered from the waitlist is held for confirmation (minutes)',
    },
  }),
  'childcare.booking_subsidy': define({
    schema: z
      .object({
        /** Only affordable (普惠) institutions' places are subsidised. */
        affordableOnly: z.boolean(),
        /** Yuan per month of enrolment. */
        full_day: z.number().min(0).max(10000),
        half_day: z.number().min(0).max(10000),
        /** Yuan per hour / per day. */
        hourly: z.number().min(0).max(1000),
        temporary: z.number().min(0).max(1000),
      })
      .strict(),
    default: { affordableOnly: true, full_day: 300, half_day: 150, hourly: 0, temporary: 0 },
    department: 'health',
    names: { 'zh-CN': '托育服务补贴（元）', en: 'Childcare subsidy (yuan)' },
  }),
  'meals.subsidy': define({
    schema: z
      .array(
        z.object({ minAge: z.number().int().min(0).max(120), amount: z.number().min(0).max(100) }).strict(),
      )
      .max(10),
    default: [
      { minAge: 60, amount: 2 },
      { minAge: 80, amount: 4 },
      { minAge: 90, amount: 6 },
    ],
    department: 'civil',
    names: {
      'zh-CN': '老年助餐每餐补贴（元，按年龄取最高档）',
      en: 'Community meal subsidy per meal (yuan, highest age band that applies)',
    },
  }),
  'assessment.reassess_months': define({
    schema: z
      .object({
        intact: z.number().int().min(1).max(60),
        mild: z.number().int().min(1).max(60),
        moderate: z.number().int().min(1).max(60),
        severe: z.number().int().min(1).max(60),
        complete: z.number().int().min(1).max(60),
      })
      .strict(),
    default: { intact: 12, mild: 12, moderate: 12, severe: 6, complete: 6 },
    department: 'civil',
    names: { 'zh-CN': '老年人能力评估复评间隔（月，按等级）', en: 'Months until re-assessment, by grade' },
  }),
  'care.visit_frequency': define({
    schema: z
      .array(
        z
          .object({
            /** All of these flags (aged_80_plus is derived from the birth date). */
            flags: z.array(z.string().min(1)).min(1).max(5),
            everyDays: z.number().int().min(1).max(365),
          })
          .strict(),
      )
      .max(20),
    default: [
      { flags: ['living_alone', 'aged_80_plus'], everyDays: 7 },
      { flags: ['extreme_poverty'], everyDays: 7 },
      { flags: ['living_alone'], everyDays: 14 },
      { flags: ['dementia'], everyDays: 14 },
      { flags: ['empty_nest', 'aged_80_plus'], everyDays: 30 },
    ],
    department: 'civil',
    names: {
      'zh-CN': '特殊困难老年人探访频次（天）',
      en: 'Duty-of-care visit frequency for older people at risk (days)',
    },
  }),
  'visits.max_speed_kmh': define({
    schema: z.number().min(5).max(200),
    default: 40,
    department: 'civil',
    names: {
      'zh-CN': '上门服务两次服务间可信的最高行进速度（公里/小时）',
      en: 'Fastest believable travel between two visits (km/h)',
    },
  }),
  'planning.walk_minutes': define({
    schema: WalkMinutes,
    default: [5, 10, 15],
    department: null,
    names: { 'zh-CN': '步行可达时间圈（分钟）', en: 'Walking-time rings (minutes)' },
  }),
} as const;

export type SettingKey = keyof typeof SETTING_DEFINITIONS;
export const SETTING_KEYS = Object.keys(SETTING_DEFINITIONS) as [SettingKey, ...SettingKey[]];
/** The value of a setting as code uses it (after filling in defaults). */
export type SettingValue<K extends SettingKey> = z.output<(typeof SETTING_DEFINITIONS)[K]['schema']>;
/** The value as a caller may send it. */
export type SettingInput<K extends SettingKey> = z.input<(typeof SETTING_DEFINITIONS)[K]['schema']>;

export function isSettingKey(key: string): key is SettingKey {
  return Object.hasOwn(SETTING_DEFINITIONS, key);
}
