/**
 * The one way the web app talks to the doorstep API: same-origin cookies, JSON, the CSRF token
 * on every non-GET request and the UI language as Accept-Language. Failures become `ApiError`
 * carrying the server's `{ error: { code, message, field } }`, so forms can put the message on
 * the right field.
 */
import i18n from 'i18next';

export type Lang = 'zh-CN' | 'en';

/** An error the API answered with (or a network failure, status 0). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly field?: string;
  /** Anything else the server put in `error` (e.g. `lockedUntil`, allowed actions). */
  readonly details: Record<string, unknown>;

  constructor(
    status: number,
    code: string,
    message: string,
    field?: string,
    details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.field = field;
    this.details = details;
  }
}

export function isApiError(value: unknown): value is ApiError {
  return value instanceof ApiError;
}

/** The form field an error concerns, without a `body.` prefix. */
export function errorField(error: ApiError): string | undefined {
  return error.field?.replace(/^(body|querystring|params)\./, '') || undefined;
}

let csrfToken: string | null = null;
let language: Lang = 'zh-CN';

/** Keep the CSRF token (from login or /api/auth/me) in memory only. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function setApiLanguage(lang: Lang): void {
  language = lang;
}

type QueryValue = string | number | boolean | null | undefined;

/** Build `path?query`, leaving out empty values. */
export function withQuery(path: string, query: Record<string, QueryValue> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** JSON body; a FormData body is sent as multipart. */
  body?: unknown;
  query?: Record<string, QueryValue>;
  signal?: AbortSignal;
  /** Extra request headers (e.g. `Idempotency-Key`). */
  headers?: Record<string, string>;
}

async function parseError(response: Response, fallbackMessage: string): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  const error = (body as { error?: Record<string, unknown> } | null)?.error;
  if (error && typeof error === 'object') {
    const { code, message, field, ...details } = error;
    return new ApiError(
      response.status,
      typeof code === 'string' ? code : `http.${response.status}`,
      typeof message === 'string' && message ? message : fallbackMessage,
      typeof field === 'string' ? field : undefined,
      details,
    );
  }
  return new ApiError(response.status, `http.${response.status}`, fallbackMessage);
}

/** Call the API; resolves with the parsed JSON (undefined for 204) or throws ApiError. */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': language,
    ...options.headers,
  };
  let body: BodyInit | undefined;
  if (options.body instanceof FormData) {
    body = options.body;
  } else if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(withQuery(path, options.query), {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (cause) {
    if ((cause as Error)?.name === 'AbortError') throw cause;
    throw new ApiError(0, 'network', i18n.t('common.networkError'));
  }
  if (!response.ok) {
    throw await parseError(response, `${response.status} ${response.statusText}`.trim());
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const get = <T>(path: string, query?: Record<string, QueryValue>, signal?: AbortSignal) =>
  api<T>(path, { query, signal });
export const post = <T>(path: string, body?: unknown, query?: Record<string, QueryValue>) =>
  api<T>(path, { method: 'POST', body, query });
export const patch = <T>(path: string, body?: unknown) => api<T>(path, { method: 'PATCH', body });
export const put = <T>(path: string, body?: unknown) => api<T>(path, { method: 'PUT', body });
export const del = <T = void>(path: string) => api<T>(path, { method: 'DELETE' });
