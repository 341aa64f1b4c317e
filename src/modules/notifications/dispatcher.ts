import { and, asc, eq, inArray, lte } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { translate } from '../../server/i18n.js';
import { accounts } from '../accounts/accounts.table.js';
import type { NotificationChannel, NotifyLogger } from './channels.js';
import { outboundChannels } from './notifications.service.js';
import { notificationDeliveries as d, notifications } from './notifications.table.js';
import './notifications.messages.js';

/** Attempts before a delivery is given up as `failed`. */
export const MAX_ATTEMPTS = 8;
/** How long a claimed delivery is hidden from other dispatchers while it is being sent. */
export const CLAIM_LEASE_MS = 15 * 60_000;
const MINUTE = 60_000;

/** Wait before the next attempt after `attempts` failures: 1 min, 2, 4 … capped at 1 h. */
export function backoffMs(attempts: number): number {
  return Math.min(2 ** Math.max(attempts - 1, 0) * MINUTE, 60 * MINUTE);
}

export interface DispatchResult {
  claimed: number;
  sent: number;
  /** Failed this time, will be tried again later. */
  retried: number;
  /** Given up: out of attempts, or no such channel. */
  failed: number;
}

/**
 * Deliver the outbox rows that are due. Rows are claimed with one
 * `UPDATE … WHERE id IN (SELECT … FOR UPDATE SKIP LOCKED)` that pushes their next attempt a lease
 * ahead, so a second dispatcher (another process on the same PostgreSQL) skips them; sending
 * then happens outside any transaction — never inside the state change's, never holding locks.
 * A process that dies mid-send leaves the row to be retried when the lease runs out (delivery
 * is at least once; the delivery id lets a receiver drop repeats).
 */
export async function dispatchDue(
  db: Db,
  channels: readonly NotificationChannel[],
  options: { now?: Date; batch?: number } = {},
): Promise<DispatchResult> {
  const now = options.now ?? new Date();
  const batch = options.batch ?? 20;
  const byName = new Map(channels.map((c) => [c.name, c]));
  const due = and(eq(d.status, 'pending'), lte(d.nextAttemptAt, now));
  const pick = db
    .select({ id: d.id })
    .from(d)
    .where(due)
    .orderBy(asc(d.nextAttemptAt))
    .limit(batch)
    .for('update', { skipLocked: true });
  const claimed = await db
    .update(d)
    .set({ nextAttemptAt: new Date(now.getTime() + CLAIM_LEASE_MS) })
    .where(and(inArray(d.id, pick), due))
    .returning({ id: d.id, channel: d.channel, attempts: d.attempts, notificationId: d.notificationId });
  const result: DispatchResult = { claimed: claimed.length, sent: 0, retried: 0, failed: 0 };
  if (claimed.length === 0) return result;

  const details = await db
    .select({
      id: notifications.id,
      accountId: notifications.accountId,
      kind: notifications.kind,
      params: notifications.params,
      phone: accounts.phone,
    })
    .from(notifications)
    .innerJoin(accounts, eq(accounts.id, notifications.accountId))
    .where(
      inArray(
        notifications.id,
        claimed.map((c) => c.notificationId),
      ),
    );
  const byNotification = new Map(details.map((n) => [n.id, n]));

  for (const delivery of claimed) {
    const attempts = delivery.attempts + 1;
    const channel = byName.get(delivery.channel);
    const n = byNotification.get(delivery.notificationId);
    if (!channel || !n) {
      const error = !channel
        ? `no outbound channel named "${delivery.channel}" in this process (available: ${[...byName.keys()].join(', ') || 'none'})`
        : 'the notification no longer exists';
      await settle(db, delivery.id, { status: 'failed', attempts, lastError: error });
      result.failed += 1;
      continue;
    }
    try {
      const params = n.params ?? {};
      await channel.send({
        deliveryId: delivery.id,
        accountId: n.accountId,
        phone: n.phone ?? null,
        kind: n.kind,
        text: translate(n.kind, 'zh-CN', params),
        params,
      });
      await settle(db, delivery.id, { status: 'sent', attempts, lastError: null, sentAt: now });
      result.sent += 1;
    } catch (err) {
      const lastError = (err instanceof Error ? err.message : String(err)).slice(0, 1000) || 'send failed';
      if (attempts >= MAX_ATTEMPTS) {
        await settle(db, delivery.id, { status: 'failed', attempts, lastError });
        result.failed += 1;
      } else {
        const nextAttemptAt = new Date(now.getTime() + backoffMs(attempts));
        await settle(db, delivery.id, { status: 'pending', attempts, lastError, nextAttemptAt });
        result.retried += 1;
      }
    }
  }
  return result;
}

function settle(
  db: Db,
  id: string,
  values: {
    status: 'pending' | 'sent' | 'failed';
    attempts: number;
    lastError: string | null;
    sentAt?: Date;
    nextAttemptAt?: Date;
  },
) {
  return db
    .update(d)
    .set(values)
    .where(and(eq(d.id, id), eq(d.status, 'pending')));
}

/**
 * Run `dispatchDue` at once and then every `intervalMs` (each round drains what is due, a batch at a time) until
 * the returned function is called; that function resolves once a round in progress has ended.
 * Warns once about channels notifications are queued for that no adapter here can deliver.
 */
export function startDispatcher(
  db: Db,
  channels: readonly NotificationChannel[],
  log: NotifyLogger,
  intervalMs = 10_000,
  batch = 20,
): () => Promise<void> {
  const known = new Set(channels.map((c) => c.name));
  const missing = outboundChannels().filter((name) => !known.has(name));
  if (missing.length > 0) {
    log.warn(
      { missing, available: [...known] },
      'DOORSTEP_NOTIFY_CHANNELS names channels without an adapter; their deliveries will fail',
    );
  }
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | null = null;

  const round = async () => {
    try {
      let r: DispatchResult;
      do {
        r = await dispatchDue(db, channels, { now: new Date(), batch });
        if (r.retried + r.failed > 0) log.warn({ ...r }, 'notification deliveries failed');
      } while (!stopped && r.claimed === batch);
    } catch (err) {
      log.error({ err }, 'notification dispatch failed');
    }
  };
  const schedule = (delay: number) => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = round().finally(() => {
        running = null;
        schedule(intervalMs);
      });
    }, delay);
    timer.unref();
  };
  schedule(0);
  return async () => {
    stopped = true;
    clearTimeout(timer);
    await running;
  };
}
