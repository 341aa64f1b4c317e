import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError } from '../../server/errors.js';
import { translate } from '../../server/i18n.js';
import { parseOrThrow } from '../../server/validation.js';
import { createTestApp, type TestApp } from '../../test/app.js';
import { IdNumberField } from './idnumbers.schema.js';

const URL = '/api/id-numbers/check';
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});

afterAll(async () => {
  await t?.app.close();
});

describe('POST /api/id-numbers/check', () => {
  it('reads a valid number without signing in', async () => {
    const res = await t.anonymous.post(URL, { number: ' 11010519491231002x ' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      valid: true,
      normalized: '11010519491231002X',
      birthDate: '1949-12-31',
      sex: 'female',
      regionCode: '110105',
    });
  });

  it('explains a wrong check character in Chinese by default and in English on request', async () => {
    const zh = await t.anonymous.post(URL, { number: '110105194912310021' });
    expect(zh.statusCode).toBe(200);
    expect(zh.json()).toEqual({ valid: false, reason: 'check_digit', message: '校验码错误' });

    const en = await t.anonymous.post(URL, { number: '110105194912310021' }, { 'accept-language': 'en' });
    expect(en.json()).toEqual({ valid: false, reason: 'check_digit', message: 'Wrong check character' });

    const query = await t.anonymous.post(`${URL}?lang=en`, { number: '110105194912310021' });
    expect(query.json()).toMatchObject({ message: 'Wrong check character' });
  });

  it('answers every other refusal with 200 and a translated reason', async () => {
    const cases: Array<[string, string]> = [
      ['   ', 'empty'],
      ['1101051949', 'length'],
      ['11010519491231002Y', 'characters'],
      ['990105194912310021', 'region'],
      ['110105190002290021', 'birth_date'],
    ];
    for (const [number, reason] of cases) {
      const res = await t.anonymous.post(URL, { number });
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body).toMatchObject({ valid: false, reason });
      expect(body.message).toMatch(/[\u4e00-\u9fff]/);
      expect(body.normalized).toBeUndefined();
    }
  });

  it('upgrades a 15-digit number', async () => {
    const res = await t.anonymous.post(URL, { number: '130102850101123' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      valid: true,
      normalized: '130102198501011239',
      birthDate: '1985-01-01',
      sex: 'male',
      regionCode: '130102',
    });
  });

  it('refuses a missing, empty or overlong field with a 400 naming it', async () => {
    const missing = await t.anonymous.post(URL, {});
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error).toMatchObject({ code: 'validation.required', field: 'number' });

    const empty = await t.anonymous.post(URL, { number: '' }, { 'accept-language': 'en' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error).toMatchObject({ field: 'number', message: '"number" is required' });

    const long = await t.anonymous.post(URL, { number: '1'.repeat(33) });
    expect(long.statusCode).toBe(400);
    expect(long.json().error).toMatchObject({ code: 'validation.too_big.string', field: 'number' });

    const wrongType = await t.anonymous.post(URL, { number: 110105 });
    expect(wrongType.statusCode).toBe(400);
    expect(wrongType.json().error.field).toBe('number');
  });
});

describe('IdNumberField', () => {
  const Form = z.object({ person: z.object({ idNumber: IdNumberField }) });

  it('yields the normalised 18-character number', () => {
    expect(parseOrThrow(Form, { person: { idNumber: '130102850101123' } })).toEqual({
      person: { idNumber: '130102198501011239' },
    });
    expect(parseOrThrow(Form, { person: { idNumber: ' 11010519491231002x' } }).person.idNumber).toBe(
      '11010519491231002X',
    );
  });

  it('turns a refused number into a 400 naming the field and the rule', () => {
    let caught: unknown;
    try {
      parseOrThrow(Form, { person: { idNumber: '110105194912310021' } });
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(AppError);
    const error = caught as AppError;
    expect(error).toMatchObject({ status: 400, code: 'idnumber.check_digit', field: 'person.idNumber' });
    expect(translate(error.code, 'en', error.params)).toBe('Wrong check character');
  });
});
