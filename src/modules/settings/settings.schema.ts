import { z } from 'zod';
import { SETTING_KEYS } from './settings.defaults.js';

/** Zod shapes of the settings API (shared with the web app). */
export const SettingKeyParams = z.object({ key: z.enum(SETTING_KEYS) });

export const SettingQuery = z.object({
  /** The region asked about (any length, '' or absent = national). */
  regionCode: z
    .string()
    .regex(/^\d{0,12}$/)
    .optional(),
  /** The day asked about, default today in China. */
  onDay: z.iso.date().optional(),
});

export const EffectiveSettingView = z.object({
  key: z.string(),
  regionPrefix: z.string(),
  effectiveFrom: z.string(),
  value: z.unknown(),
  note: z.string().nullable(),
  source: z.enum(['stored', 'default']),
});

export const PutSettingBody = z
  .object({
    regionPrefix: z.string().max(12),
    effectiveFrom: z.string(),
    value: z.unknown(),
    note: z.string().max(500).nullish(),
  })
  .strict();

export const StoredSettingView = z.object({
  key: z.string(),
  regionPrefix: z.string(),
  effectiveFrom: z.string(),
  value: z.unknown(),
  note: z.string().nullable(),
  updatedAt: z.string(),
});
