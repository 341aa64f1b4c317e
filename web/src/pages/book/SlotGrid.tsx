import { Button, Empty } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Offer } from '../../api/bookings';
import { hasStarted } from './book-logic';

/**
 * Slots of one day as buttons: time, free places (or "full" and how many wait). Full slots are
 * disabled unless the page is in waitlist mode; slots that have begun always are. `own` lists
 * places the booking being changed already holds — they count as free for it.
 */
export function SlotGrid({
  slots,
  selectedIds,
  onTap,
  waitlistMode = false,
  own,
  labelOf,
  testIdPrefix = 'book-slot',
}: {
  slots: readonly Offer[];
  selectedIds: readonly string[];
  onTap: (slot: Offer) => void;
  waitlistMode?: boolean;
  own?: ReadonlySet<string>;
  labelOf?: (slot: Offer) => ReactNode;
  testIdPrefix?: string;
}) {
  const { t } = useTranslation();
  if (slots.length === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('book.noSlots')} />;
  }
  return (
    <div
      style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(104px, 1fr))', gap: 8 }}
      data-testid={`${testIdPrefix}-grid`}
    >
      {slots.map((slot) => {
        const free = slot.free + (own?.has(slot.id) ? 1 : 0);
        const past = hasStarted(slot);
        const full = free <= 0;
        const selected = selectedIds.includes(slot.id);
        // A chosen slot that filled up meanwhile stays tappable, so it can be let go.
        const disabled = past || (full && !waitlistMode && !selected);
        return (
          <Button
            key={slot.id}
            type={selected ? 'primary' : 'default'}
            danger={selected && full}
            disabled={disabled}
            onClick={() => onTap(slot)}
            aria-pressed={selected}
            data-testid={`${testIdPrefix}-${slot.startsAt}`}
            data-offer-id={slot.id}
            data-free={free}
            data-full={full}
            data-selected={selected}
            style={{
              height: 'auto',
              minHeight: 56,
              padding: '6px 4px',
              display: 'flex',
              flexDirection: 'column',
              gap: 0,
              lineHeight: 1.35,
              whiteSpace: 'normal',
            }}
          >
            <span style={{ fontWeight: 600 }}>
              {slot.startsAt}–{slot.endsAt}
            </span>
            {labelOf && <span style={{ fontSize: 12 }}>{labelOf(slot)}</span>}
            <span style={{ fontSize: 12 }}>
              {past ? (
                t('book.slotPast')
              ) : full ? (
                <span style={{ color: selected || disabled ? undefined : '#cf1322' }}>
                  {slot.waiting > 0 ? t('book.slotFullWaiting', { count: slot.waiting }) : t('book.slotFull')}
                </span>
              ) : (
                t('book.slotFree', { count: free })
              )}
            </span>
          </Button>
        );
      })}
    </div>
  );
}

/** The switch into (and out of) choosing full slots to wait for. */
export function WaitlistModeLink({ on, onChange }: { on: boolean; onChange: (on: boolean) => void }) {
  const { t } = useTranslation();
  return (
    <Button
      type="link"
      size="small"
      onClick={() => onChange(!on)}
      data-testid="book-waitlist-mode"
      data-on={on}
      style={{ paddingInline: 0, alignSelf: 'flex-start' }}
    >
      {on ? t('book.waitlistModeOff') : t('book.waitlistModeOn')}
    </Button>
  );
}
