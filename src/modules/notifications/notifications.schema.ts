import { z } from 'zod';

/** `:id` of a notification. */
export const NotificationIdParams = z.object({ id: z.uuid() });

/** `?unread=true&page&pageSize` of the inbox. */
export const InboxQuery = z.object({
  unread: z.enum(['true', 'false', '1', '0']).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type InboxQuery = z.infer<typeof InboxQuery>;

/** One notification as its recipient sees it: `message` is `kind` rendered in the caller's language. */
export const NotificationView = z.object({
  id: z.string(),
  kind: z.string(),
  message: z.string(),
  params: z.record(z.string(), z.unknown()),
  entityType: z.string().nullable(),
  entityId: z.string().nullable(),
  readAt: z.string().nullable(),
  createdAt: z.string(),
});
export type NotificationView = z.infer<typeof NotificationView>;

export const InboxPage = z.object({
  items: z.array(NotificationView),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  /** Unread notifications of the caller in all (not only on this page). */
  unread: z.number(),
});
export type InboxPage = z.infer<typeof InboxPage>;

export const ReadAllResult = z.object({
  /** Notifications marked read by this call. */
  updated: z.number(),
  unread: z.number(),
});
