import type { InstitutionInput } from '../../api/types';
import { type EditValues, toInput } from '../institution/institution-form-values';

/** The registration form: the institution's profile fields, the administrator and the password pair. */
export type RegisterValues = EditValues & {
  admin: { username: string; displayName: string; phone: string };
  password: string;
  passwordConfirm: string;
};

/** The body of POST /api/institutions/register (docs/API.md). */
export interface RegisterBody {
  institution: InstitutionInput;
  admin: { username: string; displayName: string; phone: string; password: string };
}

/** A form field's path, as antd names it. */
export type FieldPath = string | (string | number)[];

/** Form values as the request body; functions travel with the institution (the same as PUT …/functions). */
export function toRegisterBody(values: RegisterValues): RegisterBody {
  const functions = (values.functions ?? []).filter((f) => f?.function);
  return {
    institution: { ...toInput(values), ...(functions.length ? { functions } : {}) },
    admin: {
      username: values.admin.username.trim(),
      displayName: values.admin.displayName.trim(),
      phone: values.admin.phone.trim(),
      password: values.password,
    },
  };
}

/**
 * The form field a server error names (`institution.regionCode`, `admin.username`,
 * `institution.prices.full_day`…), or undefined when no single field of the form holds it.
 */
export function registerFieldOf(field: string | undefined): FieldPath | undefined {
  if (!field) return undefined;
  const [group, key, ...rest] = field.split('.');
  if (!key) return undefined;
  if (group === 'admin') return key === 'password' ? 'password' : ['admin', key];
  if (group !== 'institution') return undefined;
  if (key === 'openingHours') return rest[0] ? ['hours', rest[0]] : undefined;
  if (key === 'prices') return rest[0] ? ['prices', rest[0]] : undefined;
  if (key === 'functions') {
    const index = Number(rest[0]);
    if (!Number.isInteger(index)) return undefined;
    return rest[1] ? ['functions', index, rest[1]] : ['functions', index, 'function'];
  }
  return key;
}
