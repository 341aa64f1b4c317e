import { z } from 'zod';
import {
  ADJUSTMENT_RULES,
  ASSESSMENT_REASONS,
  GRADE_KEYS,
  GROUP_KEYS,
  ITEM_KEYS,
  RISK_EVENT_KINDS,
} from '../../standards/capability-assessment.js';
import { ScoresField } from './assessments.schema.js';

const Day = z.iso.date();

export const PersonParams = z.object({ personId: z.string().uuid() });

/** Body of `POST /api/roster/:personId/assessments`: the filled-in form and why it was made. */
export const RecordAssessmentBody = z
  .object({
    /** The day of the visit (China time); not in the future, not before the person turned 60. */
    assessedOn: Day,
    reason: z.enum(ASSESSMENT_REASONS),
    scores: ScoresField,
    coma: z.boolean(),
    dementia: z.boolean(),
    /** One entry per care-risk event in the last 30 days; two or more make the grade one worse. */
    riskEvents30d: z.array(z.enum(RISK_EVENT_KINDS)).max(100),
    notes: z.string().trim().max(2000).nullish(),
    /** Minutes the assessment took (workload). */
    minutes: z.number().int().min(1).max(600).nullish(),
  })
  .strict();
export type RecordAssessmentInput = z.infer<typeof RecordAssessmentBody>;

const GroupScore = z.object({ score: z.number().int(), max: z.number().int() });

/** One assessment on record. */
export const AssessmentView = z.object({
  id: z.string(),
  personId: z.string(),
  regionCode: z.string(),
  assessedOn: z.string(),
  reason: z.enum(ASSESSMENT_REASONS),
  scores: z.record(z.enum(ITEM_KEYS), z.number().int()),
  coma: z.boolean(),
  dementia: z.boolean(),
  riskEvents30d: z.array(z.enum(RISK_EVENT_KINDS)),
  total: z.number().int(),
  groups: z.object(
    Object.fromEntries(GROUP_KEYS.map((key) => [key, GroupScore])) as Record<
      (typeof GROUP_KEYS)[number],
      typeof GroupScore
    >,
  ),
  initialGrade: z.enum(GRADE_KEYS),
  finalGrade: z.enum(GRADE_KEYS),
  adjustments: z.array(z.enum(ADJUSTMENT_RULES)),
  standard: z.string(),
  nextDueOn: z.string(),
  assessorName: z.string().nullable(),
  notes: z.string().nullable(),
  minutes: z.number().int().nullable(),
  createdAt: z.string(),
});
export type AssessmentView = z.infer<typeof AssessmentView>;

/** The person as the assessor's pages show them (ID number and phone masked). */
export const AssessedPerson = z.object({
  id: z.string(),
  name: z.string(),
  sex: z.string(),
  birthDate: z.string(),
  age: z.number().int(),
  /** The first day an assessment may carry (the 60th birthday). */
  sixtiethBirthday: z.string(),
  idNumber: z.string(),
  regionCode: z.string(),
  regionName: z.string().nullable(),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  status: z.string(),
  flags: z.array(z.string()),
});

/** History: newest first, with the person and the day the next assessment is due (null if none yet). */
export const AssessmentHistory = z.object({
  items: z.array(AssessmentView),
  person: AssessedPerson,
  nextDueOn: z.string().nullable(),
});

export const DueQuery = z.object({
  regionCode: z
    .string()
    .regex(/^\d{1,12}$/)
    .optional(),
  /** Due on or before this day (default today, China time). */
  before: Day.optional(),
  /** Part of the name. */
  q: z.string().trim().max(50).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type DueQuery = z.infer<typeof DueQuery>;

/** One line of the assessor's work list. */
export const DueItem = z.object({
  personId: z.string(),
  name: z.string(),
  sex: z.string(),
  age: z.number().int(),
  idNumber: z.string(),
  regionCode: z.string(),
  regionName: z.string().nullable(),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  flags: z.array(z.string()),
  /** never: not assessed yet (disability or dementia flag) · overdue: due before today · due */
  state: z.enum(['never', 'overdue', 'due']),
  lastAssessedOn: z.string().nullable(),
  lastGrade: z.enum(GRADE_KEYS).nullable(),
  nextDueOn: z.string().nullable(),
});

export const DueList = z.object({
  items: z.array(DueItem),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
