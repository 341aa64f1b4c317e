import { z } from 'zod';
import { AccountView, PasswordField } from '../accounts/accounts.schema.js';
import { IdNumberField } from '../idnumbers/idnumbers.schema.js';
import { HM } from './households.messages.js';

/** Relations of a household member to the account holder; `self` is the account holder only. */
export const RELATIONS = ['self', 'child', 'grandchild', 'spouse', 'parent', 'grandparent', 'other'] as const;
export const MEMBER_RELATIONS = RELATIONS.filter((r) => r !== 'self') as [
  Exclude<(typeof RELATIONS)[number], 'self'>,
  ...Exclude<(typeof RELATIONS)[number], 'self'>[],
];
export const MEMBER_KINDS = ['child', 'older', 'adult'] as const;
export const SEXES = ['male', 'female'] as const;
export const VACCINATION_STATUSES = ['up_to_date', 'incomplete', 'unknown'] as const;
export const HEALTH_CHECK_RESULTS = ['passed', 'failed'] as const;

/** A mainland China mobile number: 11 digits, 1 then 3–9. */
export const MOBILE_PATTERN = /^1[3-9]\d{9}$/;
export const MobileField = z
  .string()
  .trim()
  .refine((value) => MOBILE_PATTERN.test(value), { params: { messageCode: HM['residents.phone_rule'] } });

/** A household lives in a community (village): the 12-digit statistical code. */
export const CommunityCodeField = z.string().regex(/^\d{12}$/);

const Day = z.iso.date();
const Name = z.string().trim().min(1).max(64);
const Address = z.string().trim().max(200);

/**
 * Resident sign-up. The birth date comes from the ID number when one is given (then `birthDate`
 * and `sex`, if also given, must agree with it); without an ID number `birthDate` is required.
 */
export const SignupBody = z
  .object({
    phone: MobileField,
    password: PasswordField,
    name: Name,
    idNumber: IdNumberField.nullable().optional(),
    birthDate: Day.optional(),
    sex: z.enum(SEXES).nullable().optional(),
    regionCode: CommunityCodeField.nullable().optional(),
    address: Address.nullable().optional(),
  })
  .strict();
export type SignupInput = z.infer<typeof SignupBody>;

export const UpdateHouseholdBody = z
  .object({
    regionCode: CommunityCodeField.nullable().optional(),
    address: Address.nullable().optional(),
  })
  .strict();
export type UpdateHouseholdInput = z.infer<typeof UpdateHouseholdBody>;

/** A new member; `relation: 'self'` is the account holder's own row and cannot be added. */
export const CreateMemberBody = z
  .object({
    relation: z.enum(MEMBER_RELATIONS),
    name: Name,
    birthDate: Day.optional(),
    idNumber: IdNumberField.nullable().optional(),
    sex: z.enum(SEXES).nullable().optional(),
    phone: MobileField.nullable().optional(),
    vaccinationStatus: z.enum(VACCINATION_STATUSES).nullable().optional(),
    vaccinationCheckedOn: Day.nullable().optional(),
    healthCheckOn: Day.nullable().optional(),
    healthCheckResult: z.enum(HEALTH_CHECK_RESULTS).nullable().optional(),
    canPickUp: z.boolean().optional(),
  })
  .strict();
export type CreateMemberInput = z.infer<typeof CreateMemberBody>;

export const UpdateMemberBody = CreateMemberBody.partial().strict();
export type UpdateMemberInput = z.infer<typeof UpdateMemberBody>;

export const MemberParams = z.object({ id: z.uuid() });

/** A member as the API shows it: ID number and phone masked, health report validity computed. */
export const MemberView = z.object({
  id: z.string(),
  relation: z.string(),
  kind: z.enum(MEMBER_KINDS),
  name: z.string(),
  sex: z.string().nullable(),
  birthDate: z.string(),
  ageMonths: z.number(),
  idNumber: z.string().nullable(),
  phone: z.string().nullable(),
  vaccinationStatus: z.string().nullable(),
  vaccinationCheckedOn: z.string().nullable(),
  healthCheckOn: z.string().nullable(),
  healthCheckResult: z.string().nullable(),
  /** The last day the admission health report counts (the region's setting, in months). */
  healthCheckValidUntil: z.string().nullable(),
  canPickUp: z.boolean(),
});
export type MemberView = z.infer<typeof MemberView>;

/** The resident's household; `id` is null until the first change (accounts made before sign-up). */
export const HouseholdView = z.object({
  id: z.string().nullable(),
  regionCode: z.string().nullable(),
  regionName: z.string().nullable(),
  address: z.string().nullable(),
  members: z.array(MemberView),
});
export type HouseholdView = z.infer<typeof HouseholdView>;

export const SignupView = z.object({ account: AccountView, csrfToken: z.string() });
