import { z } from 'zod';

export const AuditQuery = z.object({
  entityType: z.string().max(64).optional(),
  entityId: z.string().max(64).optional(),
  actorId: z.uuid().optional(),
  action: z.string().max(64).optional(),
  regionCode: z
    .string()
    .regex(/^\d{0,12}$/)
    .optional(),
  from: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
  to: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type AuditFilters = z.infer<typeof AuditQuery>;

export const AuditEntryView = z.object({
  id: z.number(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  actorRole: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  regionCode: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
});

export const AuditList = z.object({
  items: z.array(AuditEntryView),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});
