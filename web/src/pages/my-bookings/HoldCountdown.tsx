import { ClockCircleOutlined } from '@ant-design/icons';
import { Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { countdownText } from './my-bookings-logic';

/** Time left on a held place, ticking every second; tells the parent once when it runs out. */
export function HoldCountdown({ until, onExpired }: { until: string; onExpired?: () => void }) {
  const { t } = useTranslation();
  const [now, setNow] = useState(() => Date.now());
  const end = Date.parse(until);
  const left = end - now;
  const told = useRef(false);

  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, []);

  useEffect(() => {
    if (left <= 0 && !told.current) {
      told.current = true;
      onExpired?.();
    }
  }, [left, onExpired]);

  return (
    <Typography.Text
      type={left <= 0 ? 'secondary' : 'warning'}
      data-testid="booking-hold-countdown"
      data-expires-at={until}
      data-expired={left <= 0}
    >
      <ClockCircleOutlined />{' '}
      {left <= 0
        ? t('myBookings.holdExpired')
        : t('myBookings.holdLeft', { left: countdownText(left), until: dayjs(until).format('MM-DD HH:mm') })}
    </Typography.Text>
  );
}
