/**
 * The commands of the booking engine's property test and how fast-check draws them: worlds small
 * enough that places run out on every rule, bookings aimed mostly at the same slots so that the
 * waitlist moves, and references to bookings and entries as indexes resolved when a step runs.
 */
import fc from 'fast-check';
import { type ClassKey, SHIFTS } from './bookings.property.model.js';
import { FAMILIES, type World } from './bookings.property.world.js';

export type Pick = { key: ClassKey; form: 'hourly' | 'temporary'; start: number; length: number };
export type Ref = { index: number; any: boolean };
export type Cmd =
  | { kind: 'book'; family: number; pick: Pick; waitlist: boolean }
  | { kind: 'retry' }
  | { kind: 'cancel' | 'institutionCancel' | 'confirm' | 'decline' | 'withdraw'; ref: Ref }
  | { kind: 'change'; ref: Ref; pick: Pick }
  | { kind: 'expire' }
  | { kind: 'roster'; key: ClassKey; staff: number; shift: number };

// Mostly class A and the first slots, so that places run out and the line moves.
const pickArb = fc.record({
  key: fc.constantFrom<ClassKey>('A', 'A', 'A', 'B'),
  form: fc.constantFrom<Pick['form']>('hourly', 'hourly', 'temporary'),
  start: fc.oneof({ arbitrary: fc.nat(1), weight: 3 }, fc.nat(3)),
  length: fc.integer({ min: 1, max: 3 }),
});
const refArb = fc.record({
  index: fc.nat(40),
  any: fc.oneof({ arbitrary: fc.constant(false), weight: 4 }, { arbitrary: fc.constant(true), weight: 1 }),
});
const ref = (kind: 'cancel' | 'institutionCancel' | 'confirm' | 'decline' | 'withdraw') =>
  refArb.map((r): Cmd => ({ kind, ref: r }));
export const cmdArb: fc.Arbitrary<Cmd> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc
      .record({
        family: fc.nat(FAMILIES - 1),
        pick: pickArb,
        waitlist: fc.oneof({ arbitrary: fc.constant(true), weight: 2 }, fc.constant(false)),
      })
      .map((c): Cmd => ({ kind: 'book', ...c })),
  },
  { weight: 1, arbitrary: fc.constant<Cmd>({ kind: 'retry' }) },
  { weight: 3, arbitrary: ref('cancel') },
  { weight: 1, arbitrary: ref('institutionCancel') },
  {
    weight: 2,
    arbitrary: fc.record({ ref: refArb, pick: pickArb }).map((c): Cmd => ({ kind: 'change', ...c })),
  },
  { weight: 2, arbitrary: ref('confirm') },
  { weight: 1, arbitrary: ref('decline') },
  { weight: 1, arbitrary: ref('withdraw') },
  { weight: 1, arbitrary: fc.constant<Cmd>({ kind: 'expire' }) },
  {
    weight: 2,
    arbitrary: fc
      .record({
        key: fc.constantFrom<ClassKey>('A', 'B'),
        staff: fc.nat(1),
        shift: fc.nat(SHIFTS.length - 1),
      })
      .map((c): Cmd => ({ kind: 'roster', ...c })),
  },
);
export const worldArb = fc.record({
  sizeA: fc.integer({ min: 2, max: 6 }),
  sizeB: fc.integer({ min: 2, max: 5 }),
  licensed: fc.integer({ min: 2, max: 9 }),
  capAHourly: fc.integer({ min: 1, max: 4 }),
  capBHourly: fc.integer({ min: 1, max: 3 }),
  capATemp: fc.integer({ min: 1, max: 3 }),
  capBTemp: fc.integer({ min: 1, max: 3 }),
  // Mostly a full day, so that places run out on size, capacity and ratio alike.
  shifts: fc.array(fc.oneof({ arbitrary: fc.constant(1), weight: 2 }, fc.nat(SHIFTS.length - 1)), {
    minLength: 4,
    maxLength: 4,
  }),
});

/** The offers a pick takes: the temporary place, or 1–3 consecutive hourly slots. */
export function offersOf(w: World, pick: Pick): string[] {
  const ids = w.grid[`${pick.key}${pick.form}`];
  if (pick.form === 'temporary') return [ids[0]!];
  const start = pick.start % ids.length;
  return ids.slice(start, start + Math.min(pick.length, ids.length - start));
}

/** The referenced item: among the preferred ones, unless the reference asks for any. */
export function choose<T extends { id: string }>(
  items: T[],
  r: Ref,
  preferred: (x: T) => boolean,
): T | undefined {
  const pool = r.any ? items : items.filter(preferred);
  const from = pool.length > 0 ? pool : items;
  return from.length > 0 ? from[r.index % from.length] : undefined;
}
