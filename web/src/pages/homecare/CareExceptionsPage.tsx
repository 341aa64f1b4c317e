import { Alert, App, Button, Card, Grid, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ServiceOrder, useOrderActions, useVisitQueue } from '../../api/homecare';
import { chinaClock } from './labels';

/** Civil affairs' review queue: visits that failed verification, with the provider's reason; approve or reject. */
export default function CareExceptionsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const wide = Grid.useBreakpoint().md !== false;
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const queue = useVisitQueue({ status: 'exception', ...page });
  const { review } = useOrderActions();
  const [rejecting, setRejecting] = useState<ServiceOrder | null>(null);
  const [note, setNote] = useState('');

  const decide = (order: ServiceOrder, decision: 'approve' | 'reject', text?: string) =>
    review.mutate(
      { visitId: order.visit!.id, decision, note: text },
      {
        onSuccess: () => {
          message.success(t(decision === 'approve' ? 'homecare.approved' : 'homecare.rejected'));
          setRejecting(null);
          setNote('');
        },
        onError: (error) => message.error(error.message),
      },
    );

  const columns: ColumnsType<ServiceOrder> = [
    {
      title: t('homecare.day'),
      key: 'day',
      width: 150,
      render: (_, o) =>
        `${o.visit!.day} ${chinaClock(o.visit!.checkIn.at)}–${chinaClock(o.visit!.checkOut?.at)}`,
    },
    { title: t('homecare.person'), key: 'person', width: 100, render: (_, o) => o.person.name },
    { title: t('homecare.item'), key: 'item', width: 130, render: (_, o) => o.item.name },
    { title: t('homecare.provider'), dataIndex: 'providerName', width: 170 },
    {
      title: t('homecare.caregiver'),
      key: 'caregiver',
      width: 100,
      render: (_, o) => o.visit!.caregiverName ?? '—',
    },
    {
      title: t('homecare.exceptions'),
      key: 'exceptions',
      width: 260,
      render: (_, o) => (
        <Space orientation="vertical" size={0}>
          {o.visit!.exceptions.map((e) => (
            <Typography.Text key={e.code} type="danger" data-code={e.code}>
              {e.message}
            </Typography.Text>
          ))}
        </Space>
      ),
    },
    {
      title: t('homecare.reason'),
      key: 'reason',
      width: 200,
      render: (_, o) => o.visit!.exceptionReason ?? <Tag>{t('homecare.awaitingReason')}</Tag>,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 170,
      fixed: wide ? 'right' : undefined,
      render: (_, o) => (
        <Space size={4}>
          <Button
            size="small"
            type="primary"
            disabled={!o.visit!.exceptionReason}
            loading={review.isPending && review.variables?.visitId === o.visit!.id}
            onClick={() => decide(o, 'approve')}
            data-testid="approve-visit"
          >
            {t('homecare.approve')}
          </Button>
          <Button size="small" danger onClick={() => setRejecting(o)} data-testid="reject-visit">
            {t('homecare.reject')}
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('homecare.exceptionsPageTitle')}
      </Typography.Title>
      <Card size="small">
        {queue.isError && (
          <Alert type="error" showIcon title={queue.error.message} style={{ marginBottom: 12 }} />
        )}
        <Table<ServiceOrder>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={queue.data?.items ?? []}
          loading={queue.isFetching}
          scroll={{ x: 1300 }}
          onRow={(o) => ({ 'data-testid': 'exception-row', 'data-visit-id': o.visit?.id }) as object}
          pagination={{
            current: page.page,
            pageSize: page.pageSize,
            total: queue.data?.total ?? 0,
            showTotal: (total) => t('common.total', { count: total }),
            onChange: (p, pageSize) => setPage({ page: p, pageSize }),
          }}
        />
      </Card>
      <Modal
        open={!!rejecting}
        title={t('homecare.rejectTitle')}
        onCancel={() => setRejecting(null)}
        okText={t('homecare.reject')}
        okButtonProps={{ danger: true, loading: review.isPending, 'data-testid': 'reject-submit' }}
        onOk={() => rejecting && decide(rejecting, 'reject', note)}
        destroyOnHidden
      >
        <Input.TextArea
          rows={3}
          maxLength={1000}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          placeholder={t('homecare.notePlaceholder')}
          data-testid="reject-note"
        />
      </Modal>
    </Space>
  );
}
