import { Alert, Card, Grid, Select, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type OrderFilters, type ServiceOrder, useOrders } from '../../api/homecare';
import { useSession } from '../../api/queries';
import ErrorPage from '../errors/ErrorPage';
import { money, ORDER_STATUS_COLORS, OrderStatusTag, VisitStatusTag } from './labels';
import { type Abilities, OrderActions } from './OrderActions';
import { OrderForm } from './OrderForm';

/**
 * Orders: officials place them (and community workers confirm visits), providers assign their
 * caregivers and explain exceptions. One list, scoped by the server.
 */
export default function CareOrdersPage() {
  const { t } = useTranslation();
  const { can, account } = useSession();
  const wide = Grid.useBreakpoint().md !== false;
  const abilities: Abilities = {
    provider: can('homecare.provide') && !!account.institutionId,
    orders: can('homecare.order'),
    confirms: account.role === 'community_worker' || account.role === 'resident',
  };
  const [filters, setFilters] = useState<OrderFilters>({ page: 1, pageSize: 20 });
  const list = useOrders(filters);
  if (!abilities.provider && !abilities.orders) return <ErrorPage status={403} />;

  const columns: ColumnsType<ServiceOrder> = [
    {
      title: t('homecare.day'),
      key: 'day',
      width: 130,
      fixed: wide ? 'left' : undefined,
      render: (_, o) => `${o.scheduledOn} ${o.startsAt ?? ''}`,
    },
    {
      title: t('homecare.person'),
      key: 'person',
      width: 110,
      fixed: wide ? 'left' : undefined,
      render: (_, o) => o.person.name,
    },
    { title: t('homecare.item'), key: 'item', width: 140, render: (_, o) => o.item.name },
    { title: t('homecare.provider'), dataIndex: 'providerName', width: 180 },
    { title: t('homecare.caregiver'), dataIndex: 'caregiverName', width: 100, render: (v) => v ?? '—' },
    {
      title: t('homecare.status'),
      key: 'status',
      width: 120,
      render: (_, o) => (
        <Space orientation="vertical" size={2}>
          <OrderStatusTag t={t} status={o.status} />
          {o.visit && o.visit.status !== o.status && <VisitStatusTag t={t} status={o.visit.status} />}
        </Space>
      ),
    },
    {
      title: t('homecare.verification'),
      key: 'visit',
      width: 220,
      render: (_, o) =>
        o.visit ? (
          <Space orientation="vertical" size={0}>
            {o.visit.exceptions.map((e) => (
              <Typography.Text key={e.code} type="danger" data-testid="order-exception" data-code={e.code}>
                {e.message}
              </Typography.Text>
            ))}
            {o.visit.exceptionReason && (
              <Typography.Text type="secondary">
                {t('homecare.reason')}：{o.visit.exceptionReason}
              </Typography.Text>
            )}
            {o.visit.rating !== null && (
              <Typography.Text>{t('homecare.rated', { rating: o.visit.rating })}</Typography.Text>
            )}
          </Space>
        ) : (
          '—'
        ),
    },
    {
      title: t('homecare.priceSplit'),
      key: 'money',
      width: 150,
      render: (_, o) =>
        o.subsidy === null
          ? money(o.price)
          : t('homecare.split', { subsidy: money(o.subsidy), own: money(o.own) }),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 260,
      fixed: wide ? 'right' : undefined,
      render: (_, o) => <OrderActions order={o} can={abilities} />,
    },
  ];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('homecare.ordersTitle')}
      </Typography.Title>
      {abilities.orders && <OrderForm />}
      <Card size="small">
        <Space wrap style={{ marginBottom: 12 }}>
          <Select
            allowClear
            placeholder={t('homecare.status')}
            style={{ width: 160 }}
            value={filters.status}
            onChange={(status?: string) => setFilters((f) => ({ ...f, status, page: 1 }))}
            options={Object.keys(ORDER_STATUS_COLORS).map((s) => ({
              value: s,
              label: t(`homecare.orderStatus.${s}`),
            }))}
            data-testid="orders-status-filter"
          />
        </Space>
        {list.isError && (
          <Alert type="error" showIcon title={list.error.message} style={{ marginBottom: 12 }} />
        )}
        <Table<ServiceOrder>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isFetching}
          scroll={{ x: 1300 }}
          onRow={(o) =>
            ({ 'data-testid': 'order-row', 'data-status': o.status, 'data-order-id': o.id }) as object
          }
          pagination={{
            current: filters.page,
            pageSize: filters.pageSize,
            total: list.data?.total ?? 0,
            showTotal: (total) => t('common.total', { count: total }),
            onChange: (page, pageSize) => setFilters((f) => ({ ...f, page, pageSize })),
          }}
        />
      </Card>
    </Space>
  );
}
