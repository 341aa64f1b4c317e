import { Tag } from 'antd';
import type { TFunction } from 'i18next';
import type { OrderStatus, VisitStatus } from '../../api/homecare';

export const ORDER_STATUS_COLORS: Record<OrderStatus, string> = {
  requested: 'default',
  assigned: 'blue',
  in_progress: 'processing',
  completed: 'cyan',
  verified: 'green',
  exception: 'red',
  cancelled: 'default',
};

export const VISIT_STATUS_COLORS: Record<VisitStatus, string> = {
  open: 'processing',
  completed: 'cyan',
  verified: 'green',
  exception: 'red',
  approved: 'green',
  rejected: 'volcano',
};

export function OrderStatusTag({ t, status }: { t: TFunction; status: OrderStatus }) {
  return (
    <Tag color={ORDER_STATUS_COLORS[status]} data-testid="order-status" data-status={status}>
      {t(`homecare.orderStatus.${status}`)}
    </Tag>
  );
}

export function VisitStatusTag({ t, status }: { t: TFunction; status: VisitStatus }) {
  return (
    <Tag color={VISIT_STATUS_COLORS[status]} data-testid="visit-status" data-status={status}>
      {t(`homecare.visitStatus.${status}`)}
    </Tag>
  );
}

/** Yuan with two decimals, or a dash. */
export const money = (value: number | null | undefined) =>
  value === null || value === undefined ? '—' : `¥${value.toFixed(2)}`;

/** Today in China (UTC+8) as YYYY-MM-DD. */
export function chinaToday(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** "08:05", China time, for an ISO instant. */
export function chinaClock(iso: string | null | undefined): string {
  if (!iso) return '—';
  return new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(11, 16);
}
