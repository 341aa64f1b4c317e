import { and, count, desc, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { notifications } from './notifications.table.js';

export type NotificationRow = typeof notifications.$inferSelect;

/** A page of one account's inbox, newest first; only its own rows are ever read. */
export async function listOwn(
  db: Executor,
  accountId: string,
  options: { unreadOnly: boolean; limit: number; offset: number },
): Promise<{ rows: NotificationRow[]; total: number }> {
  const own = eq(notifications.accountId, accountId);
  const where = options.unreadOnly ? and(own, isNull(notifications.readAt)) : own;
  const rows = await db
    .select()
    .from(notifications)
    .where(where)
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(options.limit)
    .offset(options.offset);
  const [total] = await db.select({ n: count() }).from(notifications).where(where);
  return { rows, total: total?.n ?? 0 };
}

export async function findById(db: Executor, id: string): Promise<NotificationRow | undefined> {
  const [row] = await db.select().from(notifications).where(eq(notifications.id, id));
  return row;
}

/** Mark one of the account's notifications read; null when it was read already. */
export async function markRead(
  tx: Executor,
  accountId: string,
  id: string,
  at: Date,
): Promise<NotificationRow | null> {
  const [row] = await tx
    .update(notifications)
    .set({ readAt: at })
    .where(
      and(eq(notifications.id, id), eq(notifications.accountId, accountId), isNull(notifications.readAt)),
    )
    .returning();
  return row ?? null;
}

/** Mark every unread notification of the account read; returns how many changed. */
export async function markAllRead(tx: Executor, accountId: string, at: Date): Promise<number> {
  const rows = await tx
    .update(notifications)
    .set({ readAt: at })
    .where(and(eq(notifications.accountId, accountId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return rows.length;
}

export async function countUnread(db: Executor, accountId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.accountId, accountId), isNull(notifications.readAt)));
  return row?.n ?? 0;
}
