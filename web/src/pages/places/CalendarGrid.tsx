import { theme } from 'antd';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CalendarDay } from '../../api/places';
import { DAY_FORMAT, weeksOf } from './calendar-range';
import { DayCell } from './DayCell';

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/** The month or two weeks of places as a Monday-first grid; a click on a day opens its offers. */
export function CalendarGrid({
  from,
  to,
  days,
  onOpen,
}: {
  from: string;
  to: string;
  days: CalendarDay[];
  onOpen: (day: string) => void;
}) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const byDay = useMemo(() => new Map(days.map((d) => [d.day, d])), [days]);
  const weeks = useMemo(() => weeksOf(from, to), [from, to]);
  const today = dayjs().format(DAY_FORMAT);

  return (
    <div style={{ overflowX: 'auto' }} data-testid="places-calendar">
      <div
        style={{
          display: 'grid',
          gridTemplateColumns: 'repeat(7, minmax(120px, 1fr))',
          gap: 4,
          minWidth: 7 * 124,
        }}
      >
        {WEEKDAYS.map((w) => (
          <div
            key={w}
            style={{ textAlign: 'center', fontSize: 12, color: token.colorTextSecondary, padding: '2px 0' }}
          >
            {t(`places.weekday.${w}`)}
          </div>
        ))}
        {weeks.flatMap((week, wi) =>
          week.map((day, di) =>
            day ? (
              <DayCell key={day} day={day} data={byDay.get(day)} today={day === today} onOpen={onOpen} />
            ) : (
              // biome-ignore lint/suspicious/noArrayIndexKey: padding cells have no identity of their own
              <div key={`pad-${wi}-${di}`} />
            ),
          ),
        )}
      </div>
    </div>
  );
}
