import { SearchOutlined } from '@ant-design/icons';
import { Alert, Badge, Button, Empty, Tabs, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useMyBookings } from '../../api/bookings';
import { PageLoading } from '../../components/PageLoading';
import { chinaToday } from '../book/book-logic';
import { BookingCard } from './BookingCard';
import { splitMine } from './my-bookings-logic';
import { WaitlistCard } from './WaitlistCard';

const TABS = ['upcoming', 'waitlist', 'history'] as const;
type Tab = (typeof TABS)[number];

const column = { display: 'flex', flexDirection: 'column', gap: 12 } as const;

/** /my-bookings: upcoming bookings (held places to confirm first), waitlist places, history. */
export default function MyBookingsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const mine = useMyBookings();
  const today = chinaToday();
  const split = useMemo(() => (mine.data ? splitMine(mine.data, today) : null), [mine.data, today]);
  const tab: Tab = TABS.find((k) => k === params.get('tab')) ?? 'upcoming';
  const show = (key: Tab) => setParams(key === 'upcoming' ? {} : { tab: key }, { replace: true });

  if (mine.isPending) return <PageLoading />;
  if (mine.isError) return <Alert type="error" showIcon title={mine.error.message} />;
  const s = split!;
  const empty = (key: Tab, text: string) => (
    <Empty description={text} data-testid={`my-bookings-empty-${key}`}>
      <Link to="/find">
        <Button icon={<SearchOutlined />}>{t('myBookings.findCare')}</Button>
      </Link>
    </Empty>
  );

  const content: Record<Tab, React.ReactNode> = {
    upcoming:
      s.upcoming.length === 0 ? (
        empty('upcoming', t('myBookings.noUpcoming'))
      ) : (
        <div style={column}>
          {s.upcoming.map((b) => (
            <BookingCard key={b.id} booking={b} upcoming />
          ))}
        </div>
      ),
    waitlist:
      s.waitlist.length === 0 ? (
        empty('waitlist', t('myBookings.noWaitlist'))
      ) : (
        <div style={column}>
          {s.waitlist.map((e) => (
            <WaitlistCard key={e.id} entry={e} onShowHeld={() => show('upcoming')} />
          ))}
        </div>
      ),
    history:
      s.history.length === 0 && s.pastWaitlist.length === 0 ? (
        empty('history', t('myBookings.noHistory'))
      ) : (
        <div style={column}>
          {s.history.map((b) => (
            <BookingCard key={b.id} booking={b} upcoming={false} />
          ))}
          {s.pastWaitlist.map((e) => (
            <WaitlistCard key={e.id} entry={e} />
          ))}
        </div>
      ),
  };
  const counts: Record<Tab, number> = {
    upcoming: s.upcoming.length,
    waitlist: s.waitlist.length,
    history: 0,
  };

  return (
    <div style={{ ...column, width: '100%', maxWidth: 760, margin: '0 auto' }} data-testid="my-bookings-page">
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('myBookings.title')}
      </Typography.Title>
      {s.held.length > 0 && tab !== 'upcoming' && (
        <Alert
          type="warning"
          showIcon
          data-testid="my-bookings-held-alert"
          title={t('myBookings.heldAlert', { count: s.held.length })}
          action={
            <Button size="small" type="primary" onClick={() => show('upcoming')}>
              {t('myBookings.goConfirm')}
            </Button>
          }
        />
      )}
      <Tabs
        activeKey={tab}
        onChange={(key) => show(key as Tab)}
        items={TABS.map((key) => ({
          key,
          label: (
            <span data-testid={`my-bookings-tab-${key}`}>
              {t(`myBookings.tab.${key}`)}
              {counts[key] > 0 && (
                <Badge
                  count={counts[key]}
                  size="small"
                  color={key === 'upcoming' && s.held.length > 0 ? '#fa8c16' : '#1f6f8b'}
                  style={{ marginInlineStart: 6 }}
                />
              )}
            </span>
          ),
          children: content[key],
        }))}
        destroyOnHidden
      />
    </div>
  );
}
