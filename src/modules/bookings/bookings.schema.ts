import { z } from 'zod';
import { ENROLMENT_FORMS, MEAL_MODES, SERVICE_KEYS } from './services.js';

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');

const Enrolment = z
  .object({
    classId: z.uuid(),
    form: z.enum(ENROLMENT_FORMS),
    month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM'),
  })
  .strict();

export const BookingBody = z
  .object({
    memberId: z.uuid(),
    offerIds: z.array(z.uuid()).min(1).max(32).optional(),
    enrolment: Enrolment.optional(),
    mealMode: z.enum(MEAL_MODES).optional(),
    notes: z.string().trim().max(500).optional(),
    waitlist: z.boolean().optional(),
  })
  .strict()
  .refine((b) => Boolean(b.offerIds) !== Boolean(b.enrolment), {
    message: 'exactly one of offerIds or enrolment',
    path: ['offerIds'],
  });

export const ChangeBody = z
  .object({
    offerIds: z.array(z.uuid()).min(1).max(32).optional(),
    enrolment: Enrolment.optional(),
    mealMode: z.enum(MEAL_MODES).optional(),
    notes: z.string().trim().max(500).optional(),
  })
  .strict()
  .refine((b) => Boolean(b.offerIds) !== Boolean(b.enrolment), {
    message: 'exactly one of offerIds or enrolment',
    path: ['offerIds'],
  });

export const CancelBody = z.object({ reason: z.string().trim().max(300).optional() }).strict();

export const BookingView = z.object({
  id: z.string(),
  status: z.string(),
  service: z.string(),
  form: z.string(),
  formName: z.string(),
  institutionId: z.string(),
  institutionName: z.string(),
  classId: z.string().nullable(),
  className: z.string().nullable(),
  memberId: z.string(),
  memberName: z.string(),
  firstDay: z.string(),
  lastDay: z.string(),
  days: z.number(),
  startsAt: z.string(),
  endsAt: z.string(),
  offerIds: z.array(z.string()),
  price: z.number(),
  subsidy: z.number(),
  due: z.number(),
  mealMode: z.string().nullable(),
  notes: z.string().nullable(),
  holdExpiresAt: z.string().nullable(),
  cancellable: z.boolean(),
  cancelDeadline: z.string().nullable(),
  cancelReason: z.string().nullable(),
  replacesId: z.string().nullable(),
  createdAt: z.string(),
});

export const WaitlistView = z.object({
  id: z.string(),
  status: z.string(),
  position: z.number(),
  service: z.string(),
  form: z.string(),
  formName: z.string(),
  institutionId: z.string(),
  institutionName: z.string(),
  classId: z.string().nullable(),
  className: z.string().nullable(),
  memberId: z.string(),
  memberName: z.string(),
  firstDay: z.string().nullable(),
  lastDay: z.string().nullable(),
  startsAt: z.string().nullable(),
  endsAt: z.string().nullable(),
  bookingId: z.string().nullable(),
  expiresAt: z.string().nullable(),
  createdAt: z.string(),
});

export const BookResponse = z.object({ booking: BookingView.optional(), waitlist: WaitlistView.optional() });
export const MineView = z.object({ bookings: z.array(BookingView), waitlist: z.array(WaitlistView) });

export const InstitutionBookingsQuery = z.object({
  from: Day.optional(),
  to: Day.optional(),
  service: z.enum(SERVICE_KEYS).optional(),
  status: z.enum(['confirmed', 'held', 'cancelled', 'expired']).optional(),
  classId: z.uuid().optional(),
});
export const WaitlistQuery = z.object({
  service: z.enum(SERVICE_KEYS).optional(),
  status: z.enum(['waiting', 'offered', 'booked', 'expired', 'withdrawn']).optional(),
});

export const IdParams = z.object({ id: z.uuid() });
