import { EnvironmentOutlined, PhoneOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ServiceOrder } from '../../api/homecare';
import { chinaClock, OrderStatusTag, VisitStatusTag } from './labels';

/** Minutes and seconds since an instant, ticking every second. */
function Elapsed({ since }: { since: string }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  const seconds = Math.max(0, Math.floor((now - Date.parse(since)) / 1000));
  const mm = String(Math.floor(seconds / 60)).padStart(2, '0');
  const ss = String(seconds % 60).padStart(2, '0');
  return (
    <Typography.Text
      strong
      style={{ fontSize: 28, fontVariantNumeric: 'tabular-nums' }}
      data-testid="visit-timer"
    >
      {mm}:{ss}
    </Typography.Text>
  );
}

/** One order of the caregiver's day: who, what, where; check in, the running timer, check out, the result. */
export function VisitCard({
  order,
  busy,
  onCheckIn,
  onCheckOut,
}: {
  order: ServiceOrder;
  busy: boolean;
  onCheckIn: () => void;
  onCheckOut: (visitId: string) => void;
}) {
  const { t } = useTranslation();
  const visit = order.visit;
  const open = visit?.status === 'open';
  return (
    <Card
      size="small"
      data-testid="visit-card"
      data-order-id={order.id}
      data-status={visit?.status ?? order.status}
    >
      <Space orientation="vertical" size={6} style={{ width: '100%' }}>
        <div style={{ display: 'flex', alignItems: 'center', gap: 8, flexWrap: 'wrap' }}>
          <Typography.Text strong style={{ fontSize: 16 }}>
            {order.person.name}
          </Typography.Text>
          <Typography.Text type="secondary">{t('homecare.age', { count: order.person.age })}</Typography.Text>
          <span style={{ flex: 1 }} />
          {visit ? (
            <VisitStatusTag t={t} status={visit.status} />
          ) : (
            <OrderStatusTag t={t} status={order.status} />
          )}
        </div>
        <div>
          <Tag color="blue">{order.item.name}</Tag> {order.scheduledOn} {order.startsAt ?? ''} ·{' '}
          {t('homecare.minutes', { count: order.durationMinutes })}
        </div>
        {order.person.address && (
          <Typography.Text type="secondary">
            <EnvironmentOutlined /> {order.person.address}
          </Typography.Text>
        )}
        {order.person.phone && (
          <Typography.Text type="secondary">
            <PhoneOutlined /> {order.person.phone}
          </Typography.Text>
        )}
        {!order.person.homeKnown && <Alert type="warning" showIcon title={t('homecare.homeUnknown')} />}
        {order.notes && <Typography.Text italic>{order.notes}</Typography.Text>}
        {order.status === 'assigned' && !visit && (
          <Button type="primary" size="large" block loading={busy} onClick={onCheckIn} data-testid="check-in">
            {t('homecare.checkIn')}
          </Button>
        )}
        {visit && open && (
          <Space orientation="vertical" align="center" style={{ width: '100%' }}>
            <Typography.Text type="secondary">
              {t('homecare.checkedInAt', { time: chinaClock(visit.checkIn.at) })}
              {visit.checkIn.distanceM !== null &&
                ` · ${t('homecare.distance', { metres: visit.checkIn.distanceM })}`}
            </Typography.Text>
            <Elapsed since={visit.checkIn.at} />
            <Button
              type="primary"
              danger
              size="large"
              block
              loading={busy}
              onClick={() => onCheckOut(visit.id)}
              data-testid="check-out"
            >
              {t('homecare.checkOut')}
            </Button>
          </Space>
        )}
        {visit && !open && (
          <>
            <Typography.Text type="secondary" data-testid="visit-summary">
              {chinaClock(visit.checkIn.at)}–{chinaClock(visit.checkOut?.at)} ·{' '}
              {t('homecare.minutes', { count: visit.minutes ?? 0 })}
            </Typography.Text>
            {visit.exceptions.length > 0 ? (
              <Alert
                type="error"
                showIcon
                data-testid="visit-exceptions"
                title={t('homecare.exceptionsTitle')}
                description={
                  <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                    {visit.exceptions.map((e) => (
                      <li key={e.code} data-testid="visit-exception" data-code={e.code}>
                        {e.message}
                      </li>
                    ))}
                  </ul>
                }
              />
            ) : (
              <Alert
                type="success"
                showIcon
                title={visit.verified ? t('homecare.verifiedNote') : t('homecare.awaitingConfirmation')}
              />
            )}
          </>
        )}
      </Space>
    </Card>
  );
}
