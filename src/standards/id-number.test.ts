import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ageOn,
  buildIdNumber,
  computeCheckCharacter,
  isValidIdNumber,
  maskIdNumber,
  parseIdNumber,
  sexFromIdNumber,
} from './id-number.js';
import { PROVINCE_CODES } from './region-code.js';

const today = new Date('2024-06-01T04:00:00Z');
const reasonOf = (input: string, at = today) => {
  const result = parseIdNumber(input, { today: at });
  return result.valid ? 'valid' : result.reason;
};

describe('computeCheckCharacter', () => {
  it('gives X for the example of GB 11643-1999', () => {
    expect(computeCheckCharacter('11010519491231002')).toBe('X');
  });

  it('refuses anything but 17 digits', () => {
    expect(() => computeCheckCharacter('1101051949123100')).toThrow(RangeError);
    expect(() => computeCheckCharacter('1101051949123100A')).toThrow(RangeError);
  });
});

describe('parseIdNumber', () => {
  it('reads the example of the standard', () => {
    expect(parseIdNumber('11010519491231002X', { today })).toEqual({
      valid: true,
      normalized: '11010519491231002X',
      birthDate: '1949-12-31',
      sex: 'female',
      regionCode: '110105',
    });
  });

  it('trims whitespace, accepts a lower-case x and full-width characters', () => {
    expect(parseIdNumber('  11010519491231002x\n', { today })).toMatchObject({
      normalized: '11010519491231002X',
    });
    expect(parseIdNumber('１１０１０５１９４９１２３１００２Ｘ', { today })).toMatchObject({ valid: true });
  });

  it('tells male from female by the parity of the sequence', () => {
    const male = buildIdNumber({ regionCode: '130102', birthDate: '1985-01-01', sequence: 123 });
    expect(parseIdNumber(male, { today })).toMatchObject({ valid: true, sex: 'male' });
    expect(sexFromIdNumber(male)).toBe('male');
    expect(sexFromIdNumber('11010519491231002X')).toBe('female');
    expect(sexFromIdNumber('110105194912310021')).toBeNull();
  });

  it('refuses empty, badly sized and non-digit input', () => {
    expect(reasonOf('')).toBe('empty');
    expect(reasonOf('   ')).toBe('empty');
    expect(reasonOf('11010519491231002')).toBe('length');
    expect(reasonOf('11010519491231002X1')).toBe('length');
    expect(reasonOf('1101051949123100XX')).toBe('characters');
    expect(reasonOf('X10105194912310021')).toBe('characters');
    expect(reasonOf('11010519491231-02X')).toBe('characters');
    expect(reasonOf('13010285010112X')).toBe('characters');
  });

  it('refuses a first two digits that are no province', () => {
    for (const prefix of ['00', '10', '16', '20', '39', '47', '55', '66', '72', '90', '99']) {
      const first17 = `${prefix}010519491231002`;
      expect(reasonOf(first17 + computeCheckCharacter(first17))).toBe('region');
    }
    const taiwanPermit = buildIdNumber({ regionCode: '830000', birthDate: '1990-05-05', sequence: 11 });
    expect(reasonOf(taiwanPermit)).toBe('valid');
  });

  it('knows leap days: 2000-02-29 exists, 1900-02-29 and 2001-02-29 do not', () => {
    const withDate = (yyyymmdd: string) => {
      const first17 = `110105${yyyymmdd}002`;
      return first17 + computeCheckCharacter(first17);
    };
    expect(parseIdNumber(withDate('20000229'), { today })).toMatchObject({
      valid: true,
      birthDate: '2000-02-29',
    });
    expect(reasonOf(withDate('19000229'))).toBe('birth_date');
    expect(reasonOf(withDate('20010229'))).toBe('birth_date');
    expect(reasonOf(withDate('19491331'))).toBe('birth_date');
    expect(reasonOf(withDate('19490431'))).toBe('birth_date');
    expect(reasonOf(withDate('19490100'))).toBe('birth_date');
    expect(reasonOf(withDate('18991231'))).toBe('too_old');
    expect(reasonOf(withDate('19000101'))).toBe('valid');
  });

  it('refuses a birth date after today, in China time', () => {
    const born = buildIdNumber({ regionCode: '130102', birthDate: '2024-06-02', sequence: 8 });
    expect(reasonOf(born)).toBe('future_birth');
    expect(reasonOf(born, new Date('2024-06-01T15:59:59Z'))).toBe('future_birth');
    // 16:00 UTC is already midnight of 2 June in Beijing.
    expect(reasonOf(born, new Date('2024-06-01T16:00:00Z'))).toBe('valid');
  });

  it('refuses a wrong check character', () => {
    expect(reasonOf('110105194912310021')).toBe('check_digit');
    expect(reasonOf('110105194912310020')).toBe('check_digit');
    const valid = buildIdNumber({ regionCode: '130102', birthDate: '1985-01-01', sequence: 123 });
    const swapped = `${valid.slice(0, 14)}${valid[15]}${valid[14]}${valid.slice(16)}`;
    if (swapped !== valid) expect(reasonOf(swapped)).toBe('check_digit');
  });

  it('upgrades a 15-digit number with century 19 and a check character', () => {
    // S = 157, 157 mod 11 = 3 → '9' (worked by hand).
    const first17 = '13010219850101123';
    expect(computeCheckCharacter(first17)).toBe('9');
    expect(parseIdNumber('130102850101123', { today })).toEqual({
      valid: true,
      normalized: first17 + computeCheckCharacter(first17),
      birthDate: '1985-01-01',
      sex: 'male',
      regionCode: '130102',
      upgradedFrom15: true,
    });
    expect(parseIdNumber(' 130102850101123 ', { today })).toMatchObject({ normalized: '130102198501011239' });
    expect(reasonOf('130102850230123')).toBe('birth_date');
    expect(reasonOf('990102850101123')).toBe('region');
  });
});

