/** Reading bookings and waitlists: a resident's own, an institution's (audited), the calendar of places. */
import { and, eq, gte, lte } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { RequestContext } from '../../server/context.js';
import { isWorkingDay } from '../../standards/working-days.js';
import { requirePermission } from '../accounts/accounts.service.js';
import { requireActor } from '../accounts/scope.js';
import { mutate } from '../audit/audit.service.js';
import { classes } from '../institutions/classes.table.js';
import { requireInstitution } from '../institutions/staffing.access.js';
import { presentBooking, presentEntry } from './bookings.presenter.js';
import * as repo from './bookings.repo.js';
import { classDays } from './bookings.table.js';
import { eachDay } from './days.js';
import { listOffers } from './offers.repo.js';
import { expireHolds } from './waitlist.service.js';

async function presentBookings(
  db: Db,
  rows: Awaited<ReturnType<typeof repo.listBookings>>,
  ctx: RequestContext,
  now: Date,
) {
  const offers = await repo.bookingOffersOf(
    db,
    rows.map((r) => r.booking.id),
  );
  const byBooking = new Map<string, repo.OfferRow[]>();
  for (const o of offers) byBooking.set(o.bookingId, [...(byBooking.get(o.bookingId) ?? []), o.offer]);
  return rows.map((r) =>
    presentBooking(
      r.booking,
      { institutionName: r.institutionName, className: r.className, memberName: r.memberName },
      byBooking.get(r.booking.id) ?? [],
      now,
      ctx.lang,
    ),
  );
}

async function presentEntries(
  db: Db,
  rows: Awaited<ReturnType<typeof repo.listEntries>>,
  ctx: RequestContext,
) {
  return Promise.all(
    rows.map(async (r) =>
      presentEntry(
        r.entry,
        r,
        r.entry.status === 'waiting' ? await repo.positionOf(db, r.entry) : 0,
        ctx.lang,
      ),
    ),
  );
}

/** The signed-in resident's bookings and waitlist places (lapsed holds expired first). */
export async function mine(db: Db, ctx: RequestContext, now = new Date()) {
  const actor = requireActor(ctx.actor);
  requirePermission(actor, 'bookings.book');
  await expireHolds(db, now);
  const bookings = await presentBookings(db, await repo.listBookings(db, { accountId: actor.id }), ctx, now);
  const waitlist = await presentEntries(db, await repo.listEntries(db, { accountId: actor.id }), ctx);
  return { bookings, waitlist };
}

/** An institution's bookings; reading children's names is audited. */
export async function institutionBookings(
  db: Db,
  ctx: RequestContext,
  institutionId: string,
  q: { from?: string; to?: string; service?: string; status?: string; classId?: string },
  now = new Date(),
) {
  const { institution } = await requireInstitution(db, ctx, institutionId, 'bookings.manage');
  const rows = await repo.listBookings(db, { institutionId, ...q });
  await mutate(db, ctx, async (_tx, audit) =>
    audit({
      action: 'bookings.read',
      entityType: 'institution',
      entityId: institutionId,
      regionCode: institution.regionCode,
      institutionId,
      after: { query: q, rows: rows.length },
    }),
  );
  return { items: await presentBookings(db, rows, ctx, now) };
}

export async function institutionWaitlist(
  db: Db,
  ctx: RequestContext,
  institutionId: string,
  q: { service?: string; status?: string },
) {
  const { institution } = await requireInstitution(db, ctx, institutionId, 'bookings.manage');
  const rows = await repo.listEntries(db, { institutionId, ...q });
  await mutate(db, ctx, async (_tx, audit) =>
    audit({
      action: 'waitlist.read',
      entityType: 'institution',
      entityId: institutionId,
      regionCode: institution.regionCode,
      institutionId,
      after: { query: q, rows: rows.length },
    }),
  );
  return { items: await presentEntries(db, rows, ctx) };
}

/** Per day and class: places per form, peak children booked, fewest carers rostered, ratio. */
export async function calendar(
  db: Db,
  ctx: RequestContext,
  institutionId: string,
  q: { from: string; to: string },
) {
  await requireInstitution(db, ctx, institutionId, 'bookings.manage');
  const days = eachDay(q.from, q.to).slice(0, 92);
  const offers = await listOffers(db, { institutionId, from: q.from, to: q.to });
  const cds = await db
    .select({ cd: classDays, name: classes.name })
    .from(classDays)
    .innerJoin(classes, eq(classes.id, classDays.classId))
    .where(
      and(eq(classDays.institutionId, institutionId), gte(classDays.day, q.from), lte(classDays.day, q.to)),
    );
  return {
    days: days.map((day) => {
      const dayOffers = offers.filter((o) => o.offer.day === day);
      const classRows = cds
        .filter((c) => c.cd.day === day)
        .map(({ cd, name }) => {
          const formsMap = new Map<
            string,
            { form: string; capacity: number; taken: number; waiting: number }
          >();
          for (const o of dayOffers.filter((x) => x.offer.classId === cd.classId)) {
            const f = formsMap.get(o.offer.form) ?? { form: o.offer.form, capacity: 0, taken: 0, waiting: 0 };
            // Hourly care has many slots: show the busiest slot, not a sum of slots.
            if (o.offer.form === 'hourly') {
              f.capacity = Math.max(f.capacity, o.offer.capacity);
              f.taken = Math.max(f.taken, o.offer.taken);
            } else {
              f.capacity += o.offer.capacity;
              f.taken += o.offer.taken;
            }
            f.waiting += Number(o.waiting);
            formsMap.set(o.offer.form, f);
          }
          const busy = cd.present.map((p, i) => ({ p, c: cd.carers[i] ?? 0 })).filter((x) => x.p > 0);
          return {
            classId: cd.classId,
            name,
            type: cd.classType,
            sizeLimit: cd.sizeLimit,
            childrenPerCarer: cd.childrenPerCarer,
            peakPresent: Math.max(0, ...cd.present),
            minCarers: busy.length > 0 ? Math.min(...busy.map((x) => x.c)) : 0,
            outOfRatio: busy.some((x) => x.p > x.c * cd.childrenPerCarer),
            forms: [...formsMap.values()],
          };
        });
      const otherMap = new Map<
        string,
        { service: string; form: string; capacity: number; taken: number; waiting: number }
      >();
      for (const o of dayOffers.filter((x) => !x.offer.classId)) {
        const key = `${o.offer.service}|${o.offer.form}`;
        const f = otherMap.get(key) ?? {
          service: o.offer.service,
          form: o.offer.form,
          capacity: 0,
          taken: 0,
          waiting: 0,
        };
        f.capacity += o.offer.capacity;
        f.taken += o.offer.taken;
        f.waiting += Number(o.waiting);
        otherMap.set(key, f);
      }
      return { day, careDay: isWorkingDay(day), classes: classRows, other: [...otherMap.values()] };
    }),
  };
}
