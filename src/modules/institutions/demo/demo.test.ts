import { describe, expect, it } from 'vitest';
import { CHILDCARE_CLASS_RULES_2019, requiredCarers } from '../../../standards/childcare-classes.js';
import { classTypesFrom, planClasses } from './classes.js';
import { chineseNumber, communityShortName, creditCode } from './names.js';
import { apportion, seededRandom } from './random.js';

const CREDIT_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

function creditCheck(code: string): string {
  const sum = [...code.slice(0, 17)].reduce(
    (t, ch, i) => t + CREDIT_CHARSET.indexOf(ch) * CREDIT_WEIGHTS[i]!,
    0,
  );
  return CREDIT_CHARSET[(31 - (sum % 31)) % 31]!;
}

describe('demo generator', () => {
  it('plans classes that add up to the places, within size, with the carers the ratio asks', () => {
    const random = seededRandom('classes');
    for (let places = 6; places <= 300; places += 7) {
      for (const minAge of [6, 12, 18, 24]) {
        const classes = planClasses(random, places, classTypesFrom(minAge, false));
        expect(classes.reduce((sum, c) => sum + c.capacity, 0)).toBe(places);
        for (const c of classes) {
          expect(c.capacity).toBeLessThanOrEqual(CHILDCARE_CLASS_RULES_2019[c.type].maxSize);
          expect(c.enrolled).toBeGreaterThanOrEqual(1);
          expect(c.enrolled).toBeLessThanOrEqual(c.capacity);
          expect(c.carers).toBe(requiredCarers(c.enrolled, c.type));
          expect(CHILDCARE_CLASS_RULES_2019[c.type].minAgeMonths).toBeGreaterThanOrEqual(minAge);
        }
      }
    }
  });

  it('gives a home-based point one class of five, and kindergartens only older classes', () => {
    const random = seededRandom('home');
    expect(planClasses(random, 5, ['home_point'])).toMatchObject([{ type: 'home_point', capacity: 5 }]);
    expect(classTypesFrom(24, true)).toEqual(['older_toddler']);
    expect(classTypesFrom(18, true)).toEqual(['older_toddler', 'mixed']);
    expect(classTypesFrom(6, false)).toEqual(['infant', 'toddler', 'older_toddler', 'mixed']);
  });

  it('draws the same sequence from the same seed', () => {
    const a = seededRandom('x');
    const b = seededRandom('x');
    expect([a(), a.uuid(), a.int(1, 9)]).toEqual([b(), b.uuid(), b.int(1, 9)]);
    expect(a.uuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('makes unified social credit codes with valid check characters', () => {
    const random = seededRandom('credit');
    for (const operator of ['public', 'private_nonprofit', 'for_profit']) {
      const code = creditCode(random, operator, '130102');
      expect(code).toMatch(/^(12|52|91)130102[0-9]{8}[0-9X][0-9A-HJ-NPQRTUWXY]$/);
      expect(code[17]).toBe(creditCheck(code));
    }
    expect(creditCheck('91350100M000100Y43')).toBe('3');
  });

  it('splits totals exactly and names things as people say them', () => {
    expect(apportion(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(apportion(138_200, [3, 2, 5]).reduce((a, b) => a + b, 0)).toBe(138_200);
    expect(communityShortName('棉一东社区居民委员会')).toBe('棉一东社区');
    expect(communityShortName('东关村民委员会')).toBe('东关村');
    expect([1, 10, 12, 21].map(chineseNumber)).toEqual(['一', '十', '十二', '二十一']);
  });
});
