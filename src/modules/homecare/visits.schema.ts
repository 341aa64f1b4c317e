import { z } from 'zod';
import { EXCEPTION_CODES } from './visits.rules.js';

export const VISIT_STATUSES = ['open', 'completed', 'verified', 'exception', 'approved', 'rejected'] as const;

const Lat = z.number().min(-90).max(90);
const Lng = z.number().min(-180).max(180);

/**
 * A check-in or check-out: where the phone was (both or neither; without a location the visit
 * is an exception) and, for entries recorded offline, when (default: now; never in the future).
 */
export const StampBody = z
  .object({
    lat: Lat.nullable().optional(),
    lng: Lng.nullable().optional(),
    at: z.iso.datetime({ offset: true }).optional(),
  })
  .strict();
export type StampInput = z.infer<typeof StampBody>;

export const ConfirmBody = z
  .object({
    rating: z.number().int().min(1).max(5),
    comment: z.string().trim().max(500).nullable().optional(),
  })
  .strict();
export type ConfirmInput = z.infer<typeof ConfirmBody>;

export const ExplainBody = z.object({ reason: z.string().trim().min(2).max(1000) }).strict();
export const ReviewBody = z
  .object({
    decision: z.enum(['approve', 'reject']),
    note: z.string().trim().max(1000).nullable().optional(),
  })
  .strict();
export type ReviewInput = z.infer<typeof ReviewBody>;

const Fix = z.object({
  at: z.string(),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
  distanceM: z.number().nullable().describe('metres from the home (haversine)'),
});

export const VisitView = z.object({
  id: z.string(),
  orderId: z.string(),
  status: z.enum(VISIT_STATUSES),
  day: z.string(),
  serviceType: z.string(),
  caregiverId: z.string(),
  caregiverName: z.string().nullable(),
  checkIn: Fix,
  checkOut: Fix.nullable(),
  minutes: z.number().nullable().describe('whole minutes between check-in and check-out'),
  exceptions: z.array(z.object({ code: z.enum(EXCEPTION_CODES), message: z.string() })),
  exceptionReason: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  confirmedAt: z.string().nullable(),
  confirmedBy: z.enum(['family', 'community_worker']).nullable(),
  rating: z.number().nullable(),
  ratingComment: z.string().nullable(),
  verified: z.boolean().describe('verified, or approved after review: counts for payment'),
});
export type VisitView = z.infer<typeof VisitView>;

export const VisitListQuery = z.object({
  status: z.enum([...VISIT_STATUSES, 'all']).default('exception'),
  regionCode: z
    .string()
    .regex(/^\d{2,12}$/)
    .optional(),
  providerId: z.uuid().optional(),
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
    .optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type VisitListQuery = z.infer<typeof VisitListQuery>;
