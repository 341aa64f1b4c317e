import { z } from 'zod';
import { FILING_MATERIAL_KINDS } from '../../standards/filing-materials.js';
import { FILING_ACTIONS, FILING_KINDS, UNDER_REVIEW_STATUSES } from './filing.workflow.js';
import { ParticularChanges } from './institutions.schema.js';

const MaterialKind = z.enum(FILING_MATERIAL_KINDS as [string, ...string[]]);

/** A new filing: an initial filing, a change (with the changed registered particulars) or a deregistration. */
export const CreateFilingBody = z
  .object({
    kind: z.enum(FILING_KINDS),
    changes: ParticularChanges.optional(),
  })
  .strict();
export type CreateFilingInput = z.infer<typeof CreateFilingBody>;

export const FilingIdParams = z.object({ id: z.uuid() });
export const ActionParams = z.object({ id: z.uuid(), action: z.enum(FILING_ACTIONS) });

/** What an action may carry: a comment, and for `return` the materials found missing or faulty. */
export const ActionBody = z
  .object({
    comment: z.string().trim().max(1000).optional(),
    missingMaterials: z.array(MaterialKind).max(FILING_MATERIAL_KINDS.length).optional(),
  })
  .strict();
export type ActionInput = z.infer<typeof ActionBody>;

export const QueueQuery = z.object({
  status: z.enum(UNDER_REVIEW_STATUSES).optional(),
  dueWithinDays: z.coerce.number().int().min(0).max(365).optional(),
});
export type QueueFilters = z.infer<typeof QueueQuery>;

export const UploadView = z.object({
  id: z.string(),
  kind: z.string(),
  filename: z.string(),
  mime: z.string(),
  size: z.number(),
  uploadedAt: z.string(),
});
export type UploadView = z.infer<typeof UploadView>;

const FilingBase = {
  id: z.string(),
  institutionId: z.string(),
  institutionName: z.string(),
  kind: z.string(),
  status: z.string(),
  countyCode: z.string(),
  changes: z.record(z.string(), z.unknown()).nullable(),
  missingMaterials: z.array(z.string()),
  comment: z.string().nullable(),
  submittedAt: z.string().nullable(),
  acknowledgeBy: z.string().nullable(),
  reviewBy: z.string().nullable(),
  acknowledgedAt: z.string().nullable(),
  returnedAt: z.string().nullable(),
  decidedAt: z.string().nullable(),
  round: z.number(),
  createdAt: z.string(),
};

/** A filing with its materials checklist, the actions open to the caller, and its history. */
export const FilingView = z.object({
  ...FilingBase,
  materials: z.array(
    z.object({
      kind: z.string(),
      name: z.string(),
      required: z.boolean(),
      present: z.boolean(),
      uploads: z.array(UploadView),
    }),
  ),
  allowedActions: z.array(z.string()),
  events: z.array(
    z.object({
      action: z.string(),
      fromStatus: z.string(),
      toStatus: z.string(),
      actorName: z.string().nullable(),
      comment: z.string().nullable(),
      at: z.string(),
    }),
  ),
});
export type FilingView = z.infer<typeof FilingView>;
export const FilingListView = z.object({ items: z.array(FilingView) });

/** A row of the authority's work queue: the filing, its next deadline and how many working days are left. */
export const QueueItemView = z.object({
  ...FilingBase,
  institutionKind: z.string(),
  regionCode: z.string(),
  nextDeadline: z.string().nullable(),
  workingDaysLeft: z.number().nullable(),
  overdue: z.boolean(),
});
export type QueueItemView = z.infer<typeof QueueItemView>;
export const QueueView = z.object({ items: z.array(QueueItemView), total: z.number(), today: z.string() });
