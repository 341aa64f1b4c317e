import { describe, expect, it } from 'vitest';
import {
  Benefit,
  Eligibility,
  evaluate,
  monthlyEntitlement,
  type PersonFacts,
  type ProgramRules,
  toBenefitView,
  toStoredBenefit,
} from './programs.rules.js';

const band = (minAge: number, maxAge?: number): ProgramRules => ({
  regionPrefix: '1301',
  eligibility: { minAge, ...(maxAge === undefined ? {} : { maxAge }) },
  benefit: { kind: 'monthly_amount', amountCents: 10_000 },
});
const person = (over: Partial<PersonFacts> = {}): PersonFacts => ({
  birthDate: '1946-06-15',
  regionCode: '130102001001',
  flags: [],
  finalGrade: null,
  status: 'active',
  ...over,
});

/** Someone who turns `age` on `birthday` of 2026 (born `2026 - age`). */
const bornFor = (age: number, monthDay: string) => `${2026 - age}-${monthDay}`;

describe('age bands (Beijing: 80–89, 90–99, 100+), age on the 1st of the month', () => {
  const cases: [string, ProgramRules, number, boolean][] = [
    ['79 is below 80–89', band(80, 89), 79, false],
    ['80 is inside 80–89', band(80, 89), 80, true],
    ['89 is inside 80–89', band(80, 89), 89, true],
    ['90 is above 80–89', band(80, 89), 90, false],
    ['89 is below 90–99', band(90, 99), 89, false],
    ['90 is inside 90–99', band(90, 99), 90, true],
    ['99 is inside 90–99', band(90, 99), 99, true],
    ['100 is above 90–99', band(90, 99), 100, false],
    ['99 is below 100+', band(100), 99, false],
    ['100 is inside 100+', band(100), 100, true],
  ];
  for (const [name, program, age, eligible] of cases) {
    it(name, () => {
      // Born on 1 June: on 1 June 2026 they are exactly `age`.
      const result = evaluate(program, person({ birthDate: bornFor(age, '06-01') }), '2026-06-20');
      expect(result.eligible).toBe(eligible);
    });
  }

  it('counts the birthday only from the next 1st of the month', () => {
    const p = person({ birthDate: bornFor(80, '06-15') });
    expect(evaluate(band(80, 89), p, '2026-06-30')).toEqual({
      eligible: false,
      reasons: ['status:active', 'residence:1301', '!age>=80', 'age<=89'],
    });
    expect(evaluate(band(80, 89), p, '2026-07-01').eligible).toBe(true);
  });

  it('takes a 29 February birthday on 1 March', () => {
    const p = person({ birthDate: '1944-02-29' });
    expect(evaluate(band(80), p, '2024-02-29').eligible).toBe(false);
    expect(evaluate(band(80), p, '2024-03-01').eligible).toBe(true);
  });
});

describe('reasons name every rule', () => {
  const program: ProgramRules = {
    regionPrefix: '1301',
    eligibility: {
      minAge: 80,
      anyFlags: ['living_alone', 'aged_80_plus', 'empty_nest'],
      allFlags: ['low_income'],
      grades: ['moderate', 'severe'],
      residence: '130102',
    },
    benefit: { kind: 'service_quota', minutesPerMonth: 240 },
  };

  it('lists the rules that held', () => {
    const p = person({
      birthDate: '1940-01-10',
      flags: ['living_alone', 'low_income', 'disabled'],
      finalGrade: 'severe',
    });
    expect(evaluate(program, p, '2026-03-05')).toEqual({
      eligible: true,
      reasons: [
        'status:active',
        'residence:130102',
        'age>=80',
        'flag:living_alone|aged_80_plus',
        'flag:low_income',
        'grade:severe',
      ],
    });
  });

  it('marks failed rules with ! and names what was needed', () => {
    const p = person({ birthDate: '1960-01-10', regionCode: '130104001001', flags: [], finalGrade: 'mild' });
    expect(evaluate(program, p, '2026-03-05')).toEqual({
      eligible: false,
      reasons: [
        'status:active',
        '!residence:130102',
        '!age>=80',
        '!flag:living_alone|aged_80_plus|empty_nest',
        '!flag:low_income',
        '!grade:moderate|severe',
      ],
    });
  });

  it('never takes a stored aged_80_plus flag: it is derived from the birth date', () => {
    const p = person({ birthDate: '1960-01-10', flags: ['aged_80_plus'] });
    const r = evaluate({ ...band(0), eligibility: { anyFlags: ['aged_80_plus'] } }, p, '2026-03-05');
    expect(r).toEqual({
      eligible: false,
      reasons: ['status:active', 'residence:1301', '!flag:aged_80_plus'],
    });
  });

  it('fails the grade rule for someone never assessed', () => {
    const r = evaluate({ ...band(0), eligibility: { grades: ['severe'] } }, person(), '2026-03-05');
    expect(r.reasons).toContain('!grade:severe');
  });

  for (const status of ['deceased', 'moved_out']) {
    it(`never finds a ${status} person eligible`, () => {
      const r = evaluate(band(60), person({ status }), '2026-03-05');
      expect(r).toEqual({ eligible: false, reasons: ['!status:active', 'residence:1301', 'age>=60'] });
    });
  }
});

