/**
 * The property test's model of one centre on one care day: what the booking engine should hold
 * after any sequence of commands, written from the rules (docs/API.md, STANDARDS §1), not from the
 * engine's code. Plain TypeScript, no I/O: places are counted from the live bookings every time.
 */

export type ClassKey = 'A' | 'B';
export type Form = 'hourly' | 'temporary';
export type BookingStatus = 'confirmed' | 'held' | 'cancelled' | 'expired';
export type EntryStatus = 'waiting' | 'offered' | 'booked' | 'expired' | 'withdrawn';

/** Rostered shifts a carer may work (minutes after midnight); `null` is a day off. */
export const SHIFTS: readonly ([number, number] | null)[] = [
  null,
  [8 * 60, 18 * 60],
  [8 * 60, 10 * 60],
  [10 * 60, 13 * 60],
  [9 * 60, 12 * 60],
  [13 * 60, 18 * 60],
];

export interface MOffer {
  id: string;
  classKey: ClassKey;
  form: Form;
  startsMin: number;
  endsMin: number;
  capacity: number;
}

export interface MClass {
  key: ClassKey;
  id: string;
  sizeLimit: number;
  childrenPerCarer: number;
  staffIds: string[];
  /** Shift index into SHIFTS per staff id. */
  shifts: Map<string, number>;
}

export interface MBooking {
  /** `pending:<entry id>` until a promotion's booking id is read back. */
  id: string;
  family: number;
  offerIds: string[];
  status: BookingStatus;
  entryId: string | null;
  cancelReason: string | null;
  replacesId: string | null;
}

export interface MEntry {
  id: string;
  family: number;
  offerIds: string[];
  status: EntryStatus;
  /** Order of joining (the line). */
  order: number;
  bookingId: string | null;
}

export const SLOT_COUNT = 32;
/** Half hours from 06:00 that [startsMin, endsMin) touches. */
export function slotsOfSpan(startsMin: number, endsMin: number): number[] {
  const out: number[] = [];
  for (let s = 0; s < SLOT_COUNT; s++) {
    const from = 360 + s * 30;
    if (from < endsMin && from + 30 > startsMin) out.push(s);
  }
  return out;
}

const isLive = (b: { status: string }) => b.status === 'confirmed' || b.status === 'held';

export class Model {
  readonly bookings: MBooking[] = [];
  readonly entries: MEntry[] = [];
  private joined = 0;

  constructor(
    readonly offers: Map<string, MOffer>,
    readonly classes: Record<ClassKey, MClass>,
    readonly licensed: number,
  ) {}

  live(): MBooking[] {
    return this.bookings.filter(isLive);
  }

  offer(id: string): MOffer {
    const o = this.offers.get(id);
    if (!o) throw new Error(`model has no offer ${id}`);
    return o;
  }

  taken(offerId: string): number {
    return this.live().filter((b) => b.offerIds.includes(offerId)).length;
  }

  slotsOf(offerIds: readonly string[]): number[] {
    const slots = new Set<number>();
    for (const id of offerIds) {
      const o = this.offer(id);
      for (const s of slotsOfSpan(o.startsMin, o.endsMin)) slots.add(s);
    }
    return [...slots].sort((a, b) => a - b);
  }

  classOf(offerIds: readonly string[]): ClassKey {
    return this.offer(offerIds[0]!).classKey;
  }

  present(key: ClassKey): number[] {
    const out = new Array<number>(SLOT_COUNT).fill(0);
    for (const b of this.live()) {
      if (this.classOf(b.offerIds) !== key) continue;
      for (const s of this.slotsOf(b.offerIds)) out[s]! += 1;
    }
    return out;
  }

  institutionPresent(): number[] {
    const a = this.present('A');
    const b = this.present('B');
    return a.map((n, s) => n + b[s]!);
  }

  /** Carers counted in a half hour: rostered for the whole of it. */
  carers(key: ClassKey): number[] {
    const cls = this.classes[key];
    return Array.from({ length: SLOT_COUNT }, (_, s) => {
      const from = 360 + s * 30;
      let n = 0;
      for (const index of cls.shifts.values()) {
        const shift = SHIFTS[index];
        if (shift && shift[0] <= from && shift[1] >= from + 30) n += 1;
      }
      return n;
    });
  }

