import { z } from 'zod';
import { VisitView } from './visits.schema.js';

/** Who asked for the service: the person, family, a community worker, or an entitlement's schedule. */
export const SOURCES = ['person', 'family', 'community_worker', 'entitlement'] as const;
export const ORDER_STATUSES = [
  'requested',
  'assigned',
  'in_progress',
  'completed',
  'verified',
  'exception',
  'cancelled',
] as const;

const Day = z.iso.date();
const Time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);

export const CreateOrderBody = z
  .object({
    personId: z.uuid(),
    itemId: z.uuid(),
    providerId: z.uuid(),
    scheduledOn: Day,
    startsAt: Time.nullable().optional(),
    /** Default: `family` for residents, `community_worker` for officials, `person` for providers. */
    source: z.enum(SOURCES).optional(),
    notes: z.string().trim().max(500).nullable().optional(),
  })
  .strict();
export type CreateOrderInput = z.infer<typeof CreateOrderBody>;

export const AssignBody = z.object({ caregiverId: z.uuid() }).strict();
export const CancelBody = z.object({ reason: z.string().trim().max(500).nullable().optional() }).strict();

export const OrderListQuery = z.object({
  regionCode: z
    .string()
    .regex(/^\d{2,12}$/)
    .optional(),
  providerId: z.uuid().optional(),
  personId: z.uuid().optional(),
  from: Day.optional(),
  to: Day.optional(),
  status: z.enum(ORDER_STATUSES).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type OrderListQuery = z.infer<typeof OrderListQuery>;

export const MineQuery = z.object({ day: Day.optional() });

export const OrderView = z.object({
  id: z.string(),
  status: z.enum(ORDER_STATUSES),
  person: z.object({
    id: z.string(),
    name: z.string(),
    age: z.number().int(),
    regionCode: z.string(),
    address: z.string().nullable(),
    phone: z.string().nullable().describe('masked'),
    homeKnown: z.boolean().describe('whether the home location is on the roster (needed for verification)'),
  }),
  item: z.object({
    id: z.string(),
    code: z.string(),
    name: z.string(),
    type: z.string(),
    category: z.string(),
  }),
  providerId: z.string().nullable(),
  providerName: z.string().nullable(),
  caregiverId: z.string().nullable(),
  caregiverName: z.string().nullable(),
  source: z.string(),
  scheduledOn: z.string(),
  startsAt: z.string().nullable(),
  durationMinutes: z.number(),
  price: z.number().describe('yuan'),
  subsidy: z.number().nullable().describe('yuan drawn from the entitlement once verified; null before'),
  own: z.number().nullable().describe('yuan the person pays (price − subsidy) once verified; null before'),
  programId: z.string().nullable(),
  notes: z.string().nullable(),
  createdAt: z.string(),
  visit: VisitView.nullable(),
});
export type OrderView = z.infer<typeof OrderView>;

export const OrderList = z.object({
  items: z.array(OrderView),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export const MineList = z.object({ day: z.string(), items: z.array(OrderView) });
