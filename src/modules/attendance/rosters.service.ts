import type { Db } from '../../db/client.js';
import type { RequestContext } from '../../server/context.js';
import { AppError } from '../../server/errors.js';
import { type Lang, translate } from '../../server/i18n.js';
import {
  type ChildcareClassRules,
  type ClassType,
  requiredCarers,
} from '../../standards/childcare-classes.js';
import { chinaToday } from '../../standards/working-days.js';
import { mutate } from '../audit/audit.service.js';
import { refreshClassDayCarers } from '../bookings/class-days.repo.js';
import {
  carersPerSlot,
  DAY_END_MIN,
  DAY_START_MIN,
  formatMinutes,
  parseMinutes,
  SLOT_MINUTES,
} from '../bookings/segments.js';
import { promoteWaiting } from '../bookings/waitlist.service.js';
import { CARER_ROLES, lockInstitution } from '../institutions/classes.repo.js';
import { classRulesFor, requireInstitution, staffRoleName } from '../institutions/staffing.access.js';
import { AM } from './attendance.messages.js';
import type { PutRosterInput, RosterClassView } from './attendance.schema.js';
import * as repo from './rosters.repo.js';

/** The rules with one class type's ratio replaced (a class day keeps the ratio in force when published). */
function withRatio(
  rules: ChildcareClassRules,
  type: ClassType,
  childrenPerCarer: number,
): ChildcareClassRules {
  return { ...rules, [type]: { ...rules[type], childrenPerCarer } };
}

/**
 * A class's roster on a day: shifts, carers per half hour and, once places are published, the
 * children booked per half hour with every half hour the rostered carers do not cover.
 */
export function presentRosterClass(
  cls: repo.ClassRow,
  shifts: repo.ShiftRow[],
  classDay: repo.ClassDayRow | undefined,
  rules: ChildcareClassRules,
  lang: Lang,
): RosterClassView {
  const type = cls.type as ClassType;
  const childrenPerCarer = classDay?.childrenPerCarer ?? rules[type].childrenPerCarer;
  const ratioRules = withRatio(rules, type, childrenPerCarer);
  const carers = carersPerSlot(shifts);
  const halfHours = carers.map((n, i) => {
    const booked = classDay ? (classDay.present[i] ?? 0) : null;
    const required = booked === null ? null : requiredCarers(booked, type, ratioRules);
    return {
      time: formatMinutes(DAY_START_MIN + i * SLOT_MINUTES),
      carers: n,
      booked,
      required,
      ok: n >= (required ?? 0),
    };
  });
  const warnings = halfHours
    .filter((h) => !h.ok)
    .map((h) => {
      const params = { time: h.time, children: h.booked ?? 0, carers: h.carers, required: h.required ?? 0 };
      return {
        rule: 'class.ratio' as const,
        ...params,
        message: translate(AM['roster.ratio_warning'], lang, { ...params, childrenPerCarer }),
      };
    });
  return {
    classId: cls.id,
    name: cls.name,
    type,
    room: cls.room,
    sizeLimit: classDay?.sizeLimit ?? cls.capacity,
    childrenPerCarer,
    published: Boolean(classDay),
    shifts: shifts.map((s) => ({
      id: s.id,
      staffId: s.staffId,
      staffName: s.staffName,
      role: s.role,
      startsAt: formatMinutes(s.startsMin),
      endsAt: formatMinutes(s.endsMin),
    })),
    halfHours,
    warnings,
  };
}

async function rosterViews(
  db: Db,
  institutionId: string,
  regionCode: string,
  day: string,
  lang: Lang,
  classId?: string,
) {
  const rules = await classRulesFor(db, regionCode);
  const classRows = await repo.activeClasses(db, institutionId, classId);
  const ids = classRows.map((c) => c.id);
  const [shifts, days] = await Promise.all([repo.shiftsOf(db, ids, day), repo.classDaysOf(db, ids, day)]);
  return classRows.map((cls) =>
    presentRosterClass(
      cls,
      shifts.filter((s) => s.classId === cls.id),
      days.find((d) => d.classId === cls.id),
      rules,
      lang,
    ),
  );
}

/** Every active class's roster on a day (today by default), and the staff who may be rostered. */
export async function getRosters(
  db: Db,
  ctx: RequestContext,
  institutionId: string,
  query: { day?: string; classId?: string },
) {
  const { institution } = await requireInstitution(db, ctx, institutionId, 'attendance.manage');
  const day = query.day ?? chinaToday();
  const [staff, classes] = await Promise.all([
    repo.rosterableStaff(db, institution.id),
    rosterViews(db, institution.id, institution.regionCode, day, ctx.lang, query.classId),
  ]);
  return { day, staff, classes };
}

interface Shift {
  staffId: string;
  startsMin: number;
  endsMin: number;
}

const shiftError = (code: string, i: number, params: Record<string, unknown>, field = '') =>
  new AppError(400, code, { n: i + 1, ...params }, `shifts.${i}${field}`);

