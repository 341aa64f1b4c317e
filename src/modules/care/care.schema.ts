import { z } from 'zod';

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');

export const OverdueQuery = z.object({
  regionCode: z
    .string()
    .regex(/^\d{2,12}$/)
    .optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

export const OverdueView = z.object({
  asOf: z.string(),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  items: z.array(
    z.object({
      personId: z.string(),
      name: z.string(),
      regionCode: z.string(),
      age: z.number(),
      flags: z.array(z.string()),
      everyDays: z.number(),
      lastContactOn: z.string().nullable(),
      dueOn: z.string(),
      daysOverdue: z.number(),
    }),
  ),
  byCommunity: z.array(
    z.object({ regionCode: z.string(), regionName: z.string().nullable(), overdue: z.number() }),
  ),
});

export const ContactBody = z
  .object({
    kind: z.enum(['home_visit', 'phone_call']),
    contactedOn: Day,
    outcome: z.enum(['well', 'needs_help', 'not_reached']),
    notes: z.string().trim().max(1000).optional(),
  })
  .strict();

export const ContactView = z.object({
  id: z.string(),
  kind: z.string(),
  contactedOn: z.string(),
  outcome: z.string(),
  notes: z.string().nullable(),
  byName: z.string().nullable(),
  createdAt: z.string(),
});

export const PersonParams = z.object({ personId: z.uuid() });
