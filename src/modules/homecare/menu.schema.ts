import { z } from 'zod';

/** Service types of GB/T 43153—2023 with the everyday names (助餐, 助浴, 助洁, 助急, 助医, 助行…). */
export const SERVICE_TYPES = [
  'meals',
  'bathing',
  'cleaning',
  'emergency',
  'medical',
  'walking',
  'visit',
  'errand',
  'home_adaptation',
  'nursing',
  'emotional',
  'health',
] as const;
export type ServiceType = (typeof SERVICE_TYPES)[number];

/** core: subsidised core project ("Top Ten"); package: small paid package ("Four Packages"). */
export const CATEGORIES = ['core', 'package', 'other'] as const;

export const IdParams = z.object({ id: z.uuid() });
export const InstitutionParams = z.object({ institutionId: z.uuid() });

const Yuan = z
  .number()
  .min(0)
  .max(100000)
  .refine((v) => Math.abs(Math.round(v * 100) - v * 100) < 1e-6, { message: 'at most two decimals' });

/** '' = national, or a province, city or county code. */
const RegionPrefix = z.string().regex(/^(\d{2}|\d{4}|\d{6})?$/);

export const MenuQuery = z.object({
  /** The region whose menu applies (items of every level above it); default the caller's own. */
  regionCode: z
    .string()
    .regex(/^\d{2,12}$/)
    .optional(),
  category: z.enum(CATEGORIES).optional(),
  /** `all` includes retired items (menu managers). */
  status: z.enum(['active', 'retired', 'all']).default('active'),
});
export type MenuQuery = z.infer<typeof MenuQuery>;

export const CreateItemBody = z
  .object({
    regionPrefix: RegionPrefix,
    code: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9_.-]{1,32}$/),
    name: z.string().trim().min(1).max(64),
    type: z.enum(SERVICE_TYPES),
    durationMinutes: z
      .number()
      .int()
      .min(5)
      .max(24 * 60),
    price: Yuan,
    category: z.enum(CATEGORIES).default('other'),
    packageName: z.string().trim().min(1).max(64).nullable().optional(),
    description: z.string().trim().max(500).nullable().optional(),
  })
  .strict();
export type CreateItemInput = z.infer<typeof CreateItemBody>;

export const UpdateItemBody = z
  .object({
    name: z.string().trim().min(1).max(64),
    type: z.enum(SERVICE_TYPES),
    durationMinutes: z
      .number()
      .int()
      .min(5)
      .max(24 * 60),
    price: Yuan,
    category: z.enum(CATEGORIES),
    packageName: z.string().trim().min(1).max(64).nullable(),
    description: z.string().trim().max(500).nullable(),
    status: z.enum(['active', 'retired']),
  })
  .partial()
  .strict();
export type UpdateItemInput = z.infer<typeof UpdateItemBody>;

export const ServiceItemView = z.object({
  id: z.string(),
  regionPrefix: z.string(),
  code: z.string(),
  name: z.string(),
  type: z.string(),
  durationMinutes: z.number(),
  price: z.number().describe('yuan'),
  category: z.string(),
  packageName: z.string().nullable(),
  description: z.string().nullable(),
  status: z.string(),
});
export type ServiceItemView = z.infer<typeof ServiceItemView>;
export const ServiceItemList = z.object({ items: z.array(ServiceItemView) });

export const PutProviderItemsBody = z
  .object({
    items: z.array(z.object({ itemId: z.uuid(), price: Yuan.nullable().optional() }).strict()).max(200),
  })
  .strict();
export type PutProviderItemsInput = z.infer<typeof PutProviderItemsBody>;

export const ProviderItemView = ServiceItemView.extend({
  menuPrice: z.number().describe('the menu price, yuan'),
  ownPrice: z.number().nullable().describe("the provider's own price, yuan, when it differs"),
});
export const ProviderItems = z.object({
  institutionId: z.string(),
  institutionName: z.string(),
  regionCode: z.string(),
  items: z.array(ProviderItemView),
});

export const ProviderQuery = z.object({
  regionCode: z
    .string()
    .regex(/^\d{2,12}$/)
    .optional(),
  itemId: z.uuid().optional(),
  q: z.string().trim().max(50).optional(),
});
export const ProviderList = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      kind: z.string(),
      regionCode: z.string(),
      status: z.string(),
      itemCount: z.number().int(),
    }),
  ),
});

export const CaregiverList = z.object({
  items: z.array(z.object({ id: z.string(), name: z.string(), role: z.string() })),
});
