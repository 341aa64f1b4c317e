import { Button, Card, Descriptions, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Outcome } from './BookAction';
import { yuanText } from './book-logic';

/** "Booked" with what and how much, or "on the waitlist, number N"; both lead to my bookings. */
export function BookingOutcome({ outcome, onAgain }: { outcome: Outcome; onAgain: () => void }) {
  const { t } = useTranslation();
  const actions = [
    <Link to="/my-bookings" key="mine" data-testid="book-success-my-bookings">
      <Button type="primary">{t('book.toMyBookings')}</Button>
    </Link>,
    <Button key="again" onClick={onAgain} data-testid="book-again">
      {t('book.bookAgain')}
    </Button>,
  ];
  if (outcome.kind === 'waitlisted') {
    const e = outcome.entry;
    return (
      <Card data-testid="book-waitlisted">
        <Result
          status="info"
          title={
            <span data-testid="book-waitlist-position" data-position={e.position}>
              {t('book.waitlisted', { position: e.position })}
            </span>
          }
          subTitle={t('book.waitlistedHint')}
          extra={actions}
        />
        <Descriptions
          size="small"
          column={1}
          items={[
            { key: 'member', label: t('book.member'), children: e.memberName },
            { key: 'form', label: t('book.form'), children: e.formName },
            {
              key: 'when',
              label: t('book.when'),
              children: [
                e.firstDay === e.lastDay ? e.firstDay : `${e.firstDay} – ${e.lastDay}`,
                e.startsAt && `${e.startsAt}–${e.endsAt}`,
              ]
                .filter(Boolean)
                .join(' '),
            },
          ]}
        />
      </Card>
    );
  }
  const b = outcome.booking;
  return (
    <Card data-testid="book-success" data-booking-id={b.id}>
      <Result status="success" title={t('book.booked')} subTitle={b.institutionName} extra={actions} />
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'member', label: t('book.member'), children: b.memberName },
          {
            key: 'form',
            label: t('book.form'),
            children: [b.formName, b.className].filter(Boolean).join(' · '),
          },
          {
            key: 'when',
            label: t('book.when'),
            children: `${b.firstDay === b.lastDay ? b.firstDay : `${b.firstDay} – ${b.lastDay}`} ${b.startsAt}–${b.endsAt}`,
          },
          { key: 'price', label: t('book.price'), children: yuanText(b.price) },
          { key: 'subsidy', label: t('book.subsidy'), children: `−${yuanText(b.subsidy)}` },
          { key: 'due', label: t('book.due'), children: <strong>{yuanText(b.due)}</strong> },
        ]}
      />
    </Card>
  );
}
