import { Alert, App, Card, Empty, Input, InputNumber, Space, Switch, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Stamp, useMyDay, useOrderActions } from '../../api/homecare';
import { PageLoading } from '../../components/PageLoading';
import { chinaToday } from './labels';
import { currentPosition } from './locate';
import { VisitCard } from './VisitCard';

/**
 * The caregiver's phone page: today's visits, check-in at the home (the phone's location, or a
 * typed-in one behind "手动定位" for testing), the running timer, check-out and what verification
 * found.
 */
export default function CareVisitsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const day = chinaToday();
  const list = useMyDay(day);
  const actions = useOrderActions();
  const [manual, setManual] = useState(false);
  const [lat, setLat] = useState<number | null>(null);
  const [lng, setLng] = useState<number | null>(null);
  const [time, setTime] = useState('');
  const [busyId, setBusyId] = useState<string | null>(null);

  /** Where the caregiver is now; undefined (with a message) when it cannot be told. */
  async function locate(): Promise<Stamp | undefined> {
    if (manual) {
      if (lat === null || lng === null) {
        message.warning(t('homecare.manualMissing'));
        return undefined;
      }
      // An optional time today (China), as a phone records it offline: lets a test stage a visit's length.
      return time ? { lat, lng, at: new Date(`${day}T${time}:00+08:00`).toISOString() } : { lat, lng };
    }
    try {
      return await currentPosition();
    } catch (error) {
      message.error(
        t(`homecare.locate.${(error as Error).message}`, { defaultValue: t('homecare.locate.unavailable') }),
      );
      return undefined;
    }
  }

  async function act(id: string, run: (stamp: Stamp) => Promise<unknown>, done: string) {
    setBusyId(id);
    try {
      const stamp = await locate();
      if (!stamp) return;
      await run(stamp);
      message.success(done);
    } catch (error) {
      message.error((error as Error).message);
    } finally {
      setBusyId(null);
    }
  }

  if (list.isPending) return <PageLoading />;
  const items = list.data?.items ?? [];
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%', maxWidth: 560, margin: '0 auto' }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('homecare.visitsTitle', { day })}
      </Typography.Title>
      {list.isError && <Alert type="error" showIcon title={list.error.message} />}
      <Card size="small">
        <Space wrap align="center">
          <Switch checked={manual} onChange={setManual} data-testid="manual-location-toggle" />
          <Typography.Text>{t('homecare.manualLocation')}</Typography.Text>
          {manual && (
            <>
              <InputNumber
                placeholder={t('homecare.lat')}
                value={lat}
                onChange={(v) => setLat(v ?? null)}
                min={-90}
                max={90}
                step={0.0001}
                style={{ width: 140 }}
                data-testid="manual-lat"
              />
              <InputNumber
                placeholder={t('homecare.lng')}
                value={lng}
                onChange={(v) => setLng(v ?? null)}
                min={-180}
                max={180}
                step={0.0001}
                style={{ width: 140 }}
                data-testid="manual-lng"
              />
              <Input
                type="time"
                value={time}
                onChange={(e) => setTime(e.target.value)}
                style={{ width: 130 }}
                aria-label={t('homecare.manualTime')}
                data-testid="manual-time"
              />
            </>
          )}
        </Space>
      </Card>
      {items.length === 0 ? (
        <Empty description={t('homecare.noVisitsToday')} />
      ) : (
        items.map((order) => (
          <VisitCard
            key={order.id}
            order={order}
            busy={busyId === order.id}
            onCheckIn={() =>
              act(
                order.id,
                (stamp) => actions.checkIn.mutateAsync({ id: order.id, stamp }),
                t('homecare.checkedIn'),
              )
            }
            onCheckOut={(visitId) =>
              act(
                order.id,
                (stamp) => actions.checkOut.mutateAsync({ visitId, stamp }),
                t('homecare.checkedOut'),
              )
            }
          />
        ))
      )}
    </Space>
  );
}
