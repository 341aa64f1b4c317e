/**
 * Random interleavings of everything that moves a place — book (hourly 1–3 slots, temporary, with
 * or without the waitlist), a retried booking, resident and institution cancellations, changes,
 * confirming and declining held places, leaving the waitlist, lapsed holds, roster changes — sent
 * to the real app over HTTP on a real database. After every step the database is checked against
 * a model written from the rules (bookings.property.model.ts) and against itself
 * (bookings.property.checks.ts): no offer, class or institution over its limit, counters equal to
 * the live bookings, no booking lost, waitlist places to the earliest entry that fits, and every
 * booking made or promoted kept its class in ratio when it was made.
 */
import { randomUUID } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.js';
import { careDayAhead } from '../../test/bookings.js';
import { seedTestRegions } from '../../test/regions.js';
import { staffRosters } from '../attendance/attendance.table.js';
import { auditLog } from '../audit/audit.table.js';
import { getSetting } from '../settings/settings.service.js';
import { injectAs } from './bookings.fixtures.js';
import { problems, ratioProblems, syncPromotions } from './bookings.property.checks.js';
import { type Cmd, choose, cmdArb, offersOf, worldArb } from './bookings.property.commands.js';
import { type MBooking, type MEntry, SHIFTS } from './bookings.property.model.js';
import { buildWorld, snapshot, type World } from './bookings.property.world.js';
import { refreshClassDayCarers } from './class-days.repo.js';
import { expireHolds } from './waitlist.service.js';

let t: TestApp;
let day: string;
let holdMs: number;

beforeAll(async () => {
  t = await createTestApp();
  await seedTestRegions(t.database);
  // Far enough ahead that no virtual clock of a run (12 h a lapsed-hold step) reaches it.
  day = careDayAhead(28);
  holdMs = (await getSetting(t.database.db, 'bookings.hold_minutes', '130102001001')) * 60_000;
});
afterAll(async () => {
  await t?.app.close();
  await t?.database.close();
});

interface Run {
  w: World;
  clock: number;
  expiredSeen: Set<string>;
  last?: { family: number; body: Record<string, unknown>; key: string; status: number; id?: string };
  /** Bookings made or promoted in the current step. */
  made: string[];
}

const errorCode = (res: { json(): unknown }) => (res.json() as { error?: { code?: string } }).error?.code;

/** Release a booking's places in the model and pass them down the line (what the engine does). */
function releaseAndPromote(run: Run, b: MBooking, skip: (e: MEntry) => boolean = () => false) {
  const promoted = run.w.model.promote(run.w.model.candidates(b.offerIds).filter((e) => !skip(e)));
  run.made.push(...promoted.map((e) => `pending:${e.id}`));
}

async function book(run: Run, family: number, body: Record<string, unknown>, key: string) {
  const { w } = run;
  const m = w.model;
  const offerIds = body.offerIds as string[];
  const res = await injectAs(t.app, w.families[family]!, 'POST', '/api/bookings', body, {
    'idempotency-key': key,
  });
  const overlap = m.overlaps(family, offerIds);
  const rule = overlap ? 'booking.overlap' : m.violation(offerIds);
  const expected = !rule ? 201 : body.waitlist && !overlap ? 202 : 409;
  expect(res.statusCode, `book ${JSON.stringify(body)}: ${res.body}`).toBe(expected);
  run.last = { family, body, key, status: res.statusCode };
  if (expected === 409) expect(errorCode(res)).toBe(rule);
  if (expected === 201) {
    const id = res.json().booking.id as string;
    m.bookings.push({
      id,
      family,
      offerIds,
      status: 'confirmed',
      entryId: null,
      cancelReason: null,
      replacesId: null,
    });
    run.made.push(id);
    run.last.id = id;
  }
  if (expected === 202) {
    const view = res.json().waitlist;
    const entry = m.join(view.id, family, offerIds);
    expect(view.position, 'place in line').toBe(m.position(entry));
    run.last.id = view.id;
  }
}

