import { randomUUID } from 'node:crypto';
import type { Executor } from '../../db/client.js';
import type { NotificationKind } from './notifications.messages.js';
import { notificationDeliveries, notifications } from './notifications.table.js';

export interface NewNotification {
  accountId: string;
  kind: NotificationKind;
  params?: Record<string, unknown>;
  entityType?: string;
  entityId?: string | null;
}

/** The outbound channels a notification is queued for (the in-app inbox is always written). */
export function outboundChannels(env: NodeJS.ProcessEnv = process.env): string[] {
  return (env.DOORSTEP_NOTIFY_CHANNELS ?? 'log')
    .split(',')
    .map((c) => c.trim())
    .filter(Boolean);
}

/** The inbox row and outbound delivery rows of a notification, for a batched write. */
export function notificationRows(n: NewNotification) {
  const id = randomUUID();
  return {
    notification: {
      id,
      accountId: n.accountId,
      kind: n.kind,
      params: n.params ?? {},
      entityType: n.entityType ?? null,
      entityId: n.entityId ?? null,
    },
    deliveries: outboundChannels().map((channel) => ({ notificationId: id, channel })),
  };
}

/**
 * Write a notification to the inbox and queue it for each outbound channel, on the executor of
 * the state change itself: both commit with the change or not at all (transactional outbox).
 */
export async function notify(tx: Executor, n: NewNotification): Promise<void> {
  const [row] = await tx
    .insert(notifications)
    .values({
      accountId: n.accountId,
      kind: n.kind,
      params: n.params ?? {},
      entityType: n.entityType ?? null,
      entityId: n.entityId ?? null,
    })
    .returning({ id: notifications.id });
  const channels = outboundChannels();
  if (channels.length > 0 && row) {
    await tx
      .insert(notificationDeliveries)
      .values(channels.map((channel) => ({ notificationId: row.id, channel })));
  }
}
