import { z } from 'zod';
import { CLASS_TYPES } from '../../standards/childcare-classes.js';

const Day = z.iso.date();
const Time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM');

export const InstitutionParams = z.object({ id: z.uuid() });

// ── rosters ──

export const RosterQuery = z.object({ day: Day.optional(), classId: z.uuid().optional() });

export const PutRosterBody = z
  .object({
    day: Day,
    classId: z.uuid(),
    shifts: z.array(z.object({ staffId: z.uuid(), startsAt: Time, endsAt: Time }).strict()).max(60),
  })
  .strict();
export type PutRosterInput = z.infer<typeof PutRosterBody>;

export const ShiftView = z.object({
  id: z.string(),
  staffId: z.string(),
  staffName: z.string(),
  role: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
});

/** One half hour of a class day: carers rostered, and (once places are published) children booked. */
export const HalfHourView = z.object({
  time: z.string(),
  carers: z.number(),
  booked: z.number().nullable(),
  required: z.number().nullable(),
  ok: z.boolean(),
});

export const RosterWarning = z.object({
  rule: z.literal('class.ratio'),
  time: z.string(),
  children: z.number(),
  carers: z.number(),
  required: z.number(),
  message: z.string(),
});

export const RosterClassView = z.object({
  classId: z.string(),
  name: z.string(),
  type: z.enum(CLASS_TYPES),
  room: z.string().nullable(),
  sizeLimit: z.number(),
  childrenPerCarer: z.number(),
  /** Whether places were published for the day (a class_days row exists). */
  published: z.boolean(),
  shifts: z.array(ShiftView),
  halfHours: z.array(HalfHourView),
  warnings: z.array(RosterWarning),
});
export type RosterClassView = z.infer<typeof RosterClassView>;

export const RosterDayView = z.object({
  day: z.string(),
  /** Active carers and teachers who may be rostered. */
  staff: z.array(z.object({ id: z.string(), name: z.string(), role: z.string() })),
  classes: z.array(RosterClassView),
});

// ── attendance ──

export const AttendanceQuery = z.object({ day: Day.optional(), classId: z.uuid().optional() });

export const CheckInBody = z
  .object({
    bookingId: z.uuid().optional(),
    memberId: z.uuid().optional(),
    classId: z.uuid().optional(),
    droppedOffBy: z.uuid(),
  })
  .strict();
export type CheckInInput = z.infer<typeof CheckInBody>;

export const CheckOutBody = z
  .object({ memberId: z.uuid(), day: Day.optional(), pickedUpBy: z.uuid() })
  .strict();
export type CheckOutInput = z.infer<typeof CheckOutBody>;

export const HealthCheckBody = z
  .object({
    memberId: z.uuid(),
    day: Day.optional(),
    check: z.enum(['morning', 'midday']),
    temperature: z.number().min(34).max(43),
    result: z.enum(['normal', 'abnormal']),
    findings: z.string().trim().max(500).optional(),
  })
  .strict();
export type HealthCheckInput = z.infer<typeof HealthCheckBody>;

const Person = z.object({ id: z.string(), name: z.string() });

export const CheckView = z.object({
  temperature: z.number(),
  result: z.enum(['normal', 'abnormal']),
  findings: z.string().nullable(),
  checkedBy: z.string().nullable(),
  at: z.string(),
});
export type CheckView = z.infer<typeof CheckView>;

export const AttendanceRecordView = z.object({
  id: z.string(),
  memberId: z.string(),
  classId: z.string(),
  bookingId: z.string().nullable(),
  day: z.string(),
  checkedInAt: z.string().nullable(),
  droppedOffBy: Person.nullable(),
  checkedOutAt: z.string().nullable(),
  pickedUpBy: Person.nullable(),
  morningCheck: CheckView.nullable(),
  middayCheck: CheckView.nullable(),
});
export type AttendanceRecordView = z.infer<typeof AttendanceRecordView>;

export const ExpectedChildView = z.object({
  memberId: z.string(),
  name: z.string(),
  sex: z.string().nullable(),
  ageMonths: z.number(),
  classId: z.string(),
  className: z.string(),
  bookings: z.array(
    z.object({ bookingId: z.string(), form: z.string(), startsAt: z.string(), endsAt: z.string() }),
  ),
  /** Adults of the household allowed to drop off and pick up (phone masked). */
  pickers: z.array(
    z.object({ id: z.string(), name: z.string(), relation: z.string(), phone: z.string().nullable() }),
  ),
  record: AttendanceRecordView.nullable(),
});
export type ExpectedChildView = z.infer<typeof ExpectedChildView>;

export const AttendanceDayView = z.object({ day: z.string(), items: z.array(ExpectedChildView) });

// ── staff presence and the room board ──

export const PresenceInBody = z.object({ staffId: z.uuid(), classId: z.uuid() }).strict();
export const PresenceOutBody = z.object({ staffId: z.uuid() }).strict();

export const RatioNow = z.object({
  classId: z.string(),
  childrenPresent: z.number(),
  carersPresent: z.number(),
  requiredCarers: z.number(),
  ok: z.boolean(),
});

export const PresenceView = z.object({
  id: z.string(),
  staffId: z.string(),
  staffName: z.string(),
  classId: z.string(),
  className: z.string(),
  day: z.string(),
  inAt: z.string(),
  outAt: z.string().nullable(),
  /** The room just after this sign-in or sign-out. */
  room: RatioNow,
});

export const RoomView = z.object({
  classId: z.string(),
  name: z.string(),
  type: z.enum(CLASS_TYPES),
  room: z.string().nullable(),
  childrenPresent: z.number(),
  carersPresent: z.number(),
  requiredCarers: z.number(),
  sizeLimit: z.number(),
  childrenPerCarer: z.number(),
  ok: z.boolean(),
  problems: z.array(z.enum(['class.ratio', 'class.max_size'])),
  expected: z.number(),
  children: z.array(z.object({ memberId: z.string(), name: z.string(), checkedInAt: z.string() })),
  carers: z.array(z.object({ staffId: z.string(), name: z.string(), inAt: z.string() })),
});
export type RoomView = z.infer<typeof RoomView>;

export const RoomBoardView = z.object({ at: z.string(), day: z.string(), rooms: z.array(RoomView) });
