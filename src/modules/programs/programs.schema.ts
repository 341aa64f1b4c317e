import { z } from 'zod';
import { Benefit, Eligibility, RegionPrefix } from './programs.rules.js';

export const IdParams = z.object({ id: z.uuid() });
export const PersonParams = z.object({ personId: z.uuid() });
export const EnrolmentParams = z.object({ id: z.uuid(), enrolmentId: z.uuid() });

const Day = z.iso.date();
export const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);
const RegionCode = z.string().regex(/^\d{2,12}$/);

export const CreateProgramBody = z
  .object({
    regionPrefix: RegionPrefix,
    code: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/),
    name: z.string().trim().min(1).max(100),
    description: z.string().trim().max(1000).nullable().optional(),
    eligibility: Eligibility,
    benefit: Benefit,
    autoEnrol: z.boolean(),
    startsOn: Day,
    endsOn: Day.nullable().optional(),
  })
  .strict();
export type CreateProgramInput = z.infer<typeof CreateProgramBody>;

export const UpdateProgramBody = z
  .object({
    name: z.string().trim().min(1).max(100),
    description: z.string().trim().max(1000).nullable(),
    eligibility: Eligibility,
    benefit: Benefit,
    autoEnrol: z.boolean(),
    startsOn: Day,
    endsOn: Day.nullable(),
    status: z.enum(['active', 'retired']),
  })
  .partial()
  .strict();
export type UpdateProgramInput = z.infer<typeof UpdateProgramBody>;

export const ProgramView = z.object({
  id: z.string(),
  regionPrefix: z.string(),
  code: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  eligibility: z.record(z.string(), z.unknown()),
  benefit: z.record(z.string(), z.unknown()),
  autoEnrol: z.boolean(),
  startsOn: z.string(),
  endsOn: z.string().nullable(),
  status: z.enum(['active', 'retired']),
  /** Whether the caller may change it (it lies inside the caller's region). */
  editable: z.boolean(),
  /** In the caller's area: people found eligible at the last evaluation, and enrolled now. */
  eligibleCount: z.number().int(),
  enrolledCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ProgramView = z.infer<typeof ProgramView>;
export const ProgramList = z.object({ items: z.array(ProgramView) });

export const ListProgramsQuery = z.object({ regionCode: RegionCode.optional() });

export const EvaluateResult = z.object({
  /** The region evaluated: the program's, or the caller's when narrower. */
  regionCode: z.string(),
  onDay: z.string(),
  evaluated: z.number().int(),
  eligible: z.number().int(),
  enrolled: z.number().int(),
  ended: z.number().int(),
});

export const MonthQuery = z.object({ month: Month });
export const EntitlementsResult = z.object({
  month: z.string(),
  regionCode: z.string(),
  created: z.number().int(),
  total: z.number().int(),
});

export const EnrolBody = z.object({ personId: z.uuid() }).strict();
export const EndEnrolmentBody = z
  .object({ reason: z.enum(['declined', 'no_longer_eligible', 'other']) })
  .strict();
export const EnrolmentView = z.object({
  id: z.string(),
  programId: z.string(),
  personId: z.string(),
  status: z.enum(['enrolled', 'ended']),
  enrolledOn: z.string(),
  endedOn: z.string().nullable(),
  endedReason: z.string().nullable(),
});

const EntitlementView = z.object({
  month: z.string(),
  amount: z.number(),
  quotaMinutes: z.number().int(),
  used: z.number(),
  usedMinutes: z.number().int(),
  left: z.number(),
  leftMinutes: z.number().int(),
});
export const PersonProgramsView = z.object({
  personId: z.string(),
  items: z.array(
    z.object({
      program: ProgramView.pick({
        id: true,
        regionPrefix: true,
        code: true,
        name: true,
        benefit: true,
        autoEnrol: true,
        status: true,
      }),
      eligibility: z.object({
        eligible: z.boolean(),
        reasons: z.array(z.string()),
        /** null: never evaluated by the program; judged now by the same rules. */
        evaluatedAt: z.string().nullable(),
      }),
      enrolments: z.array(EnrolmentView.omit({ programId: true, personId: true })),
      entitlements: z.array(EntitlementView),
    }),
  ),
});

export const COVERAGE_LISTS = [
  'eligible_not_enrolled',
  'enrolled_not_served',
  'enrolled_not_eligible',
] as const;
export type CoverageList = (typeof COVERAGE_LISTS)[number];

export const CoverageQuery = z.object({
  regionCode: RegionCode.optional(),
  /** Default: this month. */
  month: Month.optional(),
  programId: z.uuid().optional(),
});
export type CoverageQuery = z.infer<typeof CoverageQuery>;

const CoverageCounts = z.object({
  eligible: z.number().int(),
  enrolled: z.number().int(),
  served: z.number().int(),
  eligibleNotEnrolled: z.number().int(),
  enrolledNotServed: z.number().int(),
  enrolledNotEligible: z.number().int(),
});
export const CoverageView = z.object({
  regionCode: z.string(),
  month: z.string(),
  programs: z.array(
    z.object({
      id: z.string(),
      code: z.string(),
      name: z.string(),
      kind: z.string(),
      autoEnrol: z.boolean(),
      services: z.boolean(),
    }),
  ),
  townships: z.array(CoverageCounts.extend({ code: z.string(), name: z.string().nullable() })),
  totals: CoverageCounts,
});

export const CoveragePeopleQuery = CoverageQuery.extend({
  /** One of the three lists; all three when absent. */
  list: z.enum(COVERAGE_LISTS).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type CoveragePeopleQuery = z.infer<typeof CoveragePeopleQuery>;

export const CoverageItem = z.object({
  list: z.enum(COVERAGE_LISTS),
  personId: z.string(),
  name: z.string(),
  idNumber: z.string().describe('masked'),
  regionCode: z.string(),
  townshipCode: z.string(),
  programId: z.string(),
  programCode: z.string(),
  programName: z.string(),
  autoEnrol: z.boolean(),
  enrolmentId: z.string().nullable(),
  enrolledOn: z.string().nullable(),
  /** The rules that failed at the last evaluation (enrolled but no longer eligible). */
  failed: z.array(z.string()),
});
export type CoverageItem = z.infer<typeof CoverageItem>;
export const CoveragePeople = z.object({
  items: z.array(CoverageItem),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
