/**
 * The signed-in account's notifications (docs/API.md "Notifications"): `message` comes rendered in
 * the UI language; the bell polls every 30 s while the tab is visible.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { get, post } from './client';
import type { Page } from './types';

export interface Notification {
  id: string;
  kind: string;
  message: string;
  params: Record<string, unknown>;
  entityType: string | null;
  entityId: string | null;
  readAt: string | null;
  createdAt: string;
}

export type NotificationPage = Page<Notification> & { unread: number };

export interface NotificationFilters {
  unread?: boolean;
  page: number;
  pageSize: number;
}

/** How often the bell asks for news. */
export const NOTIFICATION_POLL_MS = 30_000;

export const notificationKeys = {
  all: ['notifications'] as const,
  list: (filters: NotificationFilters) => ['notifications', 'list', filters] as const,
  recent: ['notifications', 'recent'] as const,
};

const fetchPage = (filters: NotificationFilters) =>
  get<NotificationPage>('/api/notifications', {
    unread: filters.unread ? 'true' : undefined,
    page: filters.page,
    pageSize: filters.pageSize,
  });

/** The newest few and the unread count, for the bell; refreshed every 30 s. */
export function useRecentNotifications(size = 8) {
  return useQuery({
    queryKey: notificationKeys.recent,
    queryFn: () => fetchPage({ page: 1, pageSize: size }),
    refetchInterval: NOTIFICATION_POLL_MS,
    staleTime: 10_000,
  });
}

/** A page of the inbox (all, or unread only). */
export function useNotifications(filters: NotificationFilters) {
  return useQuery({
    queryKey: notificationKeys.list(filters),
    queryFn: () => fetchPage(filters),
    placeholderData: keepPreviousData,
    refetchInterval: NOTIFICATION_POLL_MS,
  });
}

/** Mark one notification read; the bell and the lists refresh. */
export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => post<Notification>(`/api/notifications/${id}/read`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}

/** Mark everything read. */
export function useMarkAllRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => post<{ updated: number; unread: number }>('/api/notifications/read-all'),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}
