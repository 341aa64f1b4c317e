import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../server/deps.js';
import { contextOf } from '../../server/plugins/auth.js';
import * as inbox from './notifications.inbox.js';
import {
  InboxPage,
  InboxQuery,
  NotificationIdParams,
  NotificationView,
  ReadAllResult,
} from './notifications.schema.js';

/** The signed-in account's own notifications (the in-app inbox). */
export const notificationsRoutes: FastifyPluginAsync<AppDeps> = async (base, { database }) => {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const db = database.db;
  const tags = ['notifications'];

  app.get(
    '/api/notifications',
    {
      schema: {
        tags,
        summary: "The caller's notifications, newest first, in the caller's language",
        querystring: InboxQuery,
        response: { 200: InboxPage },
      },
    },
    async (req) => inbox.listInbox(db, contextOf(req), req.query),
  );

  app.post(
    '/api/notifications/:id/read',
    {
      schema: {
        tags,
        summary: 'Mark one of my notifications read',
        params: NotificationIdParams,
        response: { 200: NotificationView },
      },
    },
    async (req) => inbox.markRead(db, contextOf(req), req.params.id),
  );

  app.post(
    '/api/notifications/read-all',
    { schema: { tags, summary: 'Mark all my notifications read', response: { 200: ReadAllResult } } },
    async (req) => inbox.markAllRead(db, contextOf(req)),
  );
};
