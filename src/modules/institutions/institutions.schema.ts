import { z } from 'zod';
import { AccountView, PasswordField, PhoneField, UsernameField } from '../accounts/accounts.schema.js';
import {
  CARE_FORM_KEYS,
  FUNCTION_KEYS,
  KIND_KEYS,
  OPERATOR_KEYS,
  PRICE_ITEMS,
  UNIT_KEYS,
} from './institutions.kinds.js';
import { IM } from './institutions.messages.js';

const CREDIT_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** True for an 18-character unified social credit code (GB 32100-2015) whose check character is right. */
export function isCreditCode(code: string): boolean {
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(code)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CREDIT_CHARS.indexOf(code[i]!) * CREDIT_WEIGHTS[i]!;
  const check = (31 - (sum % 31)) % 31;
  return CREDIT_CHARS[check] === code[17];
}

const rule = (messageCode: string) => ({ params: { messageCode } });
const HOURS = /^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d$/;

export const InstitutionPhoneField = z
  .string()
  .trim()
  .refine(
    (v) => /^(1\d{10}|0\d{2,3}-?\d{7,8}(-\d{1,6})?|[48]00-?\d{3}-?\d{4})$/.test(v),
    rule(IM['institutions.phone_rule']),
  );

/** One thing an institution offers, with its capacity; the unit defaults to the function's usual one. */
export const FunctionInput = z.object({
  function: z.enum(FUNCTION_KEYS),
  capacity: z.number().int().min(0).max(100_000),
  unit: z.enum(UNIT_KEYS).optional(),
});
export const FunctionsInput = z.array(FunctionInput).max(FUNCTION_KEYS.length);
export type FunctionInput = z.infer<typeof FunctionInput>;

const fields = {
  name: z.string().trim().min(1).max(100),
  kind: z.enum(KIND_KEYS),
  operator: z.enum(OPERATOR_KEYS),
  creditCode: z
    .string()
    .trim()
    .toUpperCase()
    .refine(isCreditCode, rule(IM['institutions.credit_code']))
    .nullable(),
  legalRepresentative: z.string().trim().min(1).max(50).nullable(),
  affordable: z.boolean(),
  priceCap: z.number().int().min(0).max(100_000).nullable(),
  regionCode: z.string().regex(/^\d{12}$/),
  address: z.string().trim().min(1).max(200),
  lat: z
    .number()
    .refine((v) => v >= 3.5 && v <= 54, rule(IM['institutions.coordinates_outside_china']))
    .nullable(),
  lng: z
    .number()
    .refine((v) => v >= 73 && v <= 136, rule(IM['institutions.coordinates_outside_china']))
    .nullable(),
  floor: z.number().int().min(-5).max(100).nullable(),
  phone: InstitutionPhoneField.nullable(),
  openingHours: z.partialRecord(
    z.enum(['weekdays', 'saturday', 'sunday', 'holidays']),
    z
      .string()
      .trim()
      .refine((v) => HOURS.test(v), rule(IM['institutions.hours_rule'])),
  ),
  careForms: z.array(z.enum(CARE_FORM_KEYS)).max(CARE_FORM_KEYS.length),
  prices: z.partialRecord(z.enum(PRICE_ITEMS), z.number().int().min(0).max(100_000)),
  minAgeMonths: z.number().int().min(0).max(36).nullable(),
  maxAgeMonths: z.number().int().min(0).max(36).nullable(),
  description: z.string().trim().max(2000).nullable(),
  chainOperator: z.string().trim().max(100).nullable(),
  entrustedBy: z.string().trim().max(100).nullable(),
  /** Not in the contract's InstitutionInput, accepted as a convenience: the same as PUT …/functions. */
  functions: FunctionsInput,
};

/** An institution as an operator or an official registers it (docs/API.md InstitutionInput). */
export const InstitutionInput = z
  .object({
    name: fields.name,
    kind: fields.kind,
    operator: fields.operator,
    creditCode: fields.creditCode.optional(),
    legalRepresentative: fields.legalRepresentative.optional(),
    affordable: fields.affordable.default(false),
    priceCap: fields.priceCap.optional(),
    regionCode: fields.regionCode,
    address: fields.address,
    lat: fields.lat.optional(),
    lng: fields.lng.optional(),
    floor: fields.floor.optional(),
    phone: fields.phone.optional(),
    openingHours: fields.openingHours.optional(),
    careForms: fields.careForms.optional(),
    prices: fields.prices.optional(),
    minAgeMonths: fields.minAgeMonths.optional(),
    maxAgeMonths: fields.maxAgeMonths.optional(),
    description: fields.description.optional(),
    chainOperator: fields.chainOperator.optional(),
    entrustedBy: fields.entrustedBy.optional(),
    functions: fields.functions.optional(),
  })
  .strict();
