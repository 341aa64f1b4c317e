import { BellOutlined } from '@ant-design/icons';
import { Alert, Badge, Button, Empty, List, Popover, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { type Notification, useMarkAllRead, useMarkRead, useRecentNotifications } from '../api/notifications';
import { NotificationItem } from './NotificationItem';

/** The top-bar bell: unread count (polled every 30 s) and the newest notifications in a popover. */
export function NotificationBell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const recent = useRecentNotifications();
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const unread = recent.data?.unread ?? 0;

  const content = (
    <div style={{ width: 'min(360px, calc(100vw - 32px))' }} data-testid="notification-popover">
      <div style={{ display: 'flex', alignItems: 'center', marginBottom: 8 }}>
        <Typography.Text strong style={{ flex: 1 }}>
          {t('notifications.title')}
        </Typography.Text>
        <Button
          size="small"
          type="link"
          disabled={unread === 0}
          loading={markAll.isPending}
          onClick={() => markAll.mutate()}
          data-testid="notification-mark-all"
        >
          {t('notifications.markAllRead')}
        </Button>
      </div>
      {recent.isError && <Alert type="error" showIcon title={recent.error.message} />}
      {recent.isPending ? (
        <Spin style={{ display: 'block', margin: '16px auto' }} />
      ) : (recent.data?.items.length ?? 0) === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.empty')} />
      ) : (
        <List<Notification>
          size="small"
          dataSource={recent.data?.items ?? []}
          style={{ maxHeight: 360, overflowY: 'auto' }}
          renderItem={(n) => (
            <List.Item style={{ paddingInline: 0 }}>
              <NotificationItem
                notification={n}
                onMarkRead={(id) => markRead.mutate(id)}
                busy={markRead.isPending && markRead.variables === n.id}
              />
            </List.Item>
          )}
        />
      )}
      <Button
        block
        type="text"
        style={{ marginTop: 8 }}
        onClick={() => {
          setOpen(false);
          navigate('/notifications');
        }}
        data-testid="notification-view-all"
      >
        {t('notifications.viewAll')}
      </Button>
    </div>
  );

  return (
    <Popover content={content} trigger="click" placement="bottomRight" open={open} onOpenChange={setOpen}>
      <Button
        type="text"
        data-testid="notification-bell"
        data-unread={unread}
        aria-label={t('notifications.bellAria', { count: unread })}
        title={t('notifications.bellAria', { count: unread })}
      >
        <Badge count={unread} size="small" overflowCount={99}>
          <BellOutlined style={{ fontSize: 18 }} />
        </Badge>
      </Button>
    </Popover>
  );
}
