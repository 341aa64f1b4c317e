/**
 * A care day is cut into half hours from 06:00 to 22:00 (32 slots). Class and institution days
 * count children and carers per slot, so a booking of any length checks exactly the slots it
 * covers. Pure, no I/O.
 */
export const SLOT_MINUTES = 30;
export const DAY_START_MIN = 6 * 60;
export const DAY_END_MIN = 22 * 60;
export const SLOTS = (DAY_END_MIN - DAY_START_MIN) / SLOT_MINUTES;

/** The slot indexes (0-based) a span of [startsMin, endsMin) touches. */
export function slotsOf(startsMin: number, endsMin: number): number[] {
  if (endsMin <= startsMin) return [];
  const first = Math.max(0, Math.floor((startsMin - DAY_START_MIN) / SLOT_MINUTES));
  const last = Math.min(SLOTS - 1, Math.ceil((endsMin - DAY_START_MIN) / SLOT_MINUTES) - 1);
  const out: number[] = [];
  for (let i = first; i <= last; i++) out.push(i);
  return out;
}

/** Whether a span lies inside the bookable day. */
export function withinDay(startsMin: number, endsMin: number): boolean {
  return startsMin >= DAY_START_MIN && endsMin <= DAY_END_MIN && endsMin > startsMin;
}

/** An all-zero slot array. */
export function emptySlots(): number[] {
  return new Array<number>(SLOTS).fill(0);
}

/** Add `delta` to the given slots of a copy of `counts`. */
export function addToSlots(counts: readonly number[], slots: readonly number[], delta: number): number[] {
  const out = counts.slice();
  for (const s of slots) out[s] = (out[s] ?? 0) + delta;
  return out;
}

/** Carers rostered per slot: a carer counts in a slot only when rostered for the whole half hour. */
export function carersPerSlot(shifts: readonly { startsMin: number; endsMin: number }[]): number[] {
  const out = emptySlots();
  for (let i = 0; i < SLOTS; i++) {
    const from = DAY_START_MIN + i * SLOT_MINUTES;
    const to = from + SLOT_MINUTES;
    out[i] = shifts.filter((s) => s.startsMin <= from && s.endsMin >= to).length;
  }
  return out;
}

/** "08:30" for 510. */
export function formatMinutes(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

/** 510 for "08:30"; null when not HH:MM. */
export function parseMinutes(text: string): number | null {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(text);
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}
