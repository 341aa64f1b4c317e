/**
 * What the property test checks after every step: the database against itself (counters equal to
 * the live bookings, every limit kept) and against the model (the same bookings in the same
 * states, the waitlist served in order), and that what a step made kept its class in ratio.
 */
import { SLOT_COUNT } from './bookings.property.model.js';
import type { Snapshot, World } from './bookings.property.world.js';

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().join() === [...b].sort().join();

/** Everything that must hold in the database, on its own and against the model. */
export function problems(w: World, snap: Snapshot): string[] {
  const m = w.model;
  const out: string[] = [];
  const live = snap.bookings.filter((b) => b.status === 'confirmed' || b.status === 'held');
  for (const o of snap.offers) {
    const holding = live.filter((b) => b.offerIds.includes(o.id)).length;
    if (o.taken > o.capacity) out.push(`offer ${o.id} oversold: ${o.taken}/${o.capacity}`);
    if (o.taken !== holding) out.push(`offer ${o.id} taken ${o.taken} but ${holding} live bookings hold it`);
    if (o.taken !== m.taken(o.id)) out.push(`offer ${o.id} taken ${o.taken}, model ${m.taken(o.id)}`);
  }
  const instSum = new Array<number>(SLOT_COUNT).fill(0);
  for (const key of ['A', 'B'] as const) {
    const cls = m.classes[key];
    const row = snap.classDays.find((c) => c.classId === cls.id);
    if (!row) {
      out.push(`class ${key} has no class day`);
      continue;
    }
    const fromRows = new Array<number>(SLOT_COUNT).fill(0);
    for (const b of live) {
      if (!b.offerIds.every((id) => m.offers.get(id)?.classKey === key)) continue;
      for (const s of m.slotsOf(b.offerIds)) fromRows[s]! += 1;
    }
    const modelPresent = m.present(key);
    const modelCarers = m.carers(key);
    for (let s = 0; s < SLOT_COUNT; s++) {
      const present = row.present[s] ?? 0;
      instSum[s]! += present;
      if (present !== fromRows[s])
        out.push(`class ${key} slot ${s}: present ${present}, live bookings ${fromRows[s]}`);
      if (present !== modelPresent[s])
        out.push(`class ${key} slot ${s}: present ${present}, model ${modelPresent[s]}`);
      if (present > row.sizeLimit) out.push(`class ${key} slot ${s}: ${present} over size ${row.sizeLimit}`);
      if ((row.carers[s] ?? 0) !== modelCarers[s])
        out.push(`class ${key} slot ${s}: carers ${row.carers[s]}, rostered ${modelCarers[s]}`);
    }
    if (row.sizeLimit !== cls.sizeLimit || row.childrenPerCarer !== cls.childrenPerCarer)
      out.push(`class ${key}: limits ${row.sizeLimit} 1:${row.childrenPerCarer}`);
  }
  const inst = snap.institutionDay;
  if (!inst) out.push('no institution day');
  else {
    if (inst.capacity !== m.licensed) out.push(`licensed capacity ${inst.capacity}, expected ${m.licensed}`);
    for (let s = 0; s < SLOT_COUNT; s++) {
      const present = inst.present[s] ?? 0;
      if (present !== instSum[s])
        out.push(`institution slot ${s}: present ${present}, classes ${instSum[s]}`);
      if (present > inst.capacity)
        out.push(`institution slot ${s}: ${present} over licensed ${inst.capacity}`);
    }
  }
  // No booking lost, none made up; each in the state the model says, holding what it should.
  if (
    !sameSet(
      snap.bookings.map((b) => b.id),
      m.bookings.map((b) => b.id),
    )
  )
    out.push(`bookings in database ${snap.bookings.length}, model ${m.bookings.length}`);
  for (const mb of m.bookings) {
    const b = snap.bookings.find((x) => x.id === mb.id);
    if (!b) {
      out.push(`booking ${mb.id} (${mb.status}) lost`);
      continue;
    }
    if (b.status !== mb.status) out.push(`booking ${b.id}: status ${b.status}, model ${mb.status}`);
    if (b.memberId !== w.families[mb.family]!.childId) out.push(`booking ${b.id}: wrong member`);
    if (!sameSet(b.offerIds, mb.offerIds)) out.push(`booking ${b.id}: holds other offers than booked`);
    if (b.status === 'held' && !b.holdExpiresAt) out.push(`booking ${b.id}: held without a deadline`);
    if (b.status === 'confirmed' && b.holdExpiresAt) out.push(`booking ${b.id}: confirmed but still on hold`);
    if (b.waitlistEntryId !== mb.entryId)
      out.push(`booking ${b.id}: entry ${b.waitlistEntryId}, model ${mb.entryId}`);
    if (mb.cancelReason && b.cancelReason !== mb.cancelReason)
      out.push(`booking ${b.id}: cancel reason ${b.cancelReason}, model ${mb.cancelReason}`);
    if (b.replacesId !== mb.replacesId)
      out.push(`booking ${b.id}: replaces ${b.replacesId}, model ${mb.replacesId}`);
  }
  if (
    !sameSet(
      snap.entries.map((e) => e.id),
      m.entries.map((e) => e.id),
    )
  )
    out.push(`waitlist entries in database ${snap.entries.length}, model ${m.entries.length}`);
  for (const me of m.entries) {
    const e = snap.entries.find((x) => x.id === me.id);
    if (!e) out.push(`waitlist entry ${me.id} lost`);
    else {
      if (e.status !== me.status) out.push(`entry ${e.id}: status ${e.status}, model ${me.status}`);
      if (me.bookingId && e.bookingId !== me.bookingId)
        out.push(`entry ${e.id}: booking ${e.bookingId}, model ${me.bookingId}`);
    }
  }
  return out;
}

