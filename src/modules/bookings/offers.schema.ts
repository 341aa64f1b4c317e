import { z } from 'zod';
import { ALL_FORMS, SERVICE_KEYS } from './services.js';

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const Time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM');

export const PublishOffersBody = z
  .object({
    service: z.enum(SERVICE_KEYS),
    form: z.enum(ALL_FORMS),
    classId: z.uuid().optional(),
    from: Day,
    to: Day,
    startsAt: Time,
    endsAt: Time,
    /** Cut [startsAt, endsAt) into slots of this length (hourly care, appointments). */
    slotMinutes: z.number().int().min(15).max(240).optional(),
    capacity: z.number().int().min(1).max(500),
    /** Yuan per unit; defaults to the institution's published price for the form. */
    price: z.number().min(0).max(100000).optional(),
    cutoffMinutes: z.number().int().min(0).max(10080).optional(),
    title: z.string().trim().max(100).optional(),
    details: z.record(z.string(), z.unknown()).optional(),
    /** Also publish on official rest days (weekends and holidays). */
    includeRestDays: z.boolean().optional(),
  })
  .strict();
export type PublishOffersInput = z.infer<typeof PublishOffersBody>;

export const PublishOffersResult = z.object({
  created: z.number(),
  updated: z.number(),
  skipped: z.array(z.object({ day: z.string(), reason: z.string() })),
});

export const PatchOfferBody = z
  .object({
    capacity: z.number().int().min(0).max(500).optional(),
    status: z.enum(['open', 'closed']).optional(),
    price: z.number().min(0).max(100000).optional(),
    details: z.record(z.string(), z.unknown()).optional(),
  })
  .strict();

export const OffersQuery = z.object({
  from: Day,
  to: Day,
  service: z.enum(SERVICE_KEYS).optional(),
  form: z.enum(ALL_FORMS).optional(),
  classId: z.uuid().optional(),
});

export const OfferView = z.object({
  id: z.string(),
  institutionId: z.string(),
  classId: z.string().nullable(),
  className: z.string().nullable(),
  classType: z.string().nullable(),
  service: z.string(),
  form: z.string(),
  formName: z.string(),
  day: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  capacity: z.number(),
  taken: z.number(),
  free: z.number(),
  waiting: z.number(),
  price: z.number(),
  subsidy: z.number(),
  due: z.number(),
  pricing: z.string(),
  cutoffMinutes: z.number(),
  title: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  status: z.string(),
});
export type OfferView = z.infer<typeof OfferView>;

export const OfferList = z.object({
  items: z.array(OfferView),
  /** Meals: the subsidy per meal by age band in force for the institution's region. */
  mealSubsidy: z.array(z.object({ minAge: z.number(), amount: z.number() })).optional(),
});

export const CalendarQuery = z.object({ from: Day, to: Day });
export const CalendarView = z.object({
  days: z.array(
    z.object({
      day: z.string(),
      careDay: z.boolean(),
      classes: z.array(
        z.object({
          classId: z.string(),
          name: z.string(),
          type: z.string(),
          sizeLimit: z.number(),
          childrenPerCarer: z.number(),
          peakPresent: z.number(),
          minCarers: z.number(),
          outOfRatio: z.boolean(),
          forms: z.array(
            z.object({ form: z.string(), capacity: z.number(), taken: z.number(), waiting: z.number() }),
          ),
        }),
      ),
      other: z.array(
        z.object({
          service: z.string(),
          form: z.string(),
          capacity: z.number(),
          taken: z.number(),
          waiting: z.number(),
        }),
      ),
    }),
  ),
});
