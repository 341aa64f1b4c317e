import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Drawer, Grid, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type CalendarDay, type Offer, useOffers, usePatchOffer } from '../../api/places';
import { ratioHint } from './DayCell';
import { OfferCapacityEditor } from './OfferCapacityEditor';
import { byFormOrder, formatYuan, timeRange } from './places-labels';

/**
 * One day's offers: capacity, taken, free, waiting; the capacity can be changed (not below the
 * places taken: the server answers 409 offer.capacity_below_taken) and an offer closed or reopened.
 */
export function DayOffersDrawer({
  institutionId,
  day,
  calendarDay,
  onPublish,
  onClose,
}: {
  institutionId: string;
  day: string;
  calendarDay: CalendarDay | undefined;
  /** Open the publish drawer starting on this day. */
  onPublish?: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const screens = Grid.useBreakpoint();
  const offers = useOffers(institutionId, { from: day, to: day });
  const change = usePatchOffer(institutionId);
  const saving = change.isPending ? change.variables?.offerId : undefined;

  const save = (offerId: string, body: { capacity?: number; status?: 'open' | 'closed' }) =>
    change.mutate({ offerId, ...body }, { onSuccess: () => message.success(t('places.offers.saved')) });

  const columns: ColumnsType<Offer> = [
    {
      title: t('places.offers.offer'),
      key: 'offer',
      width: 170,
      render: (_, o) => (
        <Space orientation="vertical" size={0}>
          <span>{o.title ? `${o.formName} · ${o.title}` : o.formName}</span>
          {o.className && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {o.className}
            </Typography.Text>
          )}
          {dishesOf(o).length > 0 && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="offer-dishes">
              {dishesOf(o).join('、')}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    {
      title: t('places.offers.time'),
      key: 'time',
      width: 110,
      render: (_, o) => timeRange(o.startsAt, o.endsAt),
    },
    {
      title: t('places.offers.capacity'),
      key: 'capacity',
      width: 150,
      render: (_, o) => (
        <OfferCapacityEditor
          key={`${o.id}-${o.capacity}`}
          offer={o}
          saving={saving === o.id}
          onSave={(capacity) => save(o.id, { capacity })}
        />
      ),
    },
    { title: t('places.offers.taken'), dataIndex: 'taken', width: 64 },
    {
      title: t('places.offers.free'),
      dataIndex: 'free',
      width: 64,
      render: (v: number) => <Typography.Text type={v === 0 ? 'danger' : undefined}>{v}</Typography.Text>,
    },
    {
      title: t('places.offers.waiting'),
      dataIndex: 'waiting',
      width: 64,
      render: (v: number) => (v > 0 ? <Tag color="gold">{v}</Tag> : v),
    },
    {
      title: t('places.offers.due'),
      key: 'due',
      width: 110,
      render: (_, o) => (
        <Space orientation="vertical" size={0}>
          <span>{formatYuan(o.due)}</span>
          {o.subsidy > 0 && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('places.offers.priceLessSubsidy', {
                price: formatYuan(o.price),
                subsidy: formatYuan(o.subsidy),
              })}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    {
      title: t('places.offers.status'),
      dataIndex: 'status',
      width: 120,
      render: (status: string, o) => (
        <Space size={4}>
          <Tag color={status === 'open' ? 'green' : 'default'}>
            {t(`places.offerStatus.${status}`, { defaultValue: status })}
          </Tag>
          <Button
            size="small"
            type="link"
            loading={saving === o.id && change.variables?.status !== undefined}
            onClick={() => save(o.id, { status: status === 'open' ? 'closed' : 'open' })}
            data-testid="offer-toggle"
          >
            {status === 'open' ? t('places.offers.close') : t('places.offers.reopen')}
          </Button>
        </Space>
      ),
    },
  ];

  // Class by class, then form and time, so a class's slots read together.
  const sorted = [...(offers.data ?? [])].sort(
    (a, b) =>
      (a.className ?? '').localeCompare(b.className ?? '', 'zh-CN') ||
      byFormOrder(a.form, b.form) ||
      a.startsAt.localeCompare(b.startsAt),
  );
  const shortClasses = calendarDay?.classes.filter((c) => c.outOfRatio) ?? [];

  return (
    <Drawer
      open
      onClose={onClose}
      title={t('places.offers.title', { day })}
      size={screens.md ? 960 : '100%'}
      data-testid="offers-drawer"
      extra={
        onPublish && (
          <Button icon={<PlusOutlined />} onClick={onPublish} data-testid="offers-publish">
            {t('places.offers.publishFromDay')}
          </Button>
        )
      }
    >
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        {calendarDay && !calendarDay.careDay && (
          <Alert type="info" showIcon title={t('places.restDayHint')} />
        )}
        {shortClasses.map((cls) => (
          <Alert
            key={cls.classId}
            type="error"
            showIcon
            data-testid="offers-ratio-alert"
            title={ratioHint(t, cls)}
            action={
              <Link to={`/institution/rosters?day=${day}`} data-testid="offers-roster-link">
                {t('places.rosterMore')}
              </Link>
            }
          />
        ))}
        {change.isError && (
          <Alert
            type="error"
            showIcon
            closable={{ onClose: () => change.reset() }}
            title={change.error.message}
            data-testid="offer-error"
            data-code={change.error.code}
          />
        )}
        {offers.isError && <Alert type="error" showIcon title={offers.error.message} />}
        <Table<Offer>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={sorted}
          loading={offers.isFetching}
          pagination={false}
          scroll={{ x: 860 }}
          locale={{ emptyText: t('places.offers.empty') }}
          onRow={(o) =>
            ({
              'data-testid': 'offer-row',
              'data-offer-id': o.id,
              'data-form': o.form,
              'data-status': o.status,
              'data-capacity': o.capacity,
              'data-taken': o.taken,
            }) as React.HTMLAttributes<HTMLElement>
          }
        />
      </Space>
    </Drawer>
  );
}

/** A meal's dishes as published (details.dishes). */
function dishesOf(offer: Offer): string[] {
  const dishes = offer.details.dishes;
  return Array.isArray(dishes) ? dishes.filter((d): d is string => typeof d === 'string') : [];
}
