import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import './errors.js';
import { translate } from './i18n.js';
import { parseOrThrow } from './validation.js';

const Schema = z
  .object({ name: z.string().min(1).max(3), age: z.number().int().min(0), kind: z.enum(['a', 'b']) })
  .strict();

function errorOf(data: unknown) {
  try {
    parseOrThrow(Schema, data);
  } catch (err) {
    const e = err as { code: string; field: string; params: Record<string, unknown> };
    return {
      field: e.field,
      zh: translate(e.code, 'zh-CN', e.params),
      en: translate(e.code, 'en', e.params),
    };
  }
  throw new Error('expected an error');
}

describe('validation messages name the field and the rule in both languages', () => {
  it('missing field', () => {
    expect(errorOf({ age: 1, kind: 'a' })).toEqual({
      field: 'name',
      zh: '“name”为必填项',
      en: '"name" is required',
    });
  });
  it('wrong type is not reported as missing', () => {
    expect(errorOf({ name: 5, age: 1, kind: 'a' })).toEqual({
      field: 'name',
      zh: '“name”应为文本',
      en: '"name" must be text',
    });
  });
  it('too long', () => {
    expect(errorOf({ name: 'abcd', age: 1, kind: 'a' }).zh).toBe('“name”不能超过 3 个字符');
  });
  it('below minimum', () => {
    expect(errorOf({ name: 'a', age: -1, kind: 'a' }).en).toBe('"age" must be at least 0');
  });
  it('not one of the options', () => {
    expect(errorOf({ name: 'a', age: 1, kind: 'c' }).en).toBe('"kind" must be one of: a, b');
  });
  it('unknown key', () => {
    expect(errorOf({ name: 'a', age: 1, kind: 'a', extra: 1 })).toMatchObject({
      field: 'extra',
      en: 'Unknown field "extra"',
    });
  });
});
