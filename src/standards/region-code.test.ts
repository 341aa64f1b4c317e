import { describe, expect, it } from 'vitest';
import {
  ancestorCodes,
  isRegionCode,
  isWithin,
  levelOfCode,
  naturalCode,
  padTo12,
  parentCode,
  parseRegionCode,
} from './region-code.js';

const reasonOf = (code: string) => {
  const result = parseRegionCode(code);
  return result.valid ? 'valid' : result.reason;
};

describe('parseRegionCode', () => {
  it('reads natural codes at all five levels', () => {
    expect(parseRegionCode('13')).toEqual({
      valid: true,
      level: 1,
      levelName: 'province',
      digits: 2,
      normalized: '13',
      province: '13',
      city: null,
      county: null,
      township: null,
      community: null,
    });
    expect(parseRegionCode('1301')).toMatchObject({
      level: 2,
      levelName: 'city',
      city: '1301',
      county: null,
    });
    expect(parseRegionCode('130102')).toMatchObject({ level: 3, levelName: 'county', county: '130102' });
    expect(parseRegionCode('130102001')).toMatchObject({
      level: 4,
      levelName: 'township',
      township: '130102001',
    });
    expect(parseRegionCode('130102001001')).toEqual({
      valid: true,
      level: 5,
      levelName: 'community',
      digits: 12,
      normalized: '130102001001',
      province: '13',
      city: '1301',
      county: '130102',
      township: '130102001',
      community: '130102001001',
    });
  });

  it('strips zero padding of statistical and GB/T 2260 codes', () => {
    expect(parseRegionCode('130000000000')).toMatchObject({ level: 1, normalized: '13' });
    expect(parseRegionCode('130100000000')).toMatchObject({ level: 2, normalized: '1301', city: '1301' });
    expect(parseRegionCode('130102000000')).toMatchObject({ level: 3, normalized: '130102' });
    expect(parseRegionCode('130102001000')).toMatchObject({
      level: 4,
      normalized: '130102001',
      township: '130102001',
    });
    expect(parseRegionCode('130000')).toMatchObject({ level: 1, normalized: '13' });
    expect(parseRegionCode('130100')).toMatchObject({ level: 2, normalized: '1301' });
    expect(parseRegionCode('130102000')).toMatchObject({ level: 3, normalized: '130102' });
  });

  it('handles municipalities, whose cities are 市辖区 (1101) or 县 (1102)', () => {
    expect(parseRegionCode('1101')).toMatchObject({ level: 2, province: '11', city: '1101' });
    expect(parseRegionCode('110101')).toMatchObject({ level: 3, city: '1101', county: '110101' });
    expect(parseRegionCode('110100000000')).toMatchObject({ level: 2, normalized: '1101' });
    expect(parseRegionCode('500101001001')).toMatchObject({ level: 5, city: '5001' });
    // Province-administered county-level cities use city segment 90 (仙桃市 429004).
    expect(parseRegionCode('429004')).toMatchObject({ level: 3, city: '4290' });
  });

  it('refuses empty input, non-digits and bad lengths', () => {
    expect(reasonOf('')).toBe('empty');
    expect(reasonOf('  ')).toBe('empty');
    expect(reasonOf('13a1')).toBe('characters');
    expect(reasonOf('-1301')).toBe('characters');
    expect(reasonOf('１３０１')).toBe('characters');
    for (const code of [
      '1',
      '130',
      '13010',
      '1301020',
      '13010200',
      '1301020010',
      '13010200100',
      '1301020010010',
    ]) {
      expect(reasonOf(code)).toBe('length');
    }
  });

  it('trims surrounding whitespace', () => {
    expect(parseRegionCode(' 1301 \n')).toMatchObject({ valid: true, normalized: '1301' });
  });

  it('refuses unknown provinces and zero segments above a real one', () => {
    expect(reasonOf('00')).toBe('province');
    expect(reasonOf('99')).toBe('province');
    expect(reasonOf('000000000000')).toBe('province');
    expect(reasonOf('1001')).toBe('province');
    expect(reasonOf('130001')).toBe('zero_segment');
    expect(reasonOf('130100001')).toBe('zero_segment');
    expect(reasonOf('130102000001')).toBe('zero_segment');
  });
});

describe('helpers', () => {
  it('isRegionCode and levelOfCode', () => {
    expect(isRegionCode('130102')).toBe(true);
    expect(isRegionCode('130')).toBe(false);
    expect(levelOfCode('130102001001')).toBe(5);
    expect(levelOfCode('130100000000')).toBe(2);
    expect(levelOfCode('13x')).toBeNull();
  });

  it('naturalCode and padTo12', () => {
    expect(naturalCode('130102001000')).toBe('130102001');
    expect(naturalCode('13')).toBe('13');
    expect(padTo12('1301')).toBe('130100000000');
    expect(padTo12('130102001001')).toBe('130102001001');
    expect(padTo12('130100')).toBe('130100000000');
    expect(() => naturalCode('130')).toThrow(RangeError);
    expect(() => padTo12('')).toThrow(RangeError);
  });

  it('parentCode', () => {
    expect(parentCode('130102001001')).toBe('130102001');
    expect(parentCode('130102001')).toBe('130102');
    expect(parentCode('130102')).toBe('1301');
    expect(parentCode('1301')).toBe('13');
    expect(parentCode('13')).toBeNull();
    expect(parentCode('130102001000')).toBe('130102');
    expect(() => parentCode('1')).toThrow(RangeError);
  });

  it('ancestorCodes, province first', () => {
    expect(ancestorCodes('130102001001')).toEqual(['13', '1301', '130102', '130102001']);
    expect(ancestorCodes('130102001001', { includeSelf: true })).toEqual([
      '13',
      '1301',
      '130102',
      '130102001',
      '130102001001',
    ]);
    expect(ancestorCodes('130100000000')).toEqual(['13']);
    expect(ancestorCodes('13')).toEqual([]);
    expect(() => ancestorCodes('abc')).toThrow(RangeError);
  });

  it('isWithin', () => {
    expect(isWithin('130102001001', '1301')).toBe(true);
    expect(isWithin('130102001001', '130100')).toBe(true);
    expect(isWithin('130102001001', '130102001001')).toBe(true);
    expect(isWithin('130102001000', '130102001')).toBe(true);
    expect(isWithin('1301', '130102')).toBe(false);
    expect(isWithin('130202', '1301')).toBe(false);
    expect(isWithin('110101', '13')).toBe(false);
    // The empty prefix is the whole country; a malformed prefix or code is never within.
    expect(isWithin('110101', '')).toBe(true);
    expect(isWithin('130102', '130')).toBe(false);
    expect(isWithin('13010', '13')).toBe(false);
    expect(isWithin('', '')).toBe(false);
  });
});
