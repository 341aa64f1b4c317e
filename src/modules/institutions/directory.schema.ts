import { z } from 'zod';
import { CARE_FORM_KEYS } from './institutions.kinds.js';

const flag = z.enum(['true', 'false', '1', '0']);

/** Filters of the public directory (docs/API.md "Public directory"). */
export const DirectoryQuery = z.object({
  q: z.string().trim().max(64).optional(),
  regionCode: z
    .string()
    .regex(/^\d{1,12}$/)
    .optional(),
  /** One kind or several, comma-separated. */
  kind: z
    .string()
    .regex(/^[a-z_]+(,[a-z_]+)*$/)
    .optional(),
  careForm: z.enum(CARE_FORM_KEYS).optional(),
  ageMonths: z.coerce.number().int().min(0).max(36).optional(),
  affordable: flag.optional(),
  /** Lowest grade accepted: `B` gives A and B. */
  grade: z.enum(['A', 'B', 'C', 'D']).optional(),
  hasPlaces: flag.optional(),
  lat: z.coerce.number().min(3.5).max(54).optional(),
  lng: z.coerce.number().min(73).max(136).optional(),
  radiusKm: z.coerce.number().positive().max(50).default(5),
  sort: z.enum(['distance', 'name', 'grade']).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type DirectoryQuery = z.infer<typeof DirectoryQuery>;

/** One institution as the public sees it: no personal data, nothing of the filing. */
export const DirectoryItemView = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.string(),
  address: z.string(),
  regionCode: z.string(),
  regionName: z.string().nullable(),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
  distanceKm: z.number().nullable(),
  affordable: z.boolean(),
  priceCap: z.number().nullable(),
  prices: z.record(z.string(), z.number()),
  careForms: z.array(z.string()),
  grade: z.string().nullable(),
  stars: z.number().nullable(),
  capacity: z.number().nullable(),
  freePlaces: z.number().nullable(),
  minAgeMonths: z.number().nullable(),
  maxAgeMonths: z.number().nullable(),
  phone: z.string().nullable(),
  openingHours: z.record(z.string(), z.string()),
});
export type DirectoryItemView = z.infer<typeof DirectoryItemView>;

export const DirectoryListView = z.object({
  items: z.array(DirectoryItemView),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});

/** The public page of one filed institution. */
export const DirectoryPageView = DirectoryItemView.extend({
  description: z.string().nullable(),
  functions: z.array(z.object({ function: z.string(), capacity: z.number(), unit: z.string() })),
  classes: z.array(z.object({ type: z.string(), capacity: z.number(), free: z.number() })),
  photos: z.array(z.string()),
  /** Supervision results come with the supervision module; null until then. */
  inspectionSummary: z.null(),
});
export type DirectoryPageView = z.infer<typeof DirectoryPageView>;

export const DirectoryIdParams = z.object({ id: z.string().max(64) });
export const PhotoParams = z.object({ uploadId: z.string().max(64) });
