import { z } from 'zod';
import { InstitutionListQuery } from './institutions.schema.js';

/** `?dryRun=true` checks every row and writes nothing. */
export const ImportQuery = z.object({ dryRun: z.enum(['true', 'false', '1', '0']).optional() });

/** What an import answers (docs/API.md), each error naming its row, field and rule. */
export const InstitutionImportView = z.object({
  dryRun: z.boolean(),
  rows: z.number(),
  valid: z.number(),
  written: z.number(),
  errors: z.array(z.object({ row: z.number(), field: z.string(), rule: z.string(), message: z.string() })),
});

/** The export takes the list's filters (GET /api/institutions) without paging. */
export const ExportQuery = InstitutionListQuery.omit({ page: true, pageSize: true });
export type ExportQuery = z.infer<typeof ExportQuery>;