describe('maskIdNumber', () => {
  it('shows the first 6 and last 4 characters', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('110105********002X');
    expect(maskIdNumber('11010519491231002x')).toBe('110105********002X');
    expect(maskIdNumber('130102850101123')).toBe('130102*****1123');
  });

  it('hides short input entirely', () => {
    expect(maskIdNumber('1234567890')).toBe('**********');
    expect(maskIdNumber('')).toBe('');
  });
});

describe('ageOn', () => {
  it('counts completed years', () => {
    expect(ageOn('1949-12-31', '2024-12-30')).toBe(74);
    expect(ageOn('1949-12-31', '2024-12-31')).toBe(75);
    expect(ageOn('2024-06-01', '2024-06-01')).toBe(0);
  });

  it('makes a 29 February child a year older on 1 March in common years', () => {
    expect(ageOn('2000-02-29', '2001-02-28')).toBe(0);
    expect(ageOn('2000-02-29', '2001-03-01')).toBe(1);
    expect(ageOn('2000-02-29', '2003-02-28')).toBe(2);
    expect(ageOn('2000-02-29', '2003-03-01')).toBe(3);
    expect(ageOn('2000-02-29', '2004-02-28')).toBe(3);
    expect(ageOn('2000-02-29', '2004-02-29')).toBe(4);
  });

  it('reads an instant in China time and refuses malformed dates', () => {
    expect(ageOn('2000-03-01', new Date('2003-02-28T16:00:00Z'))).toBe(3);
    expect(ageOn('2000-03-01', new Date('2003-02-28T15:59:59Z'))).toBe(2);
    expect(() => ageOn('2001-02-29', '2024-01-01')).toThrow(RangeError);
    expect(() => ageOn('2000-01-01', 'yesterday')).toThrow(RangeError);
  });
});

describe('buildIdNumber', () => {
  it('builds the example of the standard', () => {
    expect(buildIdNumber({ regionCode: '110105', birthDate: '1949-12-31', sequence: 2 })).toBe(
      '11010519491231002X',
    );
  });

  it('refuses parts that cannot make a valid number', () => {
    expect(() => buildIdNumber({ regionCode: '990000', birthDate: '1990-01-01', sequence: 1 })).toThrow(
      RangeError,
    );
    expect(() => buildIdNumber({ regionCode: '11010', birthDate: '1990-01-01', sequence: 1 })).toThrow(
      RangeError,
    );
    expect(() => buildIdNumber({ regionCode: '110105', birthDate: '1990-02-30', sequence: 1 })).toThrow(
      RangeError,
    );
    expect(() => buildIdNumber({ regionCode: '110105', birthDate: '1899-12-31', sequence: 1 })).toThrow(
      RangeError,
    );
    expect(() => buildIdNumber({ regionCode: '110105', birthDate: '1990-01-01', sequence: 1000 })).toThrow(
      RangeError,
    );
    expect(() => buildIdNumber({ regionCode: '110105', birthDate: '1990-01-01', sequence: 1.5 })).toThrow(
      RangeError,
    );
  });
});

describe('properties', () => {
  const parts = fc.record({
    regionCode: fc
      .tuple(fc.constantFrom(...PROVINCE_CODES), fc.integer({ min: 0, max: 9999 }))
      .map(([province, rest]) => province + String(rest).padStart(4, '0')),
    birthDate: fc
      .date({
        min: new Date('1900-01-01T00:00:00Z'),
        max: new Date('2024-05-31T00:00:00Z'),
        noInvalidDate: true,
      })
      .map((date) => date.toISOString().slice(0, 10)),
    sequence: fc.integer({ min: 0, max: 999 }),
  });

  it('every built number parses valid and gives back its parts', () => {
    fc.assert(
      fc.property(parts, (p) => {
        const number = buildIdNumber(p);
        const result = parseIdNumber(number, { today });
        expect(result).toMatchObject({ valid: true, normalized: number, birthDate: p.birthDate });
        expect(result.valid && result.regionCode).toBe(p.regionCode);
        expect(result.valid && result.sex).toBe(p.sequence % 2 === 1 ? 'male' : 'female');
        expect(isValidIdNumber(number.toLowerCase(), { today })).toBe(true);
      }),
    );
  });

  it('changing any single character makes a built number invalid', () => {
    const edit = fc.tuple(parts, fc.integer({ min: 0, max: 17 }), fc.integer({ min: 1, max: 10 }));
    fc.assert(
      fc.property(edit, ([p, position, shift]) => {
        const number = buildIdNumber(p);
        const alphabet = position === 17 ? '0123456789X' : '0123456789';
        const current = alphabet.indexOf(number[position]!);
        const replacement = alphabet[(current + shift) % alphabet.length]!;
        fc.pre(replacement !== number[position]);
        const changed = number.slice(0, position) + replacement + number.slice(position + 1);
        expect(parseIdNumber(changed, { today }).valid).toBe(false);
      }),
    );
  });
});
