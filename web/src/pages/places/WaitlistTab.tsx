import { Alert, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  servicesOfKind,
  useInstitutionWaitlist,
  WAITLIST_STATUSES,
  type WaitlistEntry,
  type WaitlistFilters,
} from '../../api/places';
import type { Institution } from '../../api/types';
import { formatDateTime } from '../../lib/format';
import {
  dayRange,
  serviceLabel,
  timeRange,
  WAITLIST_STATUS_COLORS,
  waitlistStatusLabel,
} from './places-labels';

/** The institution's waitlist in line order: who waits for what, and places held until when. */
export function WaitlistTab({ institution }: { institution: Institution }) {
  const { t } = useTranslation();
  const services = servicesOfKind(institution.kind);
  const [filters, setFilters] = useState<WaitlistFilters>({});
  const waitlist = useInstitutionWaitlist(institution.id, filters);

  const columns: ColumnsType<WaitlistEntry> = [
    {
      title: t('places.waitlist.line'),
      key: 'line',
      width: 80,
      render: (_, e) =>
        e.status === 'waiting' ? (
          <Typography.Text strong data-testid="waitlist-position">
            {e.position}
          </Typography.Text>
        ) : (
          '—'
        ),
    },
    { title: t('places.bookings.member'), dataIndex: 'memberName', width: 110 },
    {
      title: t('places.bookings.form'),
      key: 'form',
      width: 170,
      render: (_, e) => (
        <Space orientation="vertical" size={0}>
          <span>{e.formName}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {e.className ?? serviceLabel(t, e.service)}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t('places.bookings.days'),
      key: 'days',
      width: 200,
      render: (_, e) => dayRange(e.firstDay, e.lastDay),
    },
    {
      title: t('places.bookings.times'),
      key: 'times',
      width: 110,
      render: (_, e) => timeRange(e.startsAt, e.endsAt),
    },
    {
      title: t('places.bookings.status'),
      dataIndex: 'status',
      width: 110,
      render: (status: string) => (
        <Tag color={WAITLIST_STATUS_COLORS[status] ?? 'default'}>{waitlistStatusLabel(t, status)}</Tag>
      ),
    },
    {
      title: t('places.waitlist.holdDeadline'),
      dataIndex: 'expiresAt',
      width: 170,
      render: (v: string | null, e) => {
        if (!v || e.status !== 'offered') return '—';
        const late = dayjs(v).isBefore(dayjs());
        return (
          <Typography.Text type={late ? 'danger' : 'warning'} data-testid="waitlist-hold-deadline">
            {formatDateTime(v)}
          </Typography.Text>
        );
      },
    },
    {
      title: t('places.waitlist.joinedAt'),
      dataIndex: 'createdAt',
      width: 170,
      render: (v: string) => formatDateTime(v),
    },
  ];

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Space wrap>
        <Select
          allowClear
          style={{ width: 140 }}
          placeholder={t('places.bookings.service')}
          value={filters.service}
          onChange={(service?: string) => setFilters((f) => ({ ...f, service }))}
          options={services.map((s) => ({ value: s, label: serviceLabel(t, s) }))}
          data-testid="waitlist-service"
        />
        <Select
          allowClear
          style={{ width: 130 }}
          placeholder={t('places.bookings.status')}
          value={filters.status}
          onChange={(status?: string) => setFilters((f) => ({ ...f, status }))}
          options={WAITLIST_STATUSES.map((s) => ({ value: s, label: waitlistStatusLabel(t, s) }))}
          data-testid="waitlist-status"
        />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('places.waitlist.hint')}
        </Typography.Text>
      </Space>
      {waitlist.isError && <Alert type="error" showIcon title={waitlist.error.message} />}
      <div data-testid="waitlist-table">
        <Table<WaitlistEntry>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={waitlist.data ?? []}
          loading={waitlist.isFetching}
          scroll={{ x: 1120 }}
          pagination={{
            pageSize: 50,
            hideOnSinglePage: true,
            showTotal: (total) => t('common.total', { count: total }),
          }}
          locale={{ emptyText: t('places.waitlist.empty') }}
          onRow={(e) =>
            ({
              'data-testid': 'waitlist-row',
              'data-entry-id': e.id,
              'data-status': e.status,
              'data-position': e.position,
            }) as React.HTMLAttributes<HTMLElement>
          }
        />
      </div>
    </Space>
  );
}
