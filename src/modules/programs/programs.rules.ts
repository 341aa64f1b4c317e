/**
 * Programs as data (STANDARDS §5): who is eligible (`Eligibility`) and what they get each month
 * (`Benefit`), and the pure rules that judge one person. programs.sql.ts translates the same
 * rules to SQL for the whole roster; a test keeps the two in agreement.
 */
import { z } from 'zod';
import { GRADE_KEYS } from '../../standards/capability-assessment.js';
import { ageOn } from '../../standards/id-number.js';
import { FLAGS } from '../people/roster.schema.js';
import { PGM } from './programs.messages.js';

const rule = (messageCode: string) => ({ params: { messageCode } });

/** A region-code prefix at one of the five levels: 2, 4, 6, 9 or 12 digits. */
export const RegionPrefix = z.string().regex(/^(\d{2}|\d{4}|\d{6}|\d{9}|\d{12})$/);

/** Money in yuan with at most two decimals (stored in fen). */
const Yuan = z
  .number()
  .min(0)
  .max(100_000)
  .refine((v) => Math.abs(Math.round(v * 100) - v * 100) < 1e-6, rule(PGM['programs.money_cents']));

/** Who is eligible: every rule given must hold (the flags of `anyFlags`: at least one). */
export const Eligibility = z
  .object({
    /** Age in whole years on the 1st of the month, at least. */
    minAge: z.number().int().min(0).max(150).optional(),
    /** Age in whole years on the 1st of the month, at most. */
    maxAge: z.number().int().min(0).max(150).optional(),
    anyFlags: z.array(z.enum(FLAGS)).min(1).max(FLAGS.length).optional(),
    allFlags: z.array(z.enum(FLAGS)).min(1).max(FLAGS.length).optional(),
    /** The final grade of the latest capability assessment is one of these. */
    grades: z.array(z.enum(GRADE_KEYS)).min(1).max(GRADE_KEYS.length).optional(),
    /** Lives under this region prefix (inside the program's region; default the program's region). */
    residence: RegionPrefix.optional(),
  })
  .strict()
  .refine((e) => e.minAge === undefined || e.maxAge === undefined || e.minAge <= e.maxAge, {
    path: ['maxAge'],
    ...rule(PGM['programs.age_range']),
  });
export type Eligibility = z.infer<typeof Eligibility>;

/** What an enrolled person gets each month, as the API shows it (money in yuan). */
export const Benefit = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('monthly_amount'), amount: Yuan }).strict(),
  z
    .object({
      kind: z.literal('service_quota'),
      minutesPerMonth: z.number().int().min(1).max(44_640),
      /** Service-item codes the quota may be spent on (all items when absent). */
      items: z.array(z.string().trim().min(1).max(40)).min(1).max(50).optional(),
    })
    .strict(),
  z
    .object({
      kind: z.literal('cost_share'),
      percent: z.number().int().min(1).max(100),
      capPerMonth: Yuan,
    })
    .strict(),
  z
    .object({
      kind: z.literal('meal_discount'),
      perMeal: Yuan,
      /** Discounted meals a month; default one a day (the days of the month). */
      mealsPerMonth: z.number().int().min(1).max(93).optional(),
    })
    .strict(),
]);
export type Benefit = z.infer<typeof Benefit>;
export type BenefitKind = Benefit['kind'];
export const BENEFIT_KINDS = ['monthly_amount', 'service_quota', 'cost_share', 'meal_discount'] as const;

/** Kinds delivered as services (visits, meals): the coverage report asks whether they were used. */
export const SERVICE_KINDS: readonly BenefitKind[] = ['service_quota', 'cost_share', 'meal_discount'];

/** A benefit as stored in `programs.benefit`: money in fen. */
export type StoredBenefit =
  | { kind: 'monthly_amount'; amountCents: number }
  | { kind: 'service_quota'; minutesPerMonth: number; items?: string[] }
  | { kind: 'cost_share'; percent: number; capPerMonthCents: number }
  | { kind: 'meal_discount'; perMealCents: number; mealsPerMonth?: number };

const fen = (yuan: number) => Math.round(yuan * 100);
const yuan = (cents: number) => cents / 100;

export function toStoredBenefit(b: Benefit): StoredBenefit {
  switch (b.kind) {
    case 'monthly_amount':
      return { kind: b.kind, amountCents: fen(b.amount) };
    case 'service_quota':
      return { kind: b.kind, minutesPerMonth: b.minutesPerMonth, ...(b.items ? { items: b.items } : {}) };
    case 'cost_share':
      return { kind: b.kind, percent: b.percent, capPerMonthCents: fen(b.capPerMonth) };
    case 'meal_discount':
      return {
        kind: b.kind,
        perMealCents: fen(b.perMeal),
        ...(b.mealsPerMonth ? { mealsPerMonth: b.mealsPerMonth } : {}),
      };
  }
}

