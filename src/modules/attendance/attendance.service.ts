import type { Db } from '../../db/client.js';
import { maskPhone } from '../../lib/mask.js';
import type { RequestContext } from '../../server/context.js';
import { AppError, M, notFound } from '../../server/errors.js';
import { translate } from '../../server/i18n.js';
import { ageInMonths } from '../../standards/childcare-classes.js';
import { chinaToday } from '../../standards/working-days.js';
import { mutate } from '../audit/audit.service.js';
import { formatMinutes } from '../bookings/segments.js';
import { findClassInstitution } from '../institutions/classes.repo.js';
import { requireCaller, requireInstitution } from '../institutions/staffing.access.js';
import { notify } from '../notifications/notifications.service.js';
import { AM } from './attendance.messages.js';
import { chinaClock, presentRecord } from './attendance.presenter.js';
import * as repo from './attendance.repo.js';
import type { CheckInInput, CheckOutInput, ExpectedChildView } from './attendance.schema.js';

const what = (ctx: RequestContext, code: string) => translate(code, ctx.lang);

/**
 * The children expected on a day (live childcare bookings holding a place that day) with their
 * records, and anyone with a record that day though no longer booked. Reading children's names
 * and the families' pick-up lists is audited.
 */
export async function listAttendance(
  db: Db,
  ctx: RequestContext,
  institutionId: string,
  query: { day?: string; classId?: string },
) {
  const { institution } = await requireInstitution(db, ctx, institutionId, 'attendance.manage');
  const day = query.day ?? chinaToday();
  const [booked, records] = await Promise.all([
    repo.expectedOn(db, institution.id, day, query.classId),
    repo.recordsOn(db, institution.id, day, query.classId),
  ]);
  type Child = Omit<ExpectedChildView, 'pickers' | 'record' | 'bookings'> & {
    householdId: string;
    bookings: { bookingId: string; form: string; startsMin: number; endsMin: number }[];
  };
  const children = new Map<string, Child>();
  for (const b of booked) {
    const child = children.get(b.memberId) ?? {
      memberId: b.memberId,
      householdId: b.householdId,
      name: b.name,
      sex: b.sex,
      ageMonths: ageInMonths(b.birthDate, day),
      classId: b.classId,
      className: b.className,
      bookings: [],
    };
    const held = child.bookings.find((x) => x.bookingId === b.bookingId);
    if (held) {
      held.startsMin = Math.min(held.startsMin, b.startsMin);
      held.endsMin = Math.max(held.endsMin, b.endsMin);
    } else {
      child.bookings.push({
        bookingId: b.bookingId,
        form: b.form,
        startsMin: b.startsMin,
        endsMin: b.endsMin,
      });
    }
    children.set(b.memberId, child);
  }
  for (const { record, ...r } of records) {
    if (children.has(record.memberId)) continue;
    children.set(record.memberId, {
      memberId: record.memberId,
      householdId: r.householdId,
      name: r.name,
      sex: r.sex,
      ageMonths: ageInMonths(r.birthDate, day),
      classId: record.classId,
      className: r.className,
      bookings: [],
    });
  }
  const list = [...children.values()];
  const pickers = await repo.pickersOf(
    db,
    list.map((c) => c.householdId),
  );
  const names = await repo.memberNames(
    db,
    records.flatMap((r) => [r.record.droppedOffBy, r.record.pickedUpBy]),
  );
  await mutate(db, ctx, (_tx, audit) =>
    audit({
      action: 'attendance.read',
      entityType: 'institution',
      entityId: institution.id,
      regionCode: institution.regionCode,
      institutionId: institution.id,
      after: { day, classId: query.classId ?? null, children: list.length },
    }),
  );
  const items: ExpectedChildView[] = list
    .sort((a, b) => a.className.localeCompare(b.className, 'zh-CN') || a.name.localeCompare(b.name, 'zh-CN'))
    .map(({ householdId, bookings, ...child }) => {
      const record = records.find((r) => r.record.memberId === child.memberId)?.record;
      return {
        ...child,
        bookings: bookings.map(({ startsMin, endsMin, ...b }) => ({
          ...b,
          startsAt: formatMinutes(startsMin),
          endsAt: formatMinutes(endsMin),
        })),
        pickers: pickers
          .filter((p) => p.householdId === householdId)
          .map((p) => ({ id: p.id, name: p.name, relation: p.relation, phone: maskPhone(p.phone) })),
        record: record ? presentRecord(record, names) : null,
      };
    });
  return { day, items };
}

/** The booking the check-in names, or the member's live booking in the class: institution, member, class. */
async function resolveCheckIn(db: Db, ctx: RequestContext, input: CheckInInput) {
  if (input.bookingId) {
    const booking = await repo.findBooking(db, input.bookingId);
    if (!booking) throw notFound(what(ctx, AM['attendance.booking']));
    return { institutionId: booking.institutionId, memberId: booking.memberId };
  }
  if (!input.memberId || !input.classId) {
    const field = input.memberId ? 'classId' : input.classId ? 'memberId' : 'bookingId';
    throw new AppError(400, M['validation.required'], { field }, field);
  }
  const institutionId = await findClassInstitution(db, input.classId);
  if (!institutionId) throw notFound(ctx.lang === 'en' ? 'class' : '班级');
  return { institutionId, memberId: input.memberId };
}

/**
 * Check a child in for today: the child needs a live childcare booking holding a place today
 * (409 `attendance.not_booked`), the person dropping off must be on the household's authorised
 * list (409 `attendance.not_authorised`), and a child is checked in once a day. The family is told.
 */