  /**
   * The rule one more place on each of `offerIds` would break, in the documented order: an offer
   * full; then per half hour, from the earliest, class size, licensed capacity, ratio.
   */
  violation(offerIds: readonly string[]): string | null {
    for (const id of offerIds) {
      if (this.taken(id) + 1 > this.offer(id).capacity) return 'booking.full';
    }
    const key = this.classOf(offerIds);
    const cls = this.classes[key];
    const present = this.present(key);
    const inst = this.institutionPresent();
    const carers = this.carers(key);
    for (const s of this.slotsOf(offerIds)) {
      const children = present[s]! + 1;
      if (children > cls.sizeLimit) return 'booking.class_size';
      if (inst[s]! + 1 > this.licensed) return 'booking.licensed_capacity';
      if (children > carers[s]! * cls.childrenPerCarer) return 'booking.ratio';
    }
    return null;
  }

  /** Whether the family's child holds a live place at a time overlapping any of `offerIds`. */
  overlaps(family: number, offerIds: readonly string[], excludeBookingId?: string): boolean {
    const wanted = offerIds.map((id) => this.offer(id));
    return this.live().some(
      (b) =>
        b.family === family &&
        b.id !== excludeBookingId &&
        b.offerIds.some((id) => {
          const held = this.offer(id);
          return wanted.some((w) => held.startsMin < w.endsMin && held.endsMin > w.startsMin);
        }),
    );
  }

  join(id: string, family: number, offerIds: string[]): MEntry {
    const entry: MEntry = { id, family, offerIds, status: 'waiting', order: this.joined++, bookingId: null };
    this.entries.push(entry);
    return entry;
  }

  /** Place in line: waiting entries wanting any of the same offers, joined no later. */
  position(entry: MEntry): number {
    return this.entries.filter(
      (e) =>
        e.status === 'waiting' &&
        e.order <= entry.order &&
        e.offerIds.some((id) => entry.offerIds.includes(id)),
    ).length;
  }

  /**
   * Waiting entries a release may serve, first in line first (the engine looks at 100): those
   * wanting a released place and — every place here being childcare of one centre on one day —
   * every other waiting entry too, since room freed in the class or centre may fit them again.
   */
  candidates(released: readonly string[]): MEntry[] {
    return this.entries
      .filter((e) => e.status === 'waiting' && (released.length > 0 || e.offerIds.length > 0))
      .sort((a, b) => a.order - b.order)
      .slice(0, 100);
  }

  /**
   * Offer freed places down the line: each candidate, in order, whose request fits now (no rule
   * broken, no overlapping place of the child) gets a held booking. Returns those promoted.
   */
  promote(candidates: readonly MEntry[]): MEntry[] {
    const promoted: MEntry[] = [];
    for (const entry of candidates) {
      if (entry.status !== 'waiting') continue;
      if (this.violation(entry.offerIds)) continue;
      if (this.overlaps(entry.family, entry.offerIds)) continue;
      const bookingId = `pending:${entry.id}`;
      this.bookings.push({
        id: bookingId,
        family: entry.family,
        offerIds: [...entry.offerIds],
        status: 'held',
        entryId: entry.id,
        cancelReason: null,
        replacesId: null,
      });
      entry.status = 'offered';
      entry.bookingId = bookingId;
      promoted.push(entry);
    }
    return promoted;
  }

  /** Give a promoted booking its real id, read back from the database. */
  resolvePromoted(entryId: string, bookingId: string): void {
    const booking = this.bookings.find((b) => b.id === `pending:${entryId}`);
    const entry = this.entries.find((e) => e.id === entryId);
    if (!booking || !entry) throw new Error(`no pending promotion for entry ${entryId}`);
    booking.id = bookingId;
    entry.bookingId = bookingId;
  }

  booking(id: string): MBooking {
    const b = this.bookings.find((x) => x.id === id);
    if (!b) throw new Error(`model has no booking ${id}`);
    return b;
  }

  entryOf(booking: MBooking): MEntry | undefined {
    return booking.entryId ? this.entries.find((e) => e.id === booking.entryId) : undefined;
  }
}
