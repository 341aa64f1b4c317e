import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ageInMonths,
  CHILDCARE_CLASS_RULES_2019,
  type ChildcareClassRules,
  CLASS_TYPE_NAMES,
  checkClassSize,
  checkRatio,
  classTypesForAge,
  requiredCarers,
} from './childcare-classes.js';

/** Shenzhen runs mixed-age classes at one carer for six children (a region setting). */
const SHENZHEN: ChildcareClassRules = {
  ...CHILDCARE_CLASS_RULES_2019,
  mixed: { ...CHILDCARE_CLASS_RULES_2019.mixed, childrenPerCarer: 6 },
};

describe('the 2019 national rules', () => {
  it('hold the sizes and ratios of the standard, with names in Chinese and English', () => {
    expect(CHILDCARE_CLASS_RULES_2019.infant).toEqual({
      minAgeMonths: 6,
      maxAgeMonths: 12,
      maxSize: 10,
      childrenPerCarer: 3,
    });
    expect(CHILDCARE_CLASS_RULES_2019.older_toddler.maxSize).toBe(20);
    expect(CHILDCARE_CLASS_RULES_2019.home_point).toEqual({
      minAgeMonths: 0,
      maxAgeMonths: 36,
      maxSize: 5,
      childrenPerCarer: 3,
    });
    expect(CLASS_TYPE_NAMES.mixed['zh-CN']).toBe('混龄班');
    expect(CLASS_TYPE_NAMES.toddler.en).toBe('Toddler class');
  });
});

describe('ageInMonths', () => {
  it('counts completed months', () => {
    expect(ageInMonths('2025-03-15', '2025-09-14')).toBe(5);
    expect(ageInMonths('2025-03-15', '2025-09-15')).toBe(6);
    expect(ageInMonths('2024-02-29', '2026-02-28')).toBe(24);
  });

  it('is end-of-month safe: born on the 31st completes a month on the last day of a shorter month', () => {
    expect(ageInMonths('2025-01-31', '2025-02-27')).toBe(0);
    expect(ageInMonths('2025-01-31', '2025-02-28')).toBe(1);
    expect(ageInMonths('2025-01-31', '2025-04-30')).toBe(3);
    expect(ageInMonths('2025-01-31', '2025-05-30')).toBe(3);
  });

  it('never decreases as the days pass', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2020-01-01'), max: new Date('2026-12-31'), noInvalidDate: true }),
        fc.integer({ min: 0, max: 1500 }),
        (birth, days) => {
          const b = birth.toISOString().slice(0, 10);
          const day = (n: number) =>
            new Date(Date.parse(`${b}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
          const today = ageInMonths(b, day(days));
          const tomorrow = ageInMonths(b, day(days + 1));
          return tomorrow - today === 0 || tomorrow - today === 1;
        },
      ),
    );
  });
});

describe('classTypesForAge', () => {
  it('admits from the minimum age (inclusive) to the maximum (exclusive)', () => {
    expect(classTypesForAge(5)).toEqual(['home_point']);
    expect(classTypesForAge(6)).toEqual(['infant', 'home_point']);
    expect(classTypesForAge(12)).toEqual(['toddler', 'home_point']);
    expect(classTypesForAge(18)).toEqual(['toddler', 'mixed', 'home_point']);
    expect(classTypesForAge(35)).toEqual(['older_toddler', 'mixed', 'home_point']);
    expect(classTypesForAge(36)).toEqual([]);
  });
});

describe('requiredCarers and checkRatio', () => {
  it('needs ceil(children / childrenPerCarer) carers', () => {
    expect(requiredCarers(10, 'infant')).toBe(4);
    expect(requiredCarers(15, 'toddler')).toBe(3);
    expect(requiredCarers(0, 'toddler')).toBe(0);
    expect(requiredCarers(5, 'home_point')).toBe(2);
  });

  it('names the ratio rule with the carers required and present', () => {
    expect(checkRatio('older_toddler', 14, 2)).toBeNull();
    expect(checkRatio('older_toddler', 15, 2)).toEqual({
      rule: 'class.ratio',
      params: { type: 'older_toddler', required: 3, present: 2, children: 15, childrenPerCarer: 7 },
    });
  });

  it('takes a region’s own numbers: 18 children in a Shenzhen mixed class need 3 carers, not 4', () => {
    expect(requiredCarers(18, 'mixed')).toBe(4);
    expect(requiredCarers(18, 'mixed', SHENZHEN)).toBe(3);
    expect(checkRatio('mixed', 18, 3)?.params).toMatchObject({ required: 4, present: 3 });
    expect(checkRatio('mixed', 18, 3, SHENZHEN)).toBeNull();
  });
});

describe('checkClassSize', () => {
  it('allows up to the maximum size and refuses more', () => {
    expect(checkClassSize('mixed', 18)).toBeNull();
    expect(checkClassSize('mixed', 19)).toEqual({
      rule: 'class.max_size',
      params: { type: 'mixed', maxSize: 18, capacity: 19 },
    });
    expect(checkClassSize('home_point', 6)?.rule).toBe('class.max_size');
  });
});
