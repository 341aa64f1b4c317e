import type { Db } from '../../db/client.js';
import type { Actor, RequestContext } from '../../server/context.js';
import { forbidden, notFound } from '../../server/errors.js';
import { type Lang, translate } from '../../server/i18n.js';
import { requirePermission } from '../accounts/accounts.service.js';
import { requireActor } from '../accounts/scope.js';
import { mutate } from '../audit/audit.service.js';
import './notifications.messages.js';
import * as repo from './notifications.repo.js';
import type { InboxPage, InboxQuery, NotificationView } from './notifications.schema.js';

/** Everyone signed in reads their own inbox, and only their own. */
function requireReader(ctx: RequestContext): Actor {
  const actor = requireActor(ctx.actor);
  requirePermission(actor, 'notifications.read');
  return actor;
}

/** A notification in the caller's language. Params that are codes themselves come translated by the sender. */
export function presentNotification(row: repo.NotificationRow, lang: Lang): NotificationView {
  const params = row.params ?? {};
  return {
    id: row.id,
    kind: row.kind,
    message: translate(row.kind, lang, params),
    params,
    entityType: row.entityType,
    entityId: row.entityId,
    readAt: row.readAt ? row.readAt.toISOString() : null,
    createdAt: row.createdAt.toISOString(),
  };
}

/** The caller's inbox, newest first, optionally unread only, with the unread count. */
export async function listInbox(db: Db, ctx: RequestContext, query: InboxQuery): Promise<InboxPage> {
  const actor = requireReader(ctx);
  const unreadOnly = query.unread === 'true' || query.unread === '1';
  const { rows, total } = await repo.listOwn(db, actor.id, {
    unreadOnly,
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  return {
    items: rows.map((row) => presentNotification(row, ctx.lang)),
    total,
    page: query.page,
    pageSize: query.pageSize,
    unread: await repo.countUnread(db, actor.id),
  };
}

/**
 * Mark one of the caller's notifications read (again: no change). 404 when there is no such
 * notification, 403 when it is someone else's.
 */
export async function markRead(db: Db, ctx: RequestContext, id: string): Promise<NotificationView> {
  const actor = requireReader(ctx);
  const existing = await repo.findById(db, id);
  if (!existing) throw notFound(ctx.lang === 'en' ? 'notification' : '通知');
  if (existing.accountId !== actor.id) throw forbidden();
  if (existing.readAt) return presentNotification(existing, ctx.lang);
  const updated = await mutate(db, ctx, async (tx, audit) => {
    const row = await repo.markRead(tx, actor.id, id, new Date());
    if (row) {
      await audit({
        action: 'notification.read',
        entityType: 'notification',
        entityId: row.id,
        regionCode: actor.regionCode,
        institutionId: actor.institutionId,
        before: { readAt: null },
        after: { readAt: row.readAt },
      });
    }
    return row;
  });
  return presentNotification(updated ?? (await repo.findById(db, id)) ?? existing, ctx.lang);
}

/** Mark every unread notification of the caller read. */
export async function markAllRead(db: Db, ctx: RequestContext): Promise<{ updated: number; unread: number }> {
  const actor = requireReader(ctx);
  const updated = await mutate(db, ctx, async (tx, audit) => {
    const n = await repo.markAllRead(tx, actor.id, new Date());
    if (n > 0) {
      await audit({
        action: 'notification.read_all',
        entityType: 'account',
        entityId: actor.id,
        regionCode: actor.regionCode,
        institutionId: actor.institutionId,
        after: { marked: n },
      });
    }
    return n;
  });
  return { updated, unread: await repo.countUnread(db, actor.id) };
}