export function toBenefitView(s: StoredBenefit): Benefit {
  switch (s.kind) {
    case 'monthly_amount':
      return { kind: s.kind, amount: yuan(s.amountCents) };
    case 'service_quota':
      return { kind: s.kind, minutesPerMonth: s.minutesPerMonth, ...(s.items ? { items: s.items } : {}) };
    case 'cost_share':
      return { kind: s.kind, percent: s.percent, capPerMonth: yuan(s.capPerMonthCents) };
    case 'meal_discount':
      return {
        kind: s.kind,
        perMeal: yuan(s.perMealCents),
        ...(s.mealsPerMonth ? { mealsPerMonth: s.mealsPerMonth } : {}),
      };
  }
}

/** Arrays without repeats, first occurrence kept (so reasons are not doubled). */
export function normalizeEligibility(e: Eligibility): Eligibility {
  const unique = <T>(values: T[] | undefined) => (values ? [...new Set(values)] : undefined);
  const out: Eligibility = { ...e };
  for (const key of ['anyFlags', 'allFlags', 'grades'] as const) {
    if (e[key]) (out as Record<string, unknown>)[key] = unique(e[key] as string[]);
  }
  return out;
}

/** The facts of a program the rules read. */
export interface ProgramRules {
  regionPrefix: string;
  eligibility: Eligibility;
  benefit: StoredBenefit;
}

/** The facts of a person the rules read (flags as stored; aged_80_plus is derived here). */
export interface PersonFacts {
  birthDate: string;
  regionCode: string;
  flags: readonly string[];
  finalGrade: string | null;
  status: string;
}

export interface Judgement {
  eligible: boolean;
  /** Every rule checked: its key when it held, `!key` when it failed. */
  reasons: string[];
}

/** The 1st of the month of `day` (YYYY-MM-DD or YYYY-MM). */
export function firstOfMonth(day: string): string {
  return `${day.slice(0, 7)}-01`;
}

/** The day someone born on or before it is at least `years` old on `first` (a 1st of the month). */
export function bornOnOrBefore(first: string, years: number): string {
  return `${String(Number(first.slice(0, 4)) - years).padStart(4, '0')}${first.slice(4, 10)}`;
}

/** The region the program's residence rule asks for. */
export function residenceOf(program: ProgramRules): string {
  return program.eligibility.residence ?? program.regionPrefix;
}

/**
 * Judge one person against a program on a day. Age counts on the 1st of that month; aged_80_plus
 * is derived from it (never taken from stored flags); deceased or moved-out people are never
 * eligible. Reasons, in this order: status, residence, age>=, age<=, flags (any, then all), grade.
 */
export function evaluate(program: ProgramRules, person: PersonFacts, onDay: string): Judgement {
  const e = program.eligibility;
  const age = ageOn(person.birthDate, firstOfMonth(onDay));
  const flags = new Set(person.flags.filter((f) => f !== 'aged_80_plus'));
  if (age >= 80) flags.add('aged_80_plus');
  const reasons: string[] = [];
  const check = (holds: boolean, key: string) => reasons.push(holds ? key : `!${key}`);

  check(person.status === 'active', 'status:active');
  const residence = residenceOf(program);
  check(person.regionCode.startsWith(residence), `residence:${residence}`);
  if (e.minAge !== undefined) check(age >= e.minAge, `age>=${e.minAge}`);
  if (e.maxAge !== undefined) check(age <= e.maxAge, `age<=${e.maxAge}`);
  if (e.anyFlags) {
    const held = e.anyFlags.filter((f) => flags.has(f));
    reasons.push(held.length > 0 ? `flag:${held.join('|')}` : `!flag:${e.anyFlags.join('|')}`);
  }
  for (const f of e.allFlags ?? []) check(flags.has(f), `flag:${f}`);
  if (e.grades) {
    const grade = person.finalGrade;
    reasons.push(
      grade !== null && (e.grades as string[]).includes(grade)
        ? `grade:${grade}`
        : `!grade:${e.grades.join('|')}`,
    );
  }
  return { eligible: reasons.every((r) => !r.startsWith('!')), reasons };
}

/** Days in a `YYYY-MM` month. */
export function daysInMonth(month: string): number {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/**
 * What an enrolled person is owed for a month: an amount in fen and/or minutes of service.
 * A cost share entitles up to its monthly cap; a meal discount its per-meal amount times the
 * meals a month (one a day unless the program says otherwise). Nothing for a closed record.
 */
export function monthlyEntitlement(
  program: Pick<ProgramRules, 'benefit'>,
  person: Pick<PersonFacts, 'status'>,
  month: string,
): { amountCents: number; quotaMinutes: number } {
  if (person.status !== 'active') return { amountCents: 0, quotaMinutes: 0 };
  const b = program.benefit;
  switch (b.kind) {
    case 'monthly_amount':
      return { amountCents: b.amountCents, quotaMinutes: 0 };
    case 'service_quota':
      return { amountCents: 0, quotaMinutes: b.minutesPerMonth };
    case 'cost_share':
      return { amountCents: b.capPerMonthCents, quotaMinutes: 0 };
    case 'meal_discount':
      return { amountCents: b.perMealCents * (b.mealsPerMonth ?? daysInMonth(month)), quotaMinutes: 0 };
  }
}
