import { describe, expect, it } from 'vitest';
import { ageInMonths as serverAgeInMonths } from '../../../../src/standards/childcare-classes.js';
import { buildIdNumber, parseIdNumber } from '../../../../src/standards/id-number.js';
import { ageInMonths, checkIdNumber, healthStatus, MOBILE_PATTERN, memberKind } from './family-rules';

const TODAY = '2026-03-15';

describe('the member form mirrors the server', () => {
  it('accepts and refuses the same ID numbers as GB 11643 on the server, for the same reasons', () => {
    const good = buildIdNumber({ regionCode: '130102', birthDate: '2024-07-31', sequence: 17 });
    const cases = [
      good,
      good.toLowerCase(),
      ` ${good} `,
      `${good.slice(0, 17)}${good[17] === '0' ? '1' : '0'}`,
      good.slice(0, 17),
      `${good.slice(0, 10)}A${good.slice(11)}`,
      `99${good.slice(2)}`,
      buildIdNumber({ regionCode: '130102', birthDate: '2026-03-16', sequence: 2 }),
      '130102199002301234',
      '130102900230123',
      '130102850517124',
    ];
    for (const value of cases) {
      const server = parseIdNumber(value, { today: new Date(`${TODAY}T12:00:00+08:00`) });
      const web = checkIdNumber(value, TODAY);
      expect(web.valid, value).toBe(server.valid);
      if (server.valid && web.valid) {
        expect([web.normalized, web.birthDate, web.sex]).toEqual([
          server.normalized,
          server.birthDate,
          server.sex,
        ]);
      } else if (!server.valid && !web.valid) expect(web.reason, value).toBe(server.reason);
    }
  });

  it('counts months and derives the kind as the server does', () => {
    for (const [birth, day] of [
      ['2024-01-31', '2024-02-29'],
      ['2023-03-15', TODAY],
      ['2023-03-16', TODAY],
      ['1966-03-15', TODAY],
    ] as const) {
      expect(ageInMonths(birth, day)).toBe(serverAgeInMonths(birth, day));
    }
    expect(memberKind('2023-03-16', TODAY)).toBe('child');
    expect(memberKind('2023-03-15', TODAY)).toBe('adult');
    expect(memberKind('1966-03-15', TODAY)).toBe('older');
    expect(memberKind('1966-03-16', TODAY)).toBe('adult');
  });

  it('takes only mainland mobiles and tells the health check status', () => {
    expect(['13912345678', '19912345678'].every((p) => MOBILE_PATTERN.test(p))).toBe(true);
    expect(['12912345678', '1391234567', '139123456789'].some((p) => MOBILE_PATTERN.test(p))).toBe(false);
    const check = (on: string | null, result: 'passed' | 'failed' | null, until: string | null) =>
      healthStatus({ healthCheckOn: on, healthCheckResult: result, healthCheckValidUntil: until }, TODAY);
    expect(check(null, null, null)).toBe('none');
    expect(check('2026-01-01', 'failed', '2026-04-01')).toBe('failed');
    expect(check('2026-01-01', 'passed', TODAY)).toBe('valid');
    expect(check('2025-12-01', 'passed', '2026-03-01')).toBe('expired');
  });
});
