import type { FormInstance } from 'antd';
import { ApiError, errorField } from '../api/client';

/**
 * Put an API error on the form field it names. Returns true when it landed on a field,
 * false when the caller should show it elsewhere (e.g. an alert above the form).
 */
export function applyServerError(form: FormInstance, error: unknown, fieldNames: readonly string[]): boolean {
  if (!(error instanceof ApiError)) return false;
  const field = errorField(error);
  if (!field) return false;
  const name = fieldNames.find((candidate) => candidate === field || field.startsWith(`${candidate}.`));
  if (!name) return false;
  form.setFields([{ name, errors: [error.message] }]);
  form.scrollToField(name);
  return true;
}

/** The password rule shared with the server: at least 8 characters, letters and digits. */
export function isStrongPassword(value: string): boolean {
  return value.length >= 8 && /[A-Za-z]/.test(value) && /\d/.test(value);
}
