import { useQueryClient } from '@tanstack/react-query';
import { App, Button, type ButtonProps, Card, Descriptions, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type Booking,
  bookingKeys,
  useCancelBooking,
  useConfirmBooking,
  useDeclineBooking,
} from '../../api/bookings';
import { yuanText } from '../book/book-logic';
import { ChangeBookingModal } from './ChangeBookingModal';
import { HoldCountdown } from './HoldCountdown';
import { daysText, STATUS_COLORS } from './my-bookings-logic';

const REASON_CODES = ['cancelled', 'declined', 'changed'];

const at = (iso: string) => dayjs(iso).format('YYYY-MM-DD HH:mm');

/** One booking: where, who, what, when, money and status; the actions its state allows. */
export function BookingCard({ booking: b, upcoming }: { booking: Booking; upcoming: boolean }) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const queryClient = useQueryClient();
  const confirm = useConfirmBooking();
  const decline = useDeclineBooking();
  const cancel = useCancelBooking();
  const [changing, setChanging] = useState(false);
  const held = b.status === 'held';
  const holdOver = held && !!b.holdExpiresAt && Date.parse(b.holdExpiresAt) <= Date.now();
  const summary = `${b.institutionName} · ${b.memberName} · ${b.formName}`;

  const onConfirm = () =>
    confirm.mutate(b.id, {
      onSuccess: () => message.success(t('myBookings.confirmed')),
      onError: (e) => message.error(e.message),
    });

  const onDecline = () =>
    modal.confirm({
      title: t('myBookings.declineTitle'),
      content: t('myBookings.declineBody', { what: summary }),
      okText: t('myBookings.declineOk'),
      cancelText: t('myBookings.keep'),
      okButtonProps: { danger: true, 'data-testid': 'booking-decline-ok' } as ButtonProps,
      onOk: () =>
        decline
          .mutateAsync(b.id)
          .then(() => message.success(t('myBookings.declined')))
          .catch((e: Error) => message.error(e.message)),
    });

  const onCancel = () =>
    modal.confirm({
      title: t('myBookings.cancelTitle'),
      content: (
        <div data-testid="booking-cancel-dialog">
          <p style={{ margin: 0 }}>{summary}</p>
          <p style={{ margin: 0 }}>
            {daysText(b.firstDay, b.lastDay)} {b.startsAt}–{b.endsAt}
          </p>
          {b.cancelDeadline && (
            <p style={{ margin: '8px 0 0' }}>
              {t('myBookings.cancelBefore', { deadline: at(b.cancelDeadline) })}
            </p>
          )}
          {b.days > 1 && <p style={{ margin: '8px 0 0' }}>{t('myBookings.cancelPartial')}</p>}
        </div>
      ),
      okText: t('myBookings.cancelOk'),
      cancelText: t('myBookings.keep'),
      okButtonProps: { danger: true, 'data-testid': 'booking-cancel-ok' } as ButtonProps,
      onOk: () =>
        cancel
          .mutateAsync({ id: b.id })
          .then(() => message.success(t('myBookings.cancelled')))
          .catch((e: Error) => message.error(e.message)),
    });

  const live = b.status === 'confirmed' || held;
  return (
    <Card
      size="small"
      data-testid="booking-card"
      data-status={b.status}
      data-booking-id={b.id}
      data-form={b.form}
      title={<span style={{ whiteSpace: 'normal' }}>{b.institutionName}</span>}
      extra={<Tag color={STATUS_COLORS[b.status]}>{t(`myBookings.status.${b.status}`)}</Tag>}
      style={held ? { borderColor: '#fa8c16' } : undefined}
    >
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'member', label: t('myBookings.member'), children: b.memberName },
          {
            key: 'form',
            label: t('myBookings.form'),
            children: [b.formName, b.className].filter(Boolean).join(' · '),
          },
          {
            key: 'when',
            label: t('myBookings.when'),
            children: (
              <span data-testid="booking-when">
                {daysText(b.firstDay, b.lastDay)} {b.startsAt}–{b.endsAt}
                {b.days > 1 && ` · ${t('myBookings.dayCount', { count: b.days })}`}
              </span>
            ),
          },
          ...(b.mealMode
            ? [{ key: 'mode', label: t('myBookings.mealMode'), children: t(`book.mealMode.${b.mealMode}`) }]
            : []),
          {
            key: 'money',
            label: t('myBookings.money'),
            children: (
              <span>
                {yuanText(b.price)}
                <Typography.Text type="success">
                  {' '}
                  − {t('book.subsidy')} {yuanText(b.subsidy)}
                </Typography.Text>{' '}
                = <strong data-testid="booking-due">{yuanText(b.due)}</strong>
              </span>
            ),
          },
          ...(b.cancelReason
            ? [
                {
                  key: 'reason',
                  label: t('myBookings.cancelReason'),
                  // The server's own reasons are codes; an institution's reason is its own text.
                  children: REASON_CODES.includes(b.cancelReason)
                    ? t(`myBookings.reason.${b.cancelReason}`)
                    : b.cancelReason,
                },
              ]
            : []),
        ]}
      />
      {held && b.holdExpiresAt && (
        <div style={{ marginTop: 8, display: 'flex', flexDirection: 'column', gap: 8 }}>
          <Typography.Text>{t('myBookings.heldHint')}</Typography.Text>
          <HoldCountdown
            until={b.holdExpiresAt}
            onExpired={() => void queryClient.invalidateQueries({ queryKey: bookingKeys.all })}
          />
        </div>
      )}
      {upcoming && live && (
        <div style={{ marginTop: 12, display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center' }}>
          {held && (
            <>
              <Button
                type="primary"
                onClick={onConfirm}
                loading={confirm.isPending}
                disabled={holdOver}
                data-testid="booking-confirm"
              >
                {t('myBookings.confirm')}
              </Button>
              <Button onClick={onDecline} disabled={holdOver} data-testid="booking-decline">
                {t('myBookings.decline')}
              </Button>
            </>
          )}
          {!held && b.form === 'hourly' && b.cancellable && (
            <Button onClick={() => setChanging(true)} data-testid="booking-change">
              {t('myBookings.change')}
            </Button>
          )}
          {!held && b.cancellable && (
            <Button danger onClick={onCancel} data-testid="booking-cancel">
              {t('myBookings.cancel')}
            </Button>
          )}
          {!held && b.cancellable && b.cancelDeadline && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="booking-cancel-deadline">
              {t('myBookings.cancelBefore', { deadline: at(b.cancelDeadline) })}
            </Typography.Text>
          )}
          {!held && !b.cancellable && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="booking-cancel-closed">
              {t('myBookings.cancelClosed')}
            </Typography.Text>
          )}
        </div>
      )}
      {changing && <ChangeBookingModal booking={b} onClose={() => setChanging(false)} />}
    </Card>
  );
}
