import { z } from 'zod';

/** Departments whose files feed the roster; `resolution` marks a value chosen by an official. */
export const SOURCES = [
  'civil_affairs',
  'disabled_federation',
  'health',
  'public_security',
  'community',
] as const;
export type Source = (typeof SOURCES)[number];

/** Status flags of an older person (80+ is derived from the birth date, never imported). */
export const FLAGS = [
  'living_alone',
  'empty_nest',
  'widowed_childless',
  'disabled',
  'dementia',
  'extreme_poverty',
  'minimum_allowance',
  'low_income',
  'family_planning_special',
  'aged_80_plus',
] as const;
export type Flag = (typeof FLAGS)[number];

export const PERSON_STATUSES = ['active', 'deceased', 'moved_out'] as const;
export type PersonStatus = (typeof PERSON_STATUSES)[number];

const Bool = z.enum(['true', 'false', '1', '0']).optional();

export const ImportQuery = z.object({ source: z.enum(SOURCES), dryRun: Bool });

export const RosterImportResult = z.object({
  dryRun: z.boolean(),
  alreadyImported: z.boolean(),
  rows: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  conflicts: z.number().int(),
  rowsDone: z
    .number()
    .int()
    .describe('rows of the file applied to the roster (this run and any interrupted earlier one)'),
  resumedFrom: z
    .number()
    .int()
    .describe('rows an interrupted earlier run had applied; this run went on after them'),
  errors: z.array(z.object({ row: z.number().int(), field: z.string(), message: z.string() })),
});
export type RosterImportResult = z.infer<typeof RosterImportResult>;

export const ListQuery = z.object({
  q: z.string().trim().max(50).optional(),
  regionCode: z
    .string()
    .regex(/^\d{1,12}$/)
    .optional(),
  flag: z.enum(FLAGS).optional(),
  status: z.enum(PERSON_STATUSES).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type ListQuery = z.infer<typeof ListQuery>;

export const IdParams = z.object({ id: z.string().uuid() });

export const PersonSummary = z.object({
  id: z.string(),
  name: z.string(),
  sex: z.string(),
  birthDate: z.string(),
  age: z.number().int(),
  idNumber: z.string().describe('masked: 130102********1234'),
  regionCode: z.string(),
  phone: z.string().nullable().describe('masked'),
  status: z.enum(PERSON_STATUSES),
  flags: z.array(z.string()),
});
export const PersonList = z.object({
  items: z.array(PersonSummary),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

const FlagView = z.object({ flag: z.string(), value: z.unknown(), source: z.string(), asOf: z.string() });
const ChangeView = z.object({
  field: z.string(),
  oldValue: z.unknown(),
  newValue: z.unknown(),
  source: z.string(),
  at: z.string(),
  actor: z.string().nullable(),
});
export const ConflictView = z.object({
  id: z.string(),
  personId: z.string(),
  personName: z.string(),
  regionCode: z.string(),
  field: z.string(),
  values: z.array(z.object({ source: z.string(), value: z.unknown(), asOf: z.string().nullable() })),
  status: z.enum(['open', 'resolved']),
  resolution: z.unknown(),
  resolvedAt: z.string().nullable(),
  createdAt: z.string(),
});
export const PersonDetail = PersonSummary.extend({
  address: z.string().nullable(),
  livingSituation: z.string().nullable(),
  householdId: z.string().nullable(),
  closedOn: z.string().nullable(),
  closedReason: z.string().nullable(),
  flagsBySource: z.array(FlagView),
  changes: z.array(ChangeView),
  conflicts: z.array(ConflictView),
});

export const ConflictQuery = z.object({
  status: z.enum(['open', 'resolved']).default('open'),
  regionCode: z
    .string()
    .regex(/^\d{1,12}$/)
    .optional(),
});
export const ConflictList = z.object({ items: z.array(ConflictView) });

export const ResolveBody = z.object({
  choose: z.union([z.string().min(1).max(200), z.number()]),
  note: z.string().max(500).optional(),
});
export type ResolveBody = z.infer<typeof ResolveBody>;

export const RevealView = z.object({ id: z.string(), idNumber: z.string() });