/**
 * Read back the bookings the engine made from the waitlist in the last step: they must be exactly
 * those the model promoted (the earliest waiting entries that fitted), and get their real ids.
 */
export function syncPromotions(w: World, snap: Snapshot): string[] {
  const known = new Set(w.model.bookings.map((b) => b.id));
  const made = snap.bookings.filter((b) => !known.has(b.id));
  const fromLine = made.filter((b) => b.waitlistEntryId).map((b) => b.waitlistEntryId!);
  const pending = w.model.bookings.filter((b) => b.id.startsWith('pending:')).map((b) => b.entryId!);
  if (!sameSet(fromLine, pending) || made.length !== fromLine.length) {
    const name = (id: string) => `#${w.model.entries.find((e) => e.id === id)?.order ?? '?'}`;
    return [
      `waitlist offers went to entries [${fromLine.map(name).join(', ')}], model says [${pending.map(name).join(', ')}]` +
        (made.length !== fromLine.length ? `; ${made.length - fromLine.length} booking(s) from nowhere` : ''),
    ];
  }
  for (const b of made) w.model.resolvePromoted(b.waitlistEntryId!, b.id);
  return [];
}

/** A booking made or promoted in this step kept its class in ratio and size (checked right after). */
export function ratioProblems(w: World, snap: Snapshot, bookingIds: readonly string[]): string[] {
  const out: string[] = [];
  for (const id of bookingIds) {
    const b = w.model.booking(id);
    const cls = w.model.classes[w.model.classOf(b.offerIds)];
    const row = snap.classDays.find((c) => c.classId === cls.id)!;
    for (const s of w.model.slotsOf(b.offerIds)) {
      const present = row.present[s] ?? 0;
      const carers = row.carers[s] ?? 0;
      if (present > carers * row.childrenPerCarer)
        out.push(
          `booking ${id} made class ${cls.key} out of ratio at slot ${s}: ${present} children, ${carers} carers`,
        );
      if (present > row.sizeLimit) out.push(`booking ${id} made class ${cls.key} over size at slot ${s}`);
    }
  }
  return out;
}