/** Check each shift's staff member and times; 400 naming `shifts.{i}` and the rule. */
function validateShifts(
  input: PutRosterInput,
  staffRows: Awaited<ReturnType<typeof repo.staffByIds>>,
  institutionId: string,
  lang: Lang,
): Shift[] {
  return input.shifts.map((s, i) => {
    const member = staffRows.find((r) => r.id === s.staffId && r.institutionId === institutionId);
    if (!member) throw shiftError(AM['roster.staff_unknown'], i, {}, '.staffId');
    if (member.status !== 'active')
      throw shiftError(AM['roster.staff_inactive'], i, { name: member.name }, '.staffId');
    if (!(CARER_ROLES as readonly string[]).includes(member.role)) {
      const roleName = staffRoleName(member.role, lang);
      throw shiftError(AM['roster.staff_role'], i, { name: member.name, roleName }, '.staffId');
    }
    const startsMin = parseMinutes(s.startsAt)!;
    const endsMin = parseMinutes(s.endsAt)!;
    const bounds = { dayStart: formatMinutes(DAY_START_MIN), dayEnd: formatMinutes(DAY_END_MIN) };
    if (startsMin < DAY_START_MIN) throw shiftError(AM['roster.outside_day'], i, bounds, '.startsAt');
    if (endsMin > DAY_END_MIN) throw shiftError(AM['roster.outside_day'], i, bounds, '.endsAt');
    if (endsMin <= startsMin) {
      throw shiftError(
        AM['roster.ends_before_starts'],
        i,
        { startsAt: s.startsAt, endsAt: s.endsAt },
        '.endsAt',
      );
    }
    return { staffId: s.staffId, startsMin, endsMin };
  });
}

const overlaps = (a: { startsMin: number; endsMin: number }, b: { startsMin: number; endsMin: number }) =>
  a.startsMin < b.endsMin && b.startsMin < a.endsMin;

/** Refuse a staff member in two places at once: twice in this roster, or in another class that day. */
function assertNoOverlap(
  shifts: Shift[],
  others: Awaited<ReturnType<typeof repo.otherShifts>>,
  names: Map<string, string>,
  className: string,
): void {
  shifts.forEach((s, i) => {
    const clash =
      others.find((o) => o.staffId === s.staffId && overlaps(o, s)) ??
      shifts
        .slice(0, i)
        .map((o) => ({ ...o, className }))
        .find((o) => o.staffId === s.staffId && overlaps(o, s));
    if (!clash) return;
    throw shiftError(AM['roster.overlap'], i, {
      name: names.get(s.staffId) ?? '',
      startsAt: formatMinutes(s.startsMin),
      endsAt: formatMinutes(s.endsMin),
      className: clash.className,
      otherStartsAt: formatMinutes(clash.startsMin),
      otherEndsAt: formatMinutes(clash.endsMin),
    });
  });
}

/**
 * Replace a class-day's roster in one transaction and write the carers it gives per half hour
 * into the class day, so the booking engine sells places against them. A cut that leaves booked
 * children without enough carers is allowed; the answer lists those half hours as warnings.
 */
export async function putRoster(db: Db, ctx: RequestContext, institutionId: string, input: PutRosterInput) {
  const { institution } = await requireInstitution(db, ctx, institutionId, 'attendance.manage');
  if (input.day < chinaToday()) throw new AppError(400, AM['roster.day_past'], { day: input.day }, 'day');
  const [cls] = await repo.activeClasses(db, institution.id, input.classId);
  if (!cls) throw new AppError(400, AM['roster.class_unknown'], {}, 'classId');
  const staffRows = await repo.staffByIds(
    db,
    input.shifts.map((s) => s.staffId),
  );
  const shifts = validateShifts(input, staffRows, institution.id, ctx.lang);
  const names = new Map(staffRows.map((r) => [r.id, r.name]));

  await mutate(db, ctx, async (tx, audit) => {
    await lockInstitution(tx, institution.id);
    const others = await repo.otherShifts(
      tx,
      shifts.map((s) => s.staffId),
      input.day,
      cls.id,
    );
    assertNoOverlap(shifts, others, names, cls.name);
    const before = await repo.shiftsOf(tx, [cls.id], input.day);
    const target = { institutionId: institution.id, classId: cls.id, day: input.day };
    const after = await repo.replaceShifts(tx, target, shifts);
    await refreshClassDayCarers(tx, cls.id, input.day);
    await audit({
      action: 'roster.replace',
      entityType: 'class',
      entityId: cls.id,
      regionCode: institution.regionCode,
      institutionId: institution.id,
      before: {
        day: input.day,
        shifts: before.map(({ staffId, startsMin, endsMin }) => ({ staffId, startsMin, endsMin })),
      },
      after: {
        day: input.day,
        shifts: after.map(({ staffId, startsMin, endsMin }) => ({ staffId, startsMin, endsMin })),
      },
    });
  });
  // Carers added may make room: the waitlist is served first, in a transaction of its own.
  await promoteWaiting(db, { institutionId: institution.id, days: [input.day] });
  const [view] = await rosterViews(db, institution.id, institution.regionCode, input.day, ctx.lang, cls.id);
  return view!;
}
