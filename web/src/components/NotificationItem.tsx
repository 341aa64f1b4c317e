import { Badge, Button, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Notification } from '../api/notifications';

/** One notification: unread dot, the message, when, and a mark-as-read button while unread. */
export function NotificationItem({
  notification,
  onMarkRead,
  busy = false,
}: {
  notification: Notification;
  onMarkRead: (id: string) => void;
  busy?: boolean;
}) {
  const { t } = useTranslation();
  const unread = !notification.readAt;
  return (
    <div
      data-testid="notification-item"
      data-unread={unread ? 'true' : 'false'}
      style={{ display: 'flex', gap: 8, alignItems: 'flex-start', width: '100%' }}
    >
      <Badge status={unread ? 'processing' : 'default'} style={{ flex: 'none', paddingTop: 2 }} />
      <div style={{ flex: 1, minWidth: 0 }}>
        <Typography.Paragraph strong={unread} style={{ marginBottom: 2, overflowWrap: 'anywhere' }}>
          {notification.message}
        </Typography.Paragraph>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {dayjs(notification.createdAt).format('YYYY-MM-DD HH:mm')}
        </Typography.Text>
      </div>
      {unread && (
        <Button
          size="small"
          type="link"
          loading={busy}
          onClick={() => onMarkRead(notification.id)}
          data-testid="notification-mark-read"
          style={{ flex: 'none', paddingInline: 0 }}
        >
          {t('notifications.markRead')}
        </Button>
      )}
    </div>
  );
}
