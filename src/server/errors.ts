import { defineMessages } from './i18n.js';

/** Messages every module may use; modules add their own with `defineMessages`. */
export const M = defineMessages({
  'error.internal': {
    'zh-CN': '服务器内部错误，请稍后再试',
    en: 'Internal server error, please try again later',
  },
  'error.not_found': { 'zh-CN': '未找到{what}', en: '{what} not found' },
  'error.route_not_found': { 'zh-CN': '接口不存在：{method} {url}', en: 'No such endpoint: {method} {url}' },
  'error.unauthenticated': { 'zh-CN': '请先登录', en: 'Please sign in first' },
  'error.forbidden': { 'zh-CN': '无权执行此操作', en: 'You are not allowed to do this' },
  'error.out_of_scope': {
    'zh-CN': '超出您的管辖范围（{scope}）',
    en: 'Outside your area of responsibility ({scope})',
  },
  'error.csrf': {
    'zh-CN': '请求缺少有效的 CSRF 令牌，请刷新页面后重试',
    en: 'Missing or invalid CSRF token; reload the page and try again',
  },
  'error.invalid_json': { 'zh-CN': '请求体不是有效的 JSON', en: 'The request body is not valid JSON' },
  'error.payload_too_large': {
    'zh-CN': '上传内容过大（上限 {limit}）',
    en: 'Upload too large (limit {limit})',
  },
  'error.unsupported_media_type': {
    'zh-CN': '不支持的内容类型：{type}',
    en: 'Unsupported content type: {type}',
  },
  'error.rate_limited': { 'zh-CN': '请求过于频繁，请稍后再试', en: 'Too many requests, please slow down' },
  'error.conflict': { 'zh-CN': '操作冲突：{reason}', en: 'Conflict: {reason}' },
  'validation.required': { 'zh-CN': '“{field}”为必填项', en: '"{field}" is required' },
  'validation.type': {
    'zh-CN': '“{field}”应为{expected}',
    en: '"{field}" must be a {expected}',
  },
  'validation.type.string': { 'zh-CN': '“{field}”应为文本', en: '"{field}" must be text' },
  'validation.type.number': { 'zh-CN': '“{field}”应为数字', en: '"{field}" must be a number' },
  'validation.type.int': { 'zh-CN': '“{field}”应为整数', en: '"{field}" must be a whole number' },
  'validation.type.boolean': { 'zh-CN': '“{field}”应为是/否', en: '"{field}" must be true or false' },
  'validation.type.object': { 'zh-CN': '“{field}”应为对象', en: '"{field}" must be an object' },
  'validation.type.array': { 'zh-CN': '“{field}”应为列表', en: '"{field}" must be a list' },
  'validation.type.date': { 'zh-CN': '“{field}”应为日期', en: '"{field}" must be a date' },
  'validation.too_small.string': {
    'zh-CN': '“{field}”不能少于 {minimum} 个字符',
    en: '"{field}" needs at least {minimum} characters',
  },
  'validation.too_big.string': {
    'zh-CN': '“{field}”不能超过 {maximum} 个字符',
    en: '"{field}" allows at most {maximum} characters',
  },
  'validation.too_small.array': {
    'zh-CN': '“{field}”至少需要 {minimum} 项',
    en: '"{field}" needs at least {minimum} items',
  },
  'validation.too_big.array': {
    'zh-CN': '“{field}”最多 {maximum} 项',
    en: '"{field}" allows at most {maximum} items',
  },
  'validation.too_small.number': {
    'zh-CN': '“{field}”不能小于 {minimum}',
    en: '"{field}" must be at least {minimum}',
  },
  'validation.too_big.number': {
    'zh-CN': '“{field}”不能大于 {maximum}',
    en: '"{field}" must be at most {maximum}',
  },
  'validation.format': {
    'zh-CN': '“{field}”格式不正确（{format}）',
    en: '"{field}" has an invalid format ({format})',
  },
  'validation.enum': {
    'zh-CN': '“{field}”只能是：{options}',
    en: '"{field}" must be one of: {options}',
  },
  'validation.unknown_key': { 'zh-CN': '不认识的字段“{field}”', en: 'Unknown field "{field}"' },
  'validation.invalid': { 'zh-CN': '“{field}”无效：{detail}', en: '"{field}" is invalid: {detail}' },
});

export type MessageCode = string;

/**
 * An error the caller caused or may act on. It carries a message code (translated when
 * presented), the HTTP status, and the field it concerns, if any.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: MessageCode,
    readonly params: Record<string, unknown> = {},
    readonly field?: string,
    /** Extra machine-readable detail, e.g. the allowed actions of a refused transition. */
    readonly details?: Record<string, unknown>,
  ) {
    super(code);
    this.name = 'AppError';
  }
}

export const badRequest = (code: MessageCode, params: Record<string, unknown> = {}, field?: string) =>
  new AppError(400, code, params, field);
export const unauthenticated = () => new AppError(401, M['error.unauthenticated']);
export const forbidden = (code: MessageCode = M['error.forbidden'], params: Record<string, unknown> = {}) =>
  new AppError(403, code, params);
export const outOfScope = (scope: string) =>
  new AppError(403, M['error.out_of_scope'], { scope: scope || '*' });
export const notFound = (what: string) => new AppError(404, M['error.not_found'], { what });
export const conflict = (
  code: MessageCode,
  params: Record<string, unknown> = {},
  details?: Record<string, unknown>,
) => new AppError(409, code, params, undefined, details);
