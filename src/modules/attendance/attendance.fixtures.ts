import { and, eq } from 'drizzle-orm';
import type { TestApp } from '../../test/app.js';
import { bookingOffers, bookings, offers } from '../bookings/bookings.table.js';
import { notifications } from '../notifications/notifications.table.js';

/**
 * Factories for the attendance tests: a childcare place on a day and a confirmed booking of it,
 * written straight into the booking engine's tables (the engine itself is tested on its own;
 * here a booking for today must exist whatever the clock says about cut-offs).
 */

/** The offer of a class on a day (08:00–17:00, temporary care), made once. */
export async function offerOn(
  t: TestApp,
  institutionId: string,
  classId: string,
  day: string,
): Promise<string> {
  const [existing] = await t.database.db
    .select({ id: offers.id })
    .from(offers)
    .where(and(eq(offers.classId, classId), eq(offers.day, day), eq(offers.form, 'temporary')));
  if (existing) return existing.id;
  const [row] = await t.database.db
    .insert(offers)
    .values({
      institutionId,
      classId,
      service: 'childcare',
      form: 'temporary',
      day,
      startsMin: 8 * 60,
      endsMin: 17 * 60,
      capacity: 20,
    })
    .returning({ id: offers.id });
  return row!.id;
}

/** A confirmed booking of the family's child for the class on the day; returns its id. */
export async function bookChild(
  t: TestApp,
  place: { institutionId: string; classId: string; day: string },
  family: { account: { id: string }; householdId: string; childId: string },
  status = 'confirmed',
): Promise<string> {
  const offerId = await offerOn(t, place.institutionId, place.classId, place.day);
  const [booking] = await t.database.db
    .insert(bookings)
    .values({
      accountId: family.account.id,
      householdId: family.householdId,
      memberId: family.childId,
      institutionId: place.institutionId,
      classId: place.classId,
      service: 'childcare',
      form: 'temporary',
      firstDay: place.day,
      lastDay: place.day,
      startsMin: 8 * 60,
      endsMin: 17 * 60,
      status,
    })
    .returning({ id: bookings.id });
  await t.database.db.insert(bookingOffers).values({ bookingId: booking!.id, offerId });
  return booking!.id;
}

/** The notifications of one kind in an account's inbox, oldest first. */
export async function inbox(t: TestApp, accountId: string, kind: string) {
  const rows = await t.database.db
    .select()
    .from(notifications)
    .where(and(eq(notifications.accountId, accountId), eq(notifications.kind, kind)));
  return rows.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
}
