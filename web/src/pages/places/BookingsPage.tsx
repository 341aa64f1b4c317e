import { Card, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { BookingsTab } from './BookingsTab';
import { PlacesShell } from './PlacesShell';
import { WaitlistTab } from './WaitlistTab';

const TABS = ['bookings', 'waitlist'] as const;

/** The institution's bookings (with cancel) and its waitlist in line order. */
export default function BookingsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const active = TABS.find((tab) => tab === params.get('tab')) ?? 'bookings';
  return (
    <PlacesShell active="bookings">
      {(inst) => (
        <Card size="small">
          <Tabs
            activeKey={active}
            onChange={(key) => setParams(key === 'bookings' ? {} : { tab: key }, { replace: true })}
            destroyOnHidden
            items={[
              {
                key: 'bookings',
                label: <span data-testid="bookings-tab">{t('places.bookings.tab')}</span>,
                children: <BookingsTab institution={inst} />,
              },
              {
                key: 'waitlist',
                label: <span data-testid="waitlist-tab">{t('places.waitlist.tab')}</span>,
                children: <WaitlistTab institution={inst} />,
              },
            ]}
          />
        </Card>
      )}
    </PlacesShell>
  );
}
