/**
 * The capacity rules of the booking engine, over an in-memory copy of the rows a booking locks:
 * the offers it takes, the class days and institution days they fall on. Pure, no I/O: the
 * service loads the state under row locks, asks `placeViolation`, applies `applyPlaces`, and writes
 * back what changed. The property test drives the very same functions.
 */
import { formatMinutes, SLOTS, slotsOf } from './segments.js';

export interface OfferState {
  id: string;
  institutionId: string;
  classId: string | null;
  service: string;
  form: string;
  day: string;
  startsMin: number;
  endsMin: number;
  capacity: number;
  taken: number;
  status: string;
}

export interface ClassDayState {
  classId: string;
  day: string;
  classType: string;
  sizeLimit: number;
  childrenPerCarer: number;
  minAgeMonths: number;
  maxAgeMonths: number;
  present: number[];
  carers: number[];
}

export interface InstitutionDayState {
  institutionId: string;
  day: string;
  capacity: number;
  present: number[];
}

/** A refused place: the rule broken, as a message code, and the numbers that explain it. */
export interface Violation {
  code:
    | 'booking.offer_closed'
    | 'booking.full'
    | 'booking.class_size'
    | 'booking.licensed_capacity'
    | 'booking.ratio'
    | 'booking.not_published';
  params: Record<string, string | number>;
}

export const classDayKey = (classId: string, day: string) => `${classId}|${day}`;
export const institutionDayKey = (institutionId: string, day: string) => `${institutionId}|${day}`;

/** The rows one or more bookings touch, as locked; `dirty*` remember what to write back. */
export class PlaceState {
  readonly offers = new Map<string, OfferState>();
  readonly classDays = new Map<string, ClassDayState>();
  readonly institutionDays = new Map<string, InstitutionDayState>();
  readonly dirtyOffers = new Set<string>();
  readonly dirtyClassDays = new Set<string>();
  readonly dirtyInstitutionDays = new Set<string>();
}

/** Per day, the half-hour slots the given childcare offers cover together. */
export function childcareSpans(
  offers: readonly OfferState[],
): Map<string, { classId: string; slots: number[] }> {
  const byDay = new Map<string, { classId: string; slots: Set<number> }>();
  for (const offer of offers) {
    if (offer.service !== 'childcare' || !offer.classId) continue;
    const entry = byDay.get(offer.day) ?? { classId: offer.classId, slots: new Set<number>() };
    for (const s of slotsOf(offer.startsMin, offer.endsMin)) entry.slots.add(s);
    byDay.set(offer.day, entry);
  }
  return new Map(
    [...byDay].map(([day, { classId, slots }]) => [
      day,
      { classId, slots: [...slots].sort((a, b) => a - b) },
    ]),
  );
}

const slotTime = (slot: number) => formatMinutes(6 * 60 + slot * 30);

/**
 * Null when one more place can be taken on every offer in `offerIds`: the offer is open and not
 * full and — for childcare — in every half hour covered, the class stays within its size, the
 * institution within its licensed capacity, and the carers rostered meet the ratio. Else the
 * first rule broken.
 */
export function placeViolation(state: PlaceState, offerIds: readonly string[]): Violation | null {
  const offers: OfferState[] = [];
  for (const id of offerIds) {
    const offer = state.offers.get(id);
    if (!offer) return { code: 'booking.not_published', params: { offer: id } };
    offers.push(offer);
  }
  for (const o of offers) {
    const when = `${o.day} ${formatMinutes(o.startsMin)}`;
    if (o.status !== 'open') return { code: 'booking.offer_closed', params: { day: o.day, time: when } };
    if (o.taken + 1 > o.capacity) {
      return {
        code: 'booking.full',
        params: { day: o.day, time: when, capacity: o.capacity, taken: o.taken },
      };
    }
  }
  for (const [day, { classId, slots }] of childcareSpans(offers)) {
    const cls = state.classDays.get(classDayKey(classId, day));
    const institutionId = offers.find((o) => o.day === day)!.institutionId;
    const inst = state.institutionDays.get(institutionDayKey(institutionId, day));
    if (!cls || !inst) return { code: 'booking.not_published', params: { day } };
    for (const s of slots) {
      const children = (cls.present[s] ?? 0) + 1;
      if (children > cls.sizeLimit) {
        return {
          code: 'booking.class_size',
          params: { day, time: slotTime(s), present: cls.present[s] ?? 0, limit: cls.sizeLimit },
        };
      }
      if ((inst.present[s] ?? 0) + 1 > inst.capacity) {
        return {
          code: 'booking.licensed_capacity',
          params: { day, time: slotTime(s), present: inst.present[s] ?? 0, limit: inst.capacity },
        };
      }
      const carers = cls.carers[s] ?? 0;
      if (children > carers * cls.childrenPerCarer) {
        return {
          code: 'booking.ratio',
          params: {
            day,
            time: slotTime(s),
            children,
            carers,
            required: Math.ceil(children / cls.childrenPerCarer),
            childrenPerCarer: cls.childrenPerCarer,
          },
        };
      }
    }
  }
  return null;
}

/** Take (`delta = 1`) or release (`delta = -1`) one place on each offer, marking rows to write. */
export function applyPlaces(state: PlaceState, offerIds: readonly string[], delta: 1 | -1): void {
  const offers = offerIds.map((id) => {
    const offer = state.offers.get(id);
    if (!offer) throw new Error(`offer ${id} is not loaded`);
    return offer;
  });
  for (const o of offers) {
    o.taken += delta;
    state.dirtyOffers.add(o.id);
  }
  for (const [day, { classId, slots }] of childcareSpans(offers)) {
    const institutionId = offers.find((o) => o.day === day)!.institutionId;
    const cKey = classDayKey(classId, day);
    const iKey = institutionDayKey(institutionId, day);
    const cls = state.classDays.get(cKey);
    const inst = state.institutionDays.get(iKey);
    if (!cls || !inst) throw new Error(`class day ${cKey} is not loaded`);
    for (const s of slots) {
      cls.present[s] = Math.max(0, (cls.present[s] ?? 0) + delta);
      inst.present[s] = Math.max(0, (inst.present[s] ?? 0) + delta);
    }
    state.dirtyClassDays.add(cKey);
    state.dirtyInstitutionDays.add(iKey);
  }
}

/** Invariant checks for tests and the benchmark: every row within its limits. */
export function stateProblems(state: PlaceState): string[] {
  const problems: string[] = [];
  for (const o of state.offers.values()) {
    if (o.taken < 0 || o.taken > o.capacity) problems.push(`offer ${o.id} taken ${o.taken}/${o.capacity}`);
  }
  for (const c of state.classDays.values()) {
    for (let s = 0; s < SLOTS; s++) {
      if ((c.present[s] ?? 0) > c.sizeLimit) problems.push(`class ${c.classId} ${c.day} slot ${s} over size`);
    }
  }
  for (const i of state.institutionDays.values()) {
    for (let s = 0; s < SLOTS; s++) {
      if ((i.present[s] ?? 0) > i.capacity)
        problems.push(`institution ${i.institutionId} ${i.day} slot ${s} over capacity`);
    }
  }
  return problems;
}
