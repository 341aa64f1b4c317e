import { z } from 'zod';
import { REGION_CODE_PATTERN } from './regions.codes.js';
import { RM } from './regions.messages.js';

/** A region code of any level: 2, 4, 6, 9 or 12 digits. */
export const RegionCodeField = z
  .string()
  .refine((value) => REGION_CODE_PATTERN.test(value), { params: { messageCode: RM['regions.code_rule'] } });
const YearField = z.coerce.number().int().min(1949).max(2100).optional();

export const CodeParams = z.object({ code: RegionCodeField });
export const YearQuery = z.object({ year: YearField });
export const ChildrenQuery = z.object({ parent: RegionCodeField.optional(), year: YearField });
export const SearchQuery = z.object({
  q: z.string().trim().min(1).max(50),
  within: z
    .string()
    .refine((value) => /^\d{1,12}$/.test(value), { params: { messageCode: RM['regions.prefix_rule'] } })
    .optional(),
  level: z.coerce.number().int().min(1).max(5).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
  year: YearField,
});
export const ImportQuery = z.object({ dryRun: z.enum(['true', 'false', '1', '0']).optional() });

/** A node of the division tree as the API shows it. */
export const RegionView = z.object({
  code: z.string(),
  name: z.string(),
  level: z.number().int(),
  parentCode: z.string().nullable(),
  childCount: z.number().int(),
});
export const RegionList = z.object({ items: z.array(RegionView) });
export const RegionHitList = z.object({ items: z.array(RegionView.extend({ fullName: z.string() })) });
export const RegionWithPath = RegionView.extend({ path: z.array(RegionView) });

export const RegionYearList = z.object({
  items: z.array(
    z.object({ year: z.number(), source: z.string(), nodeCount: z.number(), isCurrent: z.boolean() }),
  ),
});

export const PopulationView = z.object({
  year: z.number(),
  residents: z.number(),
  childrenUnder3: z.number(),
  aged60Plus: z.number(),
  aged80Plus: z.number(),
  source: z.string(),
});
export const RegionStatsView = z.object({
  code: z.string(),
  name: z.string(),
  year: z.number(),
  population: PopulationView.nullable(),
  children: z.array(RegionView.extend({ population: PopulationView.nullable() })),
});

export const ImportResultView = z.object({
  dryRun: z.boolean(),
  rows: z.number(),
  valid: z.number(),
  written: z.number(),
  errors: z.array(z.object({ row: z.number(), field: z.string(), message: z.string() })),
});
