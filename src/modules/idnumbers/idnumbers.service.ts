import { defineMessages, type Lang, translate } from '../../server/i18n.js';
import { type IdNumberReason, parseIdNumber, type Sex } from '../../standards/id-number.js';

/**
 * One message per refusal reason of `parseIdNumber`, code `idnumber.<reason>`. Used by the
 * checker endpoint and, through `IdNumberField`, by every form that takes an identity number.
 */
export const IDM = defineMessages({
  'idnumber.empty': { 'zh-CN': '请填写身份证号码', en: 'Enter an ID number' },
  'idnumber.length': {
    'zh-CN': '身份证号码应为 18 位（或旧版 15 位）',
    en: 'An ID number has 18 characters (or 15 for old numbers)',
  },
  'idnumber.characters': {
    'zh-CN': '身份证号码只能包含数字，最后一位可以是 X',
    en: 'An ID number has only digits, except that the last may be X',
  },
  'idnumber.region': {
    'zh-CN': '身份证号码的地址码无效',
    en: 'The region part of the ID number is not valid',
  },
  'idnumber.birth_date': {
    'zh-CN': '身份证号码中的出生日期不存在',
    en: 'The birth date in the ID number does not exist',
  },
  'idnumber.future_birth': {
    'zh-CN': '身份证号码中的出生日期晚于今天',
    en: 'The birth date in the ID number is in the future',
  },
  'idnumber.too_old': {
    'zh-CN': '身份证号码中的出生日期早于 1900 年',
    en: 'The birth date in the ID number is before 1900',
  },
  'idnumber.check_digit': { 'zh-CN': '校验码错误', en: 'Wrong check character' },
});

/** The message code for a refusal reason. */
export function idNumberMessageCode(reason: IdNumberReason): keyof typeof IDM {
  return `idnumber.${reason}`;
}

/** What the checker answers; mirrors `IdNumberCheckResponse` in idnumbers.schema.ts. */
export interface IdNumberCheck {
  valid: boolean;
  reason?: IdNumberReason;
  message?: string;
  normalized?: string;
  birthDate?: string;
  sex?: Sex;
  regionCode?: string;
}

/**
 * Check an identity number for a form or a clerk: what is wrong with it, in the caller's
 * language, or the normalised number and what it says. Stores and logs nothing.
 */
export function checkIdNumber(number: string, lang: Lang, today: Date = new Date()): IdNumberCheck {
  const result = parseIdNumber(number, { today });
  if (!result.valid) {
    return {
      valid: false,
      reason: result.reason,
      message: translate(idNumberMessageCode(result.reason), lang),
    };
  }
  const { normalized, birthDate, sex, regionCode } = result;
  return { valid: true, normalized, birthDate, sex, regionCode };
}
