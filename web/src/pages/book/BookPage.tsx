import { ArrowLeftOutlined, CalendarOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Empty, Tabs, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { bookingKeys, type Offer, useBookingMembers, usePublicOffers } from '../../api/bookings';
import { useDirectoryEntry } from '../../api/directory';
import { PageLoading } from '../../components/PageLoading';
import type { Outcome } from './BookAction';
import { BookingOutcome } from './BookingOutcome';
import { chinaToday, daysFrom, hasStarted, type TabKey, tabOf, tabsOf } from './book-logic';
import { EnrolmentPanel } from './EnrolmentPanel';
import { HourlyPanel } from './HourlyPanel';
import { MealPanel } from './MealPanel';
import { DateStrip, type DayState } from './Pickers';
import type { PanelProps } from './panel-props';
import { SinglePanel } from './SinglePanel';

const WINDOW_DAYS = 14;

function stateOfDay(offers: readonly Offer[], day: string): DayState {
  const open = offers.filter((o) => o.day === day && !hasStarted(o));
  if (open.length === 0) return 'none';
  return open.some((o) => o.free > 0) ? 'open' : 'full';
}

function Panel({ tab, ...props }: PanelProps & { tab: TabKey }) {
  switch (tab) {
    case 'hourly':
      return <HourlyPanel {...props} />;
    case 'enrolment':
      return <EnrolmentPanel {...props} />;
    case 'meal':
      return <MealPanel {...props} />;
    default:
      return <SinglePanel kind={tab} {...props} />;
  }
}

/**
 * /book/:institutionId — book care at one filed institution: a tab per service it offers over
 * the next two weeks (计时托, 临时托, 全日托·半日托, appointments, meals), a date strip, the
 * choices of that service, the price with its subsidy, then book (or join the waitlist).
 */
export default function BookPage() {
  const { t } = useTranslation();
  const { institutionId } = useParams();
  const [params, setParams] = useSearchParams();
  const today = useMemo(() => chinaToday(), []);
  const days = useMemo(() => daysFrom(today, WINDOW_DAYS), [today]);
  const entry = useDirectoryEntry(institutionId);
  const offers = usePublicOffers(institutionId, { from: days[0]!, to: days[WINDOW_DAYS - 1]! });
  const members = useBookingMembers();
  const queryClient = useQueryClient();
  const [dayChoice, setDayChoice] = useState<string>();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [round, setRound] = useState(0);

  const items = offers.data?.items ?? [];
  const tabs = tabsOf(items);
  const tab = tabs.find((k) => k === params.get('tab')) ?? tabs[0];
  const tabOffers = items.filter((o) => tabOf(o) === tab);
  const usable = (day: string | undefined) => !!day && stateOfDay(tabOffers, day) !== 'none';
  const day =
    (usable(dayChoice) ? dayChoice : undefined) ??
    days.find((d) => stateOfDay(tabOffers, d) === 'open') ??
    days.find((d) => usable(d)) ??
    today;

  const header = (
    <div style={{ display: 'flex', alignItems: 'center', gap: 8, flexWrap: 'wrap' }}>
      <Link to={institutionId ? `/find/${institutionId}` : '/find'}>
        <Button type="text" icon={<ArrowLeftOutlined />} aria-label={t('book.back')} />
      </Link>
      <Typography.Title level={4} style={{ margin: 0, flex: 1, minWidth: 0 }} ellipsis>
        {entry.data?.name ?? t('book.title')}
      </Typography.Title>
      <Link to="/my-bookings" data-testid="book-my-bookings">
        <Button icon={<CalendarOutlined />}>{t('book.myBookings')}</Button>
      </Link>
    </div>
  );

  let content: React.ReactNode;
  if (offers.isPending || members.isPending) content = <PageLoading />;
  else if (offers.isError || members.isError) {
    content = (
      <Alert
        type="error"
        showIcon
        data-testid="book-load-error"
        title={(offers.error ?? members.error)?.message}
      />
    );
  } else if (outcome) {
    content = (
      <BookingOutcome
        outcome={outcome}
        onAgain={() => {
          void queryClient.invalidateQueries({ queryKey: bookingKeys.offers });
          setOutcome(null);
          setRound((n) => n + 1);
        }}
      />
    );
  } else if (!tab) {
    content = (
      <Card>
        <Empty description={t('book.noOffers')} data-testid="book-no-offers" />
      </Card>
    );
  } else {
    content = (
      <Card size="small" styles={{ body: { paddingTop: 0 } }}>
        <Tabs
          activeKey={tab}
          onChange={(key) => setParams({ tab: key }, { replace: true })}
          items={tabs.map((key) => ({
            key,
            label: <span data-testid={`book-tab-${key}`}>{t(`book.tab.${key}`)}</span>,
          }))}
        />
        <Panel
          key={`${tab}-${round}`}
          tab={tab}
          offers={tabOffers}
          day={day}
          today={today}
          members={members.data ?? []}
          mealSubsidy={offers.data?.mealSubsidy}
          onDone={setOutcome}
          dateStrip={
            <DateStrip
              days={days}
              value={day}
              onChange={setDayChoice}
              stateOf={(d) => stateOfDay(tabOffers, d)}
            />
          }
        />
      </Card>
    );
  }

  return (
    <div
      style={{
        display: 'flex',
        flexDirection: 'column',
        gap: 12,
        width: '100%',
        maxWidth: 760,
        margin: '0 auto',
      }}
      data-testid="book-page"
    >
      {header}
      {content}
    </div>
  );
}
