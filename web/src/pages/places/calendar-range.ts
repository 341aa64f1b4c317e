import dayjs, { type Dayjs } from 'dayjs';

export type CalendarView = 'month' | 'twoWeeks';

export const DAY_FORMAT = 'YYYY-MM-DD';

/** The Monday of the week a day falls in (weeks run Monday to Sunday, as in China). */
export function mondayOf(day: Dayjs): Dayjs {
  return day.subtract((day.day() + 6) % 7, 'day').startOf('day');
}

/** The days a view shows around an anchor day: the anchor's month, or two weeks from its Monday. */
export function rangeOf(view: CalendarView, anchor: Dayjs): { from: string; to: string } {
  if (view === 'month') {
    return { from: anchor.startOf('month').format(DAY_FORMAT), to: anchor.endOf('month').format(DAY_FORMAT) };
  }
  const monday = mondayOf(anchor);
  return { from: monday.format(DAY_FORMAT), to: monday.add(13, 'day').format(DAY_FORMAT) };
}

/** Move the anchor one view back (-1) or forward (+1). */
export function shiftAnchor(view: CalendarView, anchor: Dayjs, step: -1 | 1): Dayjs {
  return view === 'month' ? anchor.add(step, 'month') : anchor.add(step * 2, 'week');
}

/** Whole weeks (Monday first) covering [from, to]; days outside the range are null. */
export function weeksOf(from: string, to: string): (string | null)[][] {
  const first = mondayOf(dayjs(from));
  const weeks: (string | null)[][] = [];
  for (let monday = first; !monday.isAfter(dayjs(to), 'day'); monday = monday.add(7, 'day')) {
    const week: (string | null)[] = [];
    for (let i = 0; i < 7; i++) {
      const day = monday.add(i, 'day').format(DAY_FORMAT);
      week.push(day < from || day > to ? null : day);
    }
    weeks.push(week);
  }
  return weeks;
}
