import { z } from 'zod';
import { AM } from './accounts.messages.js';
import { ROLE_KEYS } from './roles.js';

/** A password doorstep accepts: 8–128 characters with letters and digits. */
export const PasswordField = z
  .string()
  .min(1)
  .max(128)
  .refine((value) => value.length >= 8 && /[A-Za-z]/.test(value) && /\d/.test(value), {
    params: { messageCode: AM['auth.password_rule'] },
  });

export const UsernameField = z
  .string()
  .trim()
  .refine((value) => /^[A-Za-z0-9_.-]{3,32}$/.test(value), {
    params: { messageCode: AM['accounts.username_rule'] },
  });

export const PhoneField = z
  .string()
  .trim()
  .refine((value) => /^1\d{10}$/.test(value), { params: { messageCode: AM['accounts.phone_rule'] } });

export const RoleField = z.enum(ROLE_KEYS as [string, ...string[]]);
export const RegionCodeField = z.string().regex(/^(\d{2}|\d{4}|\d{6}|\d{9}|\d{12})$/);

export const LoginBody = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(128),
});
export const ChangePasswordBody = z.object({
  currentPassword: z.string().min(1).max(128),
  newPassword: PasswordField,
});

export const CreateAccountBody = z.object({
  username: UsernameField,
  displayName: z.string().trim().min(1).max(64),
  role: RoleField,
  regionCode: z.union([RegionCodeField, z.literal('')]).optional(),
  institutionId: z.uuid().optional().nullable(),
  phone: PhoneField.optional().nullable(),
  password: PasswordField,
});
export type CreateAccountInput = z.infer<typeof CreateAccountBody>;

export const UpdateAccountBody = z
  .object({
    displayName: z.string().trim().min(1).max(64).optional(),
    phone: PhoneField.nullable().optional(),
    status: z.enum(['active', 'disabled']).optional(),
  })
  .strict();
export type UpdateAccountInput = z.infer<typeof UpdateAccountBody>;

export const ResetPasswordBody = z.object({ newPassword: PasswordField });

export const AccountListQuery = z.object({
  q: z.string().trim().max(64).optional(),
  role: RoleField.optional(),
  regionCode: z
    .string()
    .regex(/^\d{0,12}$/)
    .optional(),
  status: z.enum(['active', 'disabled', 'locked']).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type AccountListFilters = z.infer<typeof AccountListQuery>;

export const IdParams = z.object({ id: z.uuid() });

/** An account as the API shows it; the fields are listed, nothing else leaves the server. */
export const AccountView = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.string(),
  regionCode: z.string(),
  regionName: z.string().nullable(),
  institutionId: z.string().nullable(),
  institutionName: z.string().nullable(),
  phone: z.string().nullable(),
  status: z.string(),
  locked: z.boolean(),
  lockedUntil: z.string().nullable(),
  lastLoginAt: z.string().nullable(),
  mustChangePassword: z.boolean(),
  createdAt: z.string(),
});
export type AccountView = z.infer<typeof AccountView>;

export const AccountList = z.object({
  items: z.array(AccountView),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});

export const MeView = z.object({
  account: AccountView,
  csrfToken: z.string(),
  permissions: z.array(z.string()),
});
export const LoginView = z.object({ account: AccountView, csrfToken: z.string() });

export const RoleList = z.object({
  items: z.array(
    z.object({
      role: z.string(),
      kind: z.string(),
      level: z.string().nullable(),
      department: z.string().nullable(),
      rank: z.number(),
      creatable: z.boolean(),
    }),
  ),
});
