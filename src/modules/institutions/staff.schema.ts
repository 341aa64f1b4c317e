import { z } from 'zod';
import { CERTIFICATE_KIND_KEYS, EDUCATION_LEVELS, STAFF_ROLES } from '../../standards/staff-requirements.js';
import { PhoneField } from '../accounts/accounts.schema.js';
import { IdNumberField } from '../idnumbers/idnumbers.schema.js';

const Day = z.iso.date();

/**
 * A new staff member. `idNumber` is checked (GB 11643) and normalised by `IdNumberField`: a bad
 * number is a 400 naming `idNumber` and the reason (`idnumber.<reason>`).
 */
export const CreateStaffBody = z
  .object({
    name: z.string().trim().min(1).max(64),
    role: z.enum(STAFF_ROLES),
    idNumber: IdNumberField.nullable().optional(),
    phone: PhoneField.nullable().optional(),
    education: z.enum(EDUCATION_LEVELS).nullable().optional(),
    managementYears: z.number().int().min(0).max(60).nullable().optional(),
    classId: z.uuid().nullable().optional(),
    hiredOn: Day.nullable().optional(),
  })
  .strict();
export type CreateStaffInput = z.infer<typeof CreateStaffBody>;

/** Changes to a staff member; `status: 'inactive'` takes them off duty (and off the ratio). */
export const UpdateStaffBody = CreateStaffBody.partial()
  .extend({ status: z.enum(['active', 'inactive']).optional() })
  .strict();
export type UpdateStaffInput = z.infer<typeof UpdateStaffBody>;

/** A certificate; `expiresOn` defaults from the kind's validity (health certificate: 12 months). */
export const CreateCertificateBody = z
  .object({
    kind: z.enum(CERTIFICATE_KIND_KEYS as [string, ...string[]]),
    number: z.string().trim().max(64).nullable().optional(),
    issuedOn: Day,
    expiresOn: Day.nullable().optional(),
  })
  .strict();
export type CreateCertificateInput = z.infer<typeof CreateCertificateBody>;

export const CertificateView = z.object({
  id: z.string(),
  staffId: z.string(),
  kind: z.string(),
  kindName: z.string(),
  number: z.string().nullable(),
  issuedOn: z.string(),
  /** null = does not expire. */
  expiresOn: z.string().nullable(),
  /** Days from today (China) to the last valid day; negative once expired. */
  daysLeft: z.number().nullable(),
});
export type CertificateView = z.infer<typeof CertificateView>;

export const StaffIssueView = z.object({
  rule: z.string(),
  severity: z.enum(['error', 'warning']),
  message: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
});
export type StaffIssueView = z.infer<typeof StaffIssueView>;

/** A staff member as the API shows them: ID number and phone masked, never in full. */
export const StaffView = z.object({
  id: z.string(),
  name: z.string(),
  role: z.string(),
  roleName: z.string(),
  idNumber: z.string().nullable(),
  phone: z.string().nullable(),
  education: z.string().nullable(),
  managementYears: z.number().nullable(),
  classId: z.string().nullable(),
  className: z.string().nullable(),
  hiredOn: z.string().nullable(),
  status: z.string(),
  certificates: z.array(CertificateView),
  warnings: z.array(StaffIssueView),
});
export type StaffView = z.infer<typeof StaffView>;

export const StaffList = z.object({ items: z.array(StaffView) });

export const ExpiringQuery = z.object({
  days: z.coerce.number().int().min(0).max(365).default(30),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type ExpiringQuery = z.infer<typeof ExpiringQuery>;

export const ExpiringList = z.object({
  items: z.array(
    CertificateView.extend({
      expiresOn: z.string(),
      daysLeft: z.number(),
      expired: z.boolean(),
      staffName: z.string(),
      staffRole: z.string(),
      institutionId: z.string(),
      institutionName: z.string(),
      regionCode: z.string(),
    }),
  ),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  days: z.number(),
});