export type InstitutionInput = z.infer<typeof InstitutionInput>;

/** A partial InstitutionInput for PATCH; `null` clears an optional field. */
export const InstitutionPatch = z
  .object(
    Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v.optional()])) as {
      [K in keyof typeof fields]: z.ZodOptional<(typeof fields)[K]>;
    },
  )
  .strict();
export type InstitutionPatch = z.infer<typeof InstitutionPatch>;

/** Fields that, once the institution is filed, change only through a change filing. */
export const REGISTERED_PARTICULARS = [
  'name',
  'kind',
  'operator',
  'address',
  'regionCode',
  'functions',
] as const;
export type RegisteredParticular = (typeof REGISTERED_PARTICULARS)[number];

/** The changes a change filing may carry: registered particulars only. */
export const ParticularChanges = InstitutionPatch.pick({
  name: true,
  kind: true,
  operator: true,
  address: true,
  regionCode: true,
  functions: true,
});

export const RegisterBody = z
  .object({
    institution: InstitutionInput,
    admin: z
      .object({
        username: UsernameField,
        displayName: z.string().trim().min(1).max(64),
        phone: PhoneField,
        password: PasswordField,
      })
      .strict(),
  })
  .strict();
export type RegisterInput = z.infer<typeof RegisterBody>;

export const InstitutionListQuery = z.object({
  q: z.string().trim().max(64).optional(),
  kind: z.enum(KIND_KEYS).optional(),
  status: z
    .enum([
      'draft',
      'submitted',
      'acknowledged',
      'returned',
      'resubmitted',
      'filed',
      'withdrawn',
      'deregistered',
    ])
    .optional(),
  regionCode: z
    .string()
    .regex(/^\d{0,12}$/)
    .optional(),
  affordable: z.enum(['true', 'false']).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type InstitutionListFilters = z.infer<typeof InstitutionListQuery>;

export const IdParams = z.object({ id: z.uuid() });

const FunctionView = z.object({ function: z.string(), capacity: z.number(), unit: z.string() });

/** A row of the institution list (docs/API.md InstitutionSummary). */
export const InstitutionSummaryView = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.string(),
  operator: z.string(),
  regionCode: z.string(),
  regionName: z.string().nullable(),
  address: z.string(),
  status: z.string(),
  affordable: z.boolean(),
  grade: z.string().nullable(),
  stars: z.number().nullable(),
  capacity: z.number().nullable(),
  filedAt: z.string().nullable(),
});
export type InstitutionSummaryView = z.infer<typeof InstitutionSummaryView>;

export const InstitutionListView = z.object({
  items: z.array(InstitutionSummaryView),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});

/** One institution with everything the register holds about it (docs/API.md Institution). */
export const InstitutionView = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.string(),
  operator: z.string(),
  creditCode: z.string().nullable(),
  legalRepresentative: z.string().nullable(),
  affordable: z.boolean(),
  priceCap: z.number().nullable(),
  regionCode: z.string(),
  regionName: z.string().nullable(),
  address: z.string(),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
  floor: z.number().nullable(),
  phone: z.string().nullable(),
  openingHours: z.record(z.string(), z.string()),
  careForms: z.array(z.string()),
  prices: z.record(z.string(), z.number()),
  minAgeMonths: z.number().nullable(),
  maxAgeMonths: z.number().nullable(),
  description: z.string().nullable(),
  chainOperator: z.string().nullable(),
  entrustedBy: z.string().nullable(),
  grade: z.string().nullable(),
  stars: z.number().nullable(),
  status: z.string(),
  functions: z.array(FunctionView),
  classesCount: z.number(),
  staffCount: z.number(),
  currentFiling: z.object({ id: z.string(), kind: z.string(), status: z.string() }).nullable(),
  filedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type InstitutionView = z.infer<typeof InstitutionView>;

export const RegisterResultView = z.object({ institution: InstitutionView, account: AccountView });
export const FunctionsView = z.object({ items: z.array(FunctionView) });
