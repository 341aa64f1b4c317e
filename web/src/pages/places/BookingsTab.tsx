import { Alert, Button, DatePicker, Grid, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClasses } from '../../api/institutions';
import {
  BOOKING_STATUSES,
  type Booking,
  type BookingFilters,
  servicesOfKind,
  useInstitutionBookings,
} from '../../api/places';
import type { Institution } from '../../api/types';
import { formatDateTime } from '../../lib/format';
import { CancelBookingModal } from './CancelBookingModal';
import { DAY_FORMAT } from './calendar-range';
import {
  BOOKING_STATUS_COLORS,
  bookingStatusLabel,
  dayRange,
  formatYuan,
  serviceLabel,
  timeRange,
} from './places-labels';

const ACTIVE = new Set(['confirmed', 'held']);

/** Filters and the table of the institution's bookings, with a cancel that needs a reason. */
export function BookingsTab({ institution }: { institution: Institution }) {
  const { t } = useTranslation();
  const wide = Grid.useBreakpoint().md !== false;
  const services = servicesOfKind(institution.kind);
  const classes = useClasses(institution.id);
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(() => [
    dayjs(),
    dayjs().add(30, 'day'),
  ]);
  const [filters, setFilters] = useState<Omit<BookingFilters, 'from' | 'to'>>({});
  const query: BookingFilters = {
    ...filters,
    from: range?.[0]?.format(DAY_FORMAT),
    to: range?.[1]?.format(DAY_FORMAT),
  };
  const bookings = useInstitutionBookings(institution.id, query);
  const [cancelling, setCancelling] = useState<Booking | null>(null);

  const columns: ColumnsType<Booking> = [
    {
      title: t('places.bookings.member'),
      dataIndex: 'memberName',
      width: 110,
      fixed: wide ? 'left' : undefined,
    },
    {
      title: t('places.bookings.form'),
      key: 'form',
      width: 170,
      render: (_, b) => (
        <Space orientation="vertical" size={0}>
          <span>{b.formName}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {b.className ?? serviceLabel(t, b.service)}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t('places.bookings.days'),
      key: 'days',
      width: 210,
      render: (_, b) => (
        <Space orientation="vertical" size={0}>
          <span>{dayRange(b.firstDay, b.lastDay)}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('places.bookings.dayCount', { count: b.days })}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t('places.bookings.times'),
      key: 'times',
      width: 110,
      render: (_, b) => timeRange(b.startsAt, b.endsAt),
    },
    {
      title: t('places.bookings.status'),
      dataIndex: 'status',
      width: 150,
      render: (status: string, b) => (
        <Space orientation="vertical" size={0}>
          <Tag color={BOOKING_STATUS_COLORS[status] ?? 'default'}>{bookingStatusLabel(t, status)}</Tag>
          {status === 'held' && b.holdExpiresAt && (
            <Typography.Text type="warning" style={{ fontSize: 12 }}>
              {t('places.bookings.holdUntil', { at: formatDateTime(b.holdExpiresAt) })}
            </Typography.Text>
          )}
          {status === 'cancelled' && b.cancelReason && (
            <Tooltip title={b.cancelReason}>
              <Typography.Text type="secondary" style={{ fontSize: 12, maxWidth: 140 }} ellipsis>
                {b.cancelReason}
              </Typography.Text>
            </Tooltip>
          )}
        </Space>
      ),
    },
    {
      title: t('places.bookings.due'),
      key: 'due',
      width: 120,
      render: (_, b) => (
        <Tooltip
          title={
            b.subsidy > 0
              ? t('places.offers.priceLessSubsidy', {
                  price: formatYuan(b.price),
                  subsidy: formatYuan(b.subsidy),
                })
              : undefined
          }
        >
          <span>{formatYuan(b.due)}</span>
        </Tooltip>
      ),
    },
    {
      title: t('places.bookings.createdAt'),
      dataIndex: 'createdAt',
      width: 160,
      render: (v: string) => formatDateTime(v),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 100,
      fixed: wide ? 'right' : undefined,
      render: (_, b) =>
        ACTIVE.has(b.status) && (
          <Button
            type="link"
            size="small"
            danger
            onClick={() => setCancelling(b)}
            data-testid="booking-cancel"
          >
            {t('places.bookings.cancel')}
          </Button>
        ),
    },
  ];

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Space wrap>
        <DatePicker.RangePicker
          value={range}
          onChange={(value) => setRange(value)}
          allowEmpty={[true, true]}
          data-testid="bookings-range"
        />
        <Select
          allowClear
          style={{ width: 140 }}
          placeholder={t('places.bookings.service')}
          value={filters.service}
          onChange={(service?: string) => setFilters((f) => ({ ...f, service }))}
          options={services.map((s) => ({ value: s, label: serviceLabel(t, s) }))}
          data-testid="bookings-service"
        />
        <Select
          allowClear
          style={{ width: 130 }}
          placeholder={t('places.bookings.status')}
          value={filters.status}
          onChange={(status?: string) => setFilters((f) => ({ ...f, status }))}
          options={BOOKING_STATUSES.map((s) => ({ value: s, label: bookingStatusLabel(t, s) }))}
          data-testid="bookings-status"
        />
        {services.includes('childcare') && (
          <Select
            allowClear
            style={{ width: 150 }}
            placeholder={t('places.bookings.class')}
            value={filters.classId}
            onChange={(classId?: string) => setFilters((f) => ({ ...f, classId }))}
            options={(classes.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
            data-testid="bookings-class"
          />
        )}
      </Space>
      {bookings.isError && <Alert type="error" showIcon title={bookings.error.message} />}
      <div data-testid="bookings-table">
        <Table<Booking>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={bookings.data ?? []}
          loading={bookings.isFetching}
          scroll={{ x: 1130 }}
          pagination={{
            pageSize: 50,
            hideOnSinglePage: true,
            showTotal: (total) => t('common.total', { count: total }),
          }}
          locale={{ emptyText: t('places.bookings.empty') }}
          onRow={(b) =>
            ({
              'data-testid': 'booking-row',
              'data-booking-id': b.id,
              'data-status': b.status,
            }) as React.HTMLAttributes<HTMLElement>
          }
        />
      </div>
      {cancelling && (
        <CancelBookingModal
          institutionId={institution.id}
          booking={cancelling}
          onClose={() => setCancelling(null)}
        />
      )}
    </Space>
  );
}