describe('monthly entitlement', () => {
  const of = (benefit: Benefit, month = '2026-02', status = 'active') =>
    monthlyEntitlement({ benefit: toStoredBenefit(benefit) }, { status }, month);

  it('pays a monthly amount in fen', () => {
    expect(of({ kind: 'monthly_amount', amount: 100 })).toEqual({ amountCents: 10_000, quotaMinutes: 0 });
    expect(of({ kind: 'monthly_amount', amount: 0.1 })).toEqual({ amountCents: 10, quotaMinutes: 0 });
  });
  it('gives a service quota in minutes', () => {
    expect(of({ kind: 'service_quota', minutesPerMonth: 240 })).toEqual({
      amountCents: 0,
      quotaMinutes: 240,
    });
  });
  it('entitles a cost share up to its cap', () => {
    expect(of({ kind: 'cost_share', percent: 50, capPerMonth: 600 })).toEqual({
      amountCents: 60_000,
      quotaMinutes: 0,
    });
  });
  it('discounts one meal a day unless the program says how many', () => {
    expect(of({ kind: 'meal_discount', perMeal: 3 }, '2026-02')).toEqual({
      amountCents: 8_400,
      quotaMinutes: 0,
    });
    expect(of({ kind: 'meal_discount', perMeal: 3 }, '2028-02')).toEqual({
      amountCents: 8_700,
      quotaMinutes: 0,
    });
    expect(of({ kind: 'meal_discount', perMeal: 2.5, mealsPerMonth: 22 })).toEqual({
      amountCents: 5_500,
      quotaMinutes: 0,
    });
  });
  it('owes nothing on a closed record', () => {
    expect(of({ kind: 'monthly_amount', amount: 800 }, '2026-02', 'deceased')).toEqual({
      amountCents: 0,
      quotaMinutes: 0,
    });
  });
  it('shows stored fen as yuan again', () => {
    const b: Benefit = { kind: 'cost_share', percent: 30, capPerMonth: 123.45 };
    expect(toBenefitView(toStoredBenefit(b))).toEqual(b);
  });
});

describe('schemas', () => {
  it('refuses an age range the wrong way round, naming maxAge', () => {
    const r = Eligibility.safeParse({ minAge: 90, maxAge: 89 });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(['maxAge']);
  });
  it('refuses unknown flags and grades', () => {
    expect(Eligibility.safeParse({ anyFlags: ['rich'] }).success).toBe(false);
    expect(Eligibility.safeParse({ grades: ['bad'] }).success).toBe(false);
    expect(Eligibility.safeParse({ residence: '1301021' }).success).toBe(false);
  });
  it('refuses money with more than two decimals and unknown benefit kinds', () => {
    expect(Benefit.safeParse({ kind: 'monthly_amount', amount: 1.005 }).success).toBe(false);
    expect(Benefit.safeParse({ kind: 'monthly_amount', amount: 1.05 }).success).toBe(true);
    expect(Benefit.safeParse({ kind: 'voucher', amount: 1 }).success).toBe(false);
  });
});
