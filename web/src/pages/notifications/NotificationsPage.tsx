import { Alert, App, Button, Card, Empty, List, Segmented, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type Notification,
  type NotificationFilters,
  useMarkAllRead,
  useMarkRead,
  useNotifications,
} from '../../api/notifications';
import { NotificationItem } from '../../components/NotificationItem';

/** Every notification of the signed-in account, all or unread only, a page at a time. */
export default function NotificationsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [filters, setFilters] = useState<NotificationFilters>({ page: 1, pageSize: 20 });
  const list = useNotifications(filters);
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const unread = list.data?.unread ?? 0;

  return (
    <Card
      title={
        <Space wrap>
          {t('notifications.title')}
          <Typography.Text
            type="secondary"
            style={{ fontWeight: 'normal' }}
            data-testid="notifications-unread"
          >
            {t('notifications.unreadCount', { count: unread })}
          </Typography.Text>
        </Space>
      }
      extra={
        <Button
          disabled={unread === 0}
          loading={markAll.isPending}
          data-testid="notifications-mark-all"
          onClick={() =>
            markAll.mutate(undefined, {
              onSuccess: (r) => message.success(t('notifications.markedAll', { count: r.updated })),
              onError: (e) => message.error(e.message),
            })
          }
        >
          {t('notifications.markAllRead')}
        </Button>
      }
      styles={{ body: { paddingTop: 12 } }}
    >
      <Segmented
        value={filters.unread ? 'unread' : 'all'}
        options={[
          { value: 'all', label: t('notifications.filterAll') },
          { value: 'unread', label: t('notifications.filterUnread') },
        ]}
        onChange={(value) => setFilters((f) => ({ ...f, page: 1, unread: value === 'unread' }))}
        style={{ marginBottom: 12 }}
        data-testid="notifications-filter"
      />
      {list.isError && (
        <Alert type="error" showIcon title={list.error.message} style={{ marginBottom: 12 }} />
      )}
      <List<Notification>
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        locale={{
          emptyText: (
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description={filters.unread ? t('notifications.emptyUnread') : t('notifications.empty')}
            />
          ),
        }}
        pagination={
          (list.data?.total ?? 0) > filters.pageSize
            ? {
                current: filters.page,
                pageSize: filters.pageSize,
                total: list.data?.total ?? 0,
                showSizeChanger: false,
                size: 'small',
                onChange: (page) => setFilters((f) => ({ ...f, page })),
              }
            : false
        }
        renderItem={(n) => (
          <List.Item>
            <NotificationItem
              notification={n}
              busy={markRead.isPending && markRead.variables === n.id}
              onMarkRead={(id) => markRead.mutate(id, { onError: (e) => message.error(e.message) })}
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