export async function checkIn(db: Db, ctx: RequestContext, input: CheckInInput, now = new Date()) {
  requireCaller(ctx, 'attendance.manage');
  const day = chinaToday(now);
  const target = await resolveCheckIn(db, ctx, input);
  const { institution } = await requireInstitution(db, ctx, target.institutionId, 'attendance.manage');
  const member = await repo.findMember(db, target.memberId);
  if (!member) throw notFound(what(ctx, AM['attendance.member']));
  const live = await repo.liveBooking(
    db,
    day,
    input.bookingId ? { bookingId: input.bookingId } : { memberId: member.id, classId: input.classId! },
  );
  if (!live?.classId || live.institutionId !== institution.id) {
    throw new AppError(409, AM['attendance.not_booked'], { name: member.name, day }, undefined, {
      rule: 'attendance.not_booked',
    });
  }
  const dropper = await repo.authorisedPerson(db, input.droppedOffBy, member.householdId);
  if (!dropper) {
    throw new AppError(409, AM['attendance.not_authorised'], { name: member.name }, 'droppedOffBy', {
      rule: 'attendance.not_authorised',
    });
  }
  const record = await mutate(db, ctx, async (tx, audit) => {
    const row = await repo.insertRecord(tx, {
      institutionId: institution.id,
      classId: live.classId!,
      memberId: member.id,
      bookingId: live.id,
      day,
      checkedInAt: now,
      droppedOffBy: dropper.id,
      recordedBy: ctx.actor!.id,
    });
    if (!row) {
      const existing = await repo.findRecord(tx, member.id, day);
      const at = existing?.checkedInAt ? chinaClock(existing.checkedInAt) : '';
      throw new AppError(409, AM['attendance.already_checked_in'], { name: member.name, at }, undefined, {
        rule: 'attendance.already_checked_in',
      });
    }
    await audit({
      action: 'attendance.check_in',
      entityType: 'attendance_record',
      entityId: row.id,
      regionCode: institution.regionCode,
      institutionId: institution.id,
      after: row,
    });
    await notify(tx, {
      accountId: live.accountId,
      kind: 'notify.checked_in',
      params: { member: member.name, when: chinaClock(now), by: dropper.name, institution: institution.name },
      entityType: 'attendance_record',
      entityId: row.id,
    });
    return row;
  });
  return presentRecord(record, new Map([[dropper.id, dropper.name]]));
}

/** The record of a child checked in on the day, in the caller's scope (409 when not checked in). */
export async function checkedInRecord(db: Db, ctx: RequestContext, memberId: string, day: string) {
  const record = await repo.findRecord(db, memberId, day);
  if (!record?.checkedInAt) {
    throw new AppError(409, AM['attendance.not_checked_in'], { day }, 'memberId', {
      rule: 'attendance.not_checked_in',
    });
  }
  const { institution } = await requireInstitution(db, ctx, record.institutionId, 'attendance.manage');
  const member = await repo.findMember(db, memberId);
  if (!member) throw notFound(what(ctx, AM['attendance.member']));
  return { record, institution, member };
}

/** Who hears about a child's day: the account that booked, else the household's owner. */
export async function familyAccount(db: Db, record: repo.RecordRow, householdId: string) {
  const booking = record.bookingId ? await repo.findBooking(db, record.bookingId) : undefined;
  return booking?.accountId ?? (await repo.householdOwner(db, householdId));
}

/** Check a child out, picked up by someone on the household's authorised list. The family is told. */
export async function checkOut(db: Db, ctx: RequestContext, input: CheckOutInput, now = new Date()) {
  requireCaller(ctx, 'attendance.manage');
  const day = input.day ?? chinaToday(now);
  const { record, institution, member } = await checkedInRecord(db, ctx, input.memberId, day);
  const alreadyOut = (at: Date) =>
    new AppError(
      409,
      AM['attendance.already_checked_out'],
      { name: member.name, at: chinaClock(at) },
      undefined,
      {
        rule: 'attendance.already_checked_out',
      },
    );
  if (record.checkedOutAt) throw alreadyOut(record.checkedOutAt);
  const picker = await repo.authorisedPerson(db, input.pickedUpBy, member.householdId);
  if (!picker) {
    throw new AppError(409, AM['attendance.not_authorised'], { name: member.name }, 'pickedUpBy', {
      rule: 'attendance.not_authorised',
    });
  }
  const account = await familyAccount(db, record, member.householdId);
  const updated = await mutate(db, ctx, async (tx, audit) => {
    const locked = await repo.findRecord(tx, member.id, day, true);
    if (locked?.checkedOutAt) throw alreadyOut(locked.checkedOutAt);
    const row = await repo.updateRecord(tx, record.id, { checkedOutAt: now, pickedUpBy: picker.id });
    await audit({
      action: 'attendance.check_out',
      entityType: 'attendance_record',
      entityId: row.id,
      regionCode: institution.regionCode,
      institutionId: institution.id,
      before: locked,
      after: row,
    });
    if (account) {
      await notify(tx, {
        accountId: account,
        kind: 'notify.checked_out',
        params: {
          member: member.name,
          when: chinaClock(now),
          by: picker.name,
          institution: institution.name,
        },
        entityType: 'attendance_record',
        entityId: row.id,
      });
    }
    return row;
  });
  const names = await repo.memberNames(db, [updated.droppedOffBy, updated.pickedUpBy]);
  return presentRecord(updated, names);
}