async function step(run: Run, cmd: Cmd): Promise<void> {
  const { w } = run;
  const m = w.model;
  const real = () => m.bookings.filter((b) => !b.id.startsWith('pending:'));
  switch (cmd.kind) {
    case 'book': {
      const body = {
        memberId: w.families[cmd.family]!.childId,
        offerIds: offersOf(w, cmd.pick),
        waitlist: cmd.waitlist,
      };
      return book(run, cmd.family, body, randomUUID());
    }
    case 'retry': {
      const last = run.last;
      if (!last) return;
      if (last.status === 409) return book(run, last.family, last.body, last.key);
      const res = await injectAs(t.app, w.families[last.family]!, 'POST', '/api/bookings', last.body, {
        'idempotency-key': last.key,
      });
      expect(res.statusCode, res.body).toBe(last.status);
      expect(res.headers['idempotent-replayed']).toBe('true');
      const body = res.json();
      expect((body.booking ?? body.waitlist).id).toBe(last.id);
      return;
    }
    case 'cancel':
    case 'institutionCancel':
    case 'decline':
    case 'confirm': {
      const wants = cmd.kind === 'confirm' || cmd.kind === 'decline' ? ['held'] : ['confirmed', 'held'];
      const b = choose(real(), cmd.ref, (x) => wants.includes(x.status));
      if (!b) return;
      const asInstitution = cmd.kind === 'institutionCancel';
      const who = asInstitution ? w.admin : w.families[b.family]!;
      const action = cmd.kind === 'institutionCancel' ? 'cancel' : cmd.kind;
      const res = await injectAs(
        t.app,
        who,
        'POST',
        `/api/bookings/${b.id}/${action}`,
        asInstitution ? { reason: '临时停课' } : {},
      );
      if (!wants.includes(b.status)) {
        expect(res.statusCode, res.body).toBe(409);
        expect(errorCode(res)).toBe('booking.not_cancellable');
        return;
      }
      expect(res.statusCode, res.body).toBe(200);
      const entry = m.entryOf(b);
      if (cmd.kind === 'confirm') {
        b.status = 'confirmed';
        if (entry) entry.status = 'booked';
        return;
      }
      // A place held from the waitlist and given up before it was confirmed was never booked.
      const wasHeld = b.status === 'held';
      b.status = 'cancelled';
      b.cancelReason = asInstitution ? '临时停课' : cmd.kind === 'decline' ? 'declined' : 'cancelled';
      if (entry) entry.status = cmd.kind === 'decline' || wasHeld ? 'withdrawn' : 'booked';
      return releaseAndPromote(run, b);
    }
    case 'change': {
      const b = choose(real(), cmd.ref, (x) => x.status === 'confirmed');
      if (!b) return;
      const offerIds = offersOf(w, cmd.pick);
      const res = await injectAs(t.app, w.families[b.family]!, 'POST', `/api/bookings/${b.id}/change`, {
        offerIds,
      });
      let rule: string | null = null;
      if (b.status !== 'confirmed') rule = 'booking.not_cancellable';
      else if (m.overlaps(b.family, offerIds, b.id)) rule = 'booking.overlap';
      else {
        b.status = 'cancelled';
        rule = m.violation(offerIds);
        b.status = 'confirmed';
      }
      if (rule) {
        expect(res.statusCode, `change to ${offerIds}: ${res.body}`).toBe(409);
        expect(errorCode(res)).toBe(rule);
        return;
      }
      expect(res.statusCode, res.body).toBe(200);
      b.status = 'cancelled';
      b.cancelReason = 'changed';
      const id = res.json().id as string;
      m.bookings.push({
        id,
        family: b.family,
        offerIds,
        status: 'confirmed',
        entryId: null,
        cancelReason: null,
        replacesId: b.id,
      });
      run.made.push(id);
      return releaseAndPromote(run, b, (e) => e.family === b.family);
    }
    case 'withdraw': {
      const e = choose(m.entries, cmd.ref, (x) => x.status === 'waiting' || x.status === 'offered');
      if (!e) return;
      const res = await injectAs(t.app, w.families[e.family]!, 'DELETE', `/api/waitlist/${e.id}`);
      if (e.status === 'waiting') {
        expect(res.statusCode, res.body).toBe(204);
        e.status = 'withdrawn';
      } else if (e.status === 'offered') {
        expect(res.statusCode, res.body).toBe(204);
        const b = m.booking(e.bookingId!);
        b.status = 'cancelled';
        b.cancelReason = 'declined';
        e.status = 'withdrawn';
        releaseAndPromote(run, b);
      } else {
        expect(res.statusCode, res.body).toBe(409);
        expect(errorCode(res)).toBe('booking.not_cancellable');
      }
      return;
    }
    case 'expire': {
      // Past every hold made so far (a hold lasts at most `holdMs` from when it was made).
      run.clock = Math.max(run.clock, Date.now()) + holdMs + 60_000;
      const held = m.bookings.filter((b) => b.status === 'held');
      // The sweep is global: it also ends holds left by earlier runs (other centres).
      expect(await expireHolds(t.database.db, new Date(run.clock))).toBeGreaterThanOrEqual(held.length);
      // Replay in the order the engine expired them (ties in expiry time have no set order).
      const order = (
        await t.database.db
          .select({ id: auditLog.entityId })
          .from(auditLog)
          .where(and(eq(auditLog.action, 'waitlist.expire'), eq(auditLog.institutionId, w.institutionId)))
          .orderBy(asc(auditLog.id))
      )
        .map((r) => r.id!)
        .filter((id) => !run.expiredSeen.has(id));
      expect([...order].sort()).toEqual(held.map((b) => b.id).sort());
      for (const id of order) {
        run.expiredSeen.add(id);
        const b = m.booking(id);
        b.status = 'expired';
        const entry = m.entryOf(b);
        if (entry) entry.status = 'expired';
        releaseAndPromote(run, b);
      }
      return;
    }
    case 'roster': {
      const cls = m.classes[cmd.key];
      const staffId = cls.staffIds[cmd.staff]!;
      const shift = SHIFTS[cmd.shift];
      await t.database.db.transaction(async (tx) => {
        await tx
          .delete(staffRosters)
          .where(
            and(
              eq(staffRosters.classId, cls.id),
              eq(staffRosters.staffId, staffId),
              eq(staffRosters.day, day),
            ),
          );
        if (shift) {
          await tx.insert(staffRosters).values({
            institutionId: w.institutionId,
            classId: cls.id,
            staffId,
            day,
            startsMin: shift[0],
            endsMin: shift[1],
          });
        }
        await refreshClassDayCarers(tx, cls.id, day);
      });
      cls.shifts.set(staffId, cmd.shift);
      return;
    }
  }
}

