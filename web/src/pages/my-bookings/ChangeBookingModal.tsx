import { Alert, App, type ButtonProps, Modal, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Booking, useChangeBooking, usePublicOffers } from '../../api/bookings';
import { byTime, chinaToday, daysFrom, hasStarted, sumMoney, toggleSlot, yuanText } from '../book/book-logic';
import { DateStrip } from '../book/Pickers';
import { SlotGrid } from '../book/SlotGrid';

const WINDOW_DAYS = 14;

/**
 * 改期: move an hourly booking to other consecutive slots of its class, on the same or another
 * day. The places the booking holds count as free for it; the server swaps in one transaction.
 */
export function ChangeBookingModal({ booking, onClose }: { booking: Booking; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const today = useMemo(() => chinaToday(), []);
  const days = useMemo(() => daysFrom(today, WINDOW_DAYS), [today]);
  const offers = usePublicOffers(booking.institutionId, {
    from: days[0]!,
    to: days[WINDOW_DAYS - 1]!,
    service: 'childcare',
    form: 'hourly',
  });
  const change = useChangeBooking();
  const own = useMemo(() => new Set(booking.offerIds), [booking.offerIds]);
  const classOffers = (offers.data?.items ?? []).filter(
    (o) => o.form === 'hourly' && o.classId === booking.classId,
  );
  const [day, setDay] = useState(() => [today, booking.firstDay].sort()[1]!);
  const slots = byTime(classOffers.filter((o) => o.day === day));
  const [selectedIds, setSelectedIds] = useState<string[]>([]);
  const chosen = byTime(slots.filter((s) => selectedIds.includes(s.id)));
  const unchanged = chosen.length === own.size && chosen.every((s) => own.has(s.id));
  const money = chosen.length > 0 ? sumMoney(chosen) : null;

  const stateOf = (d: string) => {
    const open = classOffers.filter((o) => o.day === d && !hasStarted(o));
    if (open.length === 0) return 'none' as const;
    return open.some((o) => o.free > 0 || own.has(o.id)) ? ('open' as const) : ('full' as const);
  };

  const submit = () =>
    change.mutate(
      { id: booking.id, offerIds: chosen.map((s) => s.id) },
      {
        onSuccess: () => {
          message.success(t('myBookings.changed'));
          onClose();
        },
      },
    );

  return (
    <Modal
      open
      title={t('myBookings.changeTitle')}
      onCancel={onClose}
      onOk={submit}
      okText={t('myBookings.changeOk')}
      okButtonProps={
        { disabled: chosen.length === 0 || unchanged, 'data-testid': 'change-submit' } as ButtonProps
      }
      confirmLoading={change.isPending}
      destroyOnHidden
    >
      <div style={{ display: 'flex', flexDirection: 'column', gap: 12 }} data-testid="change-modal">
        <Typography.Text type="secondary">
          {t('myBookings.changeCurrent', {
            what: `${booking.memberName} · ${booking.className ?? booking.formName}`,
            when: `${booking.firstDay} ${booking.startsAt}–${booking.endsAt}`,
          })}
        </Typography.Text>
        {offers.isError && <Alert type="error" showIcon title={offers.error.message} />}
        <DateStrip
          days={days}
          value={day}
          onChange={(d) => {
            setDay(d);
            setSelectedIds([]);
          }}
          stateOf={stateOf}
          testIdPrefix="change-day"
        />
        <SlotGrid
          testIdPrefix="change-slot"
          slots={slots}
          own={own}
          selectedIds={chosen.map((s) => s.id)}
          onTap={(slot) => setSelectedIds(toggleSlot(chosen, slot).map((s) => s.id))}
        />
        <Typography.Text data-testid="change-summary">
          {money
            ? t('myBookings.changeSummary', {
                from: chosen[0]!.startsAt,
                to: chosen[chosen.length - 1]!.endsAt,
                due: yuanText(money.due),
              })
            : t('myBookings.changePick')}
        </Typography.Text>
        {change.error && (
          <Alert type="warning" showIcon title={change.error.message} data-testid="change-error" />
        )}
      </div>
    </Modal>
  );
}
