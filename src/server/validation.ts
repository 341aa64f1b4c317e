import type { z } from 'zod';
import { AppError, M } from './errors.js';

/** The shape of one zod issue as both zod and the fastify provider hand it over. */
export interface IssueLike {
  code: string;
  path: readonly PropertyKey[] | string;
  params?: Record<string, unknown>;
  [key: string]: unknown;
}

const KNOWN_TYPES = new Set(['string', 'number', 'int', 'boolean', 'object', 'array', 'date']);

/**
 * Turn a zod issue into a message code and params naming the field and the rule,
 * so every 400 says which field broke which rule, in the caller's language.
 */
export function issueToError(issue: IssueLike, prefix = ''): AppError {
  const pathParts =
    typeof issue.path === 'string' ? issue.path.split('/').filter(Boolean) : issue.path.map(String);
  const field = [prefix, ...pathParts].filter(Boolean).join('.') || prefix || 'body';
  const custom = (issue.params ?? {}) as Record<string, unknown>;
  if (typeof custom.messageCode === 'string') {
    return new AppError(400, custom.messageCode, { field, ...custom }, field);
  }
  switch (issue.code) {
    case 'invalid_type': {
      const expected = String(issue.expected ?? '');
      if (/received undefined/.test(String(issue.message ?? ''))) {
        return new AppError(400, M['validation.required'], { field }, field);
      }
      const code = KNOWN_TYPES.has(expected) ? `validation.type.${expected}` : M['validation.type'];
      return new AppError(400, code, { field, expected }, field);
    }
    case 'too_small':
    case 'too_big': {
      const origin = String(issue.origin ?? '');
      if (issue.code === 'too_small' && origin === 'string' && Number(issue.minimum) === 1) {
        return new AppError(400, M['validation.required'], { field }, field);
      }
      const kind = origin === 'string' ? 'string' : origin === 'array' ? 'array' : 'number';
      return new AppError(
        400,
        `validation.${issue.code}.${kind}`,
        { field, minimum: issue.minimum, maximum: issue.maximum },
        field,
      );
    }
    case 'invalid_format':
      return new AppError(
        400,
        M['validation.format'],
        { field, format: issue.format ?? issue.pattern ?? '' },
        field,
      );
    case 'invalid_value':
    case 'invalid_enum_value':
      return new AppError(
        400,
        M['validation.enum'],
        { field, options: ((issue.values ?? issue.options ?? []) as unknown[]).join(', ') },
        field,
      );
    case 'unrecognized_keys': {
      const keys = (issue.keys ?? []) as string[];
      const name = [field === 'body' ? '' : field, keys[0]].filter(Boolean).join('.');
      return new AppError(400, M['validation.unknown_key'], { field: name }, name);
    }
    default:
      return new AppError(
        400,
        M['validation.invalid'],
        { field, detail: String(issue.message ?? issue.code) },
        field,
      );
  }
}

/** Validate data outside a route (imports, CLI); throws the first issue as a 400. */
export function parseOrThrow<T extends z.ZodType>(schema: T, data: unknown, prefix = ''): z.infer<T> {
  const result = schema.safeParse(data);
  if (!result.success) throw issueToError(result.error.issues[0] as unknown as IssueLike, prefix);
  return result.data;
}
