import { Button, Card, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ExpectedChild, HealthCheck } from '../../api/attendance';
import { chinaClock } from './time';

export type ChildAction = 'in' | 'out' | 'morning' | 'midday';

function CheckTag({ label, check }: { label: string; check: HealthCheck | null }) {
  const { t } = useTranslation();
  if (!check) return <Tag>{t('attendance.checkMissing', { check: label })}</Tag>;
  return (
    <Tag color={check.result === 'normal' ? 'green' : 'red'} data-testid="health-check-tag">
      {label} {check.temperature.toFixed(1)}℃ {t(`attendance.${check.result}`)}
      {check.findings ? `：${check.findings}` : ''}
    </Tag>
  );
}

/** One expected child: where they are in their day, and the next things to record. */
export function ChildCard({
  child,
  isToday,
  onAction,
}: {
  child: ExpectedChild;
  isToday: boolean;
  onAction: (action: ChildAction) => void;
}) {
  const { t } = useTranslation();
  const r = child.record;
  const state = !r?.checkedInAt ? 'expected' : r.checkedOutAt ? 'out' : 'in';
  const colors = { expected: 'default', in: 'blue', out: 'purple' } as const;
  const times = child.bookings.map((b) => `${b.startsAt}–${b.endsAt}`).join('、');
  return (
    <Card size="small" data-testid="attendance-child" data-state={state}>
      <Space orientation="vertical" size={6} style={{ width: '100%' }}>
        <div style={{ display: 'flex', alignItems: 'center', gap: 8, flexWrap: 'wrap' }}>
          <Typography.Text strong style={{ fontSize: 16 }}>
            {child.name}
          </Typography.Text>
          <Typography.Text type="secondary">
            {t('attendance.ageMonths', { n: child.ageMonths })} · {child.className}
          </Typography.Text>
          <div style={{ flex: 1 }} />
          <Tag color={colors[state]}>{t(`attendance.state.${state}`)}</Tag>
        </div>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {times ? t('attendance.booked', { times }) : t('attendance.noBooking')}
        </Typography.Text>
        {r?.checkedInAt && (
          <Typography.Text style={{ fontSize: 13 }}>
            {t('attendance.inBy', { at: chinaClock(r.checkedInAt), by: r.droppedOffBy?.name ?? '—' })}
            {r.checkedOutAt &&
              ` · ${t('attendance.outBy', { at: chinaClock(r.checkedOutAt), by: r.pickedUpBy?.name ?? '—' })}`}
          </Typography.Text>
        )}
        {r?.checkedInAt && (
          <Space size={4} wrap>
            <CheckTag label={t('attendance.check.morning')} check={r.morningCheck} />
            <CheckTag label={t('attendance.check.midday')} check={r.middayCheck} />
          </Space>
        )}
        {isToday && (
          <Space wrap>
            {state === 'expected' && child.bookings.length > 0 && (
              <Button type="primary" onClick={() => onAction('in')} data-testid="attendance-check-in">
                {t('attendance.checkIn')}
              </Button>
            )}
            {state === 'in' && (
              <>
                <Button onClick={() => onAction('morning')} data-testid="attendance-morning">
                  {t('attendance.check.morning')}
                </Button>
                <Button onClick={() => onAction('midday')} data-testid="attendance-midday">
                  {t('attendance.check.midday')}
                </Button>
                <Button type="primary" onClick={() => onAction('out')} data-testid="attendance-check-out">
                  {t('attendance.checkOut')}
                </Button>
              </>
            )}
          </Space>
        )}
      </Space>
    </Card>
  );
}
