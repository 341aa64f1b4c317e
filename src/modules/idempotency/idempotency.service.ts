import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { AppError } from '../../server/errors.js';
import { defineMessages } from '../../server/i18n.js';
import { idempotencyKeys } from './idempotency.table.js';

export const IM = defineMessages({
  'idempotency.key_format': {
    'zh-CN': '请求头 Idempotency-Key 应为 1–200 个可见字符',
    en: 'The Idempotency-Key header must be 1–200 visible characters',
  },
  'idempotency.key_reused': {
    'zh-CN': '此 Idempotency-Key 已用于另一个请求，请为新的请求换一个键',
    en: 'This Idempotency-Key was used for a different request; use a new key for a new request',
  },
});

/** The `Idempotency-Key` header, validated; undefined when absent. */
export function idempotencyKeyOf(headers: Record<string, unknown>): string | undefined {
  const raw = headers['idempotency-key'];
  if (raw === undefined) return undefined;
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (typeof value !== 'string' || !/^[\x21-\x7e]{1,200}$/.test(value)) {
    throw new AppError(400, IM['idempotency.key_format'], {}, 'Idempotency-Key');
  }
  return value;
}

/** Canonical JSON (sorted keys) so that the same body always hashes the same. */
function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : 1));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
}

export interface IdempotentRequest {
  accountId: string;
  key: string | undefined;
  /** e.g. `POST /api/bookings` */
  operation: string;
  body: unknown;
}

export interface IdempotentResult<T> {
  status: number;
  body: T;
  replayed: boolean;
}

/** SHA-256 of the canonical request body: what a key is bound to besides its operation. */
export function requestHashOf(body: unknown): string {
  return createHash('sha256').update(canonical(body)).digest('hex');
}

/** A key already claimed, as stored. */
export interface StoredKey {
  operation: string;
  requestHash: string;
  responseStatus: number | null;
  responseBody: unknown;
}

/**
 * The answer to a retry whose key is already stored: the stored answer when the retry is the same
 * request, else 422 (the key was used for another request).
 */
export function replayOf<T>(
  stored: StoredKey | undefined,
  request: IdempotentRequest,
  requestHash: string,
): IdempotentResult<T> {
  if (!stored || stored.operation !== request.operation || stored.requestHash !== requestHash) {
    throw new AppError(422, IM['idempotency.key_reused'], {}, 'Idempotency-Key');
  }
  return { status: stored.responseStatus ?? 200, body: stored.responseBody as T, replayed: true };
}

/** Store the answer of a claimed key, in the transaction of its effect. */
export async function storeAnswer(
  tx: Tx,
  accountId: string,
  key: string,
  answer: { status: number; body: unknown },
): Promise<void> {
  await tx
    .update(idempotencyKeys)
    .set({ responseStatus: answer.status, responseBody: answer.body as never })
    .where(and(eq(idempotencyKeys.accountId, accountId), eq(idempotencyKeys.key, key)));
}