it('keeps every place, class, institution and waitlist consistent under random interleavings', async () => {
  await fc.assert(
    fc.asyncProperty(worldArb, fc.array(cmdArb, { minLength: 15, maxLength: 40 }), async (params, cmds) => {
      const run: Run = {
        w: await buildWorld(t, day, params),
        clock: Date.now(),
        expiredSeen: new Set(),
        made: [],
      };
      const initial = problems(run.w, await snapshot(t, run.w));
      expect(initial, 'fresh world').toEqual([]);
      for (const [i, cmd] of cmds.entries()) {
        run.made = [];
        await step(run, cmd);
        const snap = await snapshot(t, run.w);
        const found = syncPromotions(run.w, snap);
        if (found.length === 0)
          found.push(...problems(run.w, snap), ...ratioProblems(run.w, snap, run.made.map(resolved(run))));
        expect(found, `after step ${i} ${JSON.stringify(cmd)}`).toEqual([]);
      }
    }),
    { numRuns: Number(process.env.BOOKINGS_PROPERTY_RUNS ?? 20) },
  );
}, 600_000);

/** A promoted booking's id once read back from the database. */
const resolved = (run: Run) => (id: string) =>
  id.startsWith('pending:') ? run.w.model.entries.find((e) => e.id === id.slice(8))!.bookingId! : id;
