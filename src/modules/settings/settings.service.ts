import { z } from 'zod';
import type { Db, Executor } from '../../db/client.js';
import type { RequestContext } from '../../server/context.js';
import { AppError, forbidden, M } from '../../server/errors.js';
import { parseOrThrow } from '../../server/validation.js';
import { chinaToday } from '../../standards/working-days.js';
import { requirePermission } from '../accounts/accounts.service.js';
import { ROLES } from '../accounts/roles.js';
import { assertRegionInScope, requireActor } from '../accounts/scope.js';
import { mutate } from '../audit/audit.service.js';
import { findRegion } from '../regions/regions.service.js';
import {
  SETTING_DEFINITIONS,
  SETTING_KEYS,
  type SettingKey,
  type SettingValue,
  SM,
} from './settings.defaults.js';
import * as repo from './settings.repo.js';

/** Where an effective value came from: a stored row, or the national default in code. */
export interface EffectiveSetting<K extends SettingKey = SettingKey> {
  key: K;
  /** '' = national. */
  regionPrefix: string;
  effectiveFrom: string;
  value: SettingValue<K>;
  note: string | null;
  source: 'stored' | 'default';
}

/** The start day reported for a national default that no row overrides. */
export const DEFAULT_EFFECTIVE_FROM = '1970-01-01';

const DAY = z.iso.date();
const REGION_PREFIX = /^(\d{2}|\d{4}|\d{6}|\d{9}|\d{12})?$/;

/** A stored setting row, as far as choosing and reading it goes. */
export interface StoredSetting {
  key: string;
  regionPrefix: string;
  effectiveFrom: string;
  value: unknown;
  note: string | null;
}

/**
 * Among candidate rows, the one in force for `regionCode` on `onDay`: the longest matching region
 * prefix, then the latest start day not after `onDay` — the same choice `findEffectiveRow` makes
 * in SQL, for callers that fetched the candidates with other data in one round trip.
 */
export function pickEffectiveRow<R extends StoredSetting>(
  rows: readonly R[],
  key: string,
  regionCode: string,
  onDay: string = chinaToday(),
): R | null {
  let best: R | null = null;
  for (const row of rows) {
    if (row.key !== key || row.effectiveFrom > onDay || !regionCode.startsWith(row.regionPrefix)) continue;
    if (
      !best ||
      row.regionPrefix.length > best.regionPrefix.length ||
      (row.regionPrefix.length === best.regionPrefix.length && row.effectiveFrom > best.effectiveFrom)
    )
      best = row;
  }
  return best;
}

/** The effective setting given the stored row in force (or none: the national default). */
export function settingOf<K extends SettingKey>(key: K, row: StoredSetting | null): EffectiveSetting<K> {
  const definition = SETTING_DEFINITIONS[key];
  if (!row) {
    return {
      key,
      regionPrefix: '',
      effectiveFrom: DEFAULT_EFFECTIVE_FROM,
      value: definition.default as SettingValue<K>,
      note: null,
      source: 'default',
    };
  }
  return {
    key,
    regionPrefix: row.regionPrefix,
    effectiveFrom: row.effectiveFrom,
    // Stored values were validated on write; parsing again fills in numbers a newer default adds.
    value: definition.schema.parse(row.value) as SettingValue<K>,
    note: row.note,
    source: 'stored',
  };
}

/**
 * The setting in force for `regionCode` on `onDay` (default: today in China), with where it
 * came from: the stored row with the longest matching region prefix and the latest start day
 * not after `onDay`, else the national default.
 */
export async function resolveSetting<K extends SettingKey>(
  db: Executor,
  key: K,
  regionCode: string,
  onDay: string = chinaToday(),
): Promise<EffectiveSetting<K>> {
  return settingOf(key, await repo.findEffectiveRow(db, key, regionCode, onDay));
}

/**
 * The value of setting `key` in force for `regionCode` on `onDay` (default: today in China),
 * typed per key. This is how every module reads a rule that differs by region.
 */
export async function getSetting<K extends SettingKey>(
  db: Executor,
  key: K,
  regionCode: string,
  onDay?: string,
): Promise<SettingValue<K>> {
  return (await resolveSetting(db, key, regionCode, onDay)).value;
}

export interface PutSettingInput {
  key: string;
  regionPrefix: string;
  effectiveFrom: string;
  value: unknown;
  note?: string | null;
}

/** Public read of a setting for the API: validates the key and region code it is given. */
export async function readSetting(db: Db, key: string, regionCode = '', onDay?: string) {
  const known = parseKey(key);
  if (!/^\d{0,12}$/.test(regionCode)) {
    throw new AppError(
      400,
      M['validation.format'],
      { field: 'regionCode', format: '0–12 digits' },
      'regionCode',
    );
  }
  return resolveSetting(db, known, regionCode, onDay);
}

/**
 * Store a region's value of a setting from `effectiveFrom` on (a new edition is a new row; the
 * same key, prefix and day replaces the row). Only the system administrator and province or
 * city officials may, inside their own region, and officials only for their department's
 * settings. The value is validated against the key's schema; the write is audited.
 */
export async function putSetting(db: Db, ctx: RequestContext, input: PutSettingInput) {
  const actor = requireActor(ctx.actor);
  requirePermission(actor, 'settings.manage');
  const key = parseKey(input.key);
  const definition = SETTING_DEFINITIONS[key];
  const spec = ROLES[actor.role] as { department?: string };
  if (definition.department && spec.department && spec.department !== definition.department) {
    throw forbidden(SM[`settings.wrong_department.${definition.department}`], { key });
  }
  if (!REGION_PREFIX.test(input.regionPrefix)) {
    throw new AppError(400, SM['settings.region_prefix'], { field: 'regionPrefix' }, 'regionPrefix');
  }
  assertRegionInScope(actor, input.regionPrefix);
  if (input.regionPrefix && !(await findRegion(db, input.regionPrefix))) {
    throw new AppError(
      400,
      SM['settings.unknown_region'],
      { field: 'regionPrefix', code: input.regionPrefix },
      'regionPrefix',
    );
  }
  const effectiveFrom = parseOrThrow(DAY, input.effectiveFrom, 'effectiveFrom');
  const value = parseOrThrow(definition.schema as z.ZodType, input.value, 'value');
  const note = input.note?.trim() || null;
  return mutate(db, ctx, async (tx, audit) => {
    const before = await repo.findExactRow(tx, key, input.regionPrefix, effectiveFrom);
    const saved = await repo.upsertRow(tx, {
      key,
      regionPrefix: input.regionPrefix,
      effectiveFrom,
      value,
      note,
    });
    await audit({
      action: before ? 'settings.replace' : 'settings.create',
      entityType: 'setting',
      entityId: `${key}:${input.regionPrefix || '*'}:${effectiveFrom}`,
      regionCode: input.regionPrefix,
      before: before ? { value: before.value, note: before.note } : null,
      after: { value: saved.value, note: saved.note },
    });
    return presentRow(saved);
  });
}

function parseKey(key: string): SettingKey {
  return parseOrThrow(z.enum(SETTING_KEYS), key, 'key');
}

/** The fields a stored setting shows. */
export function presentRow(row: repo.SettingRow) {
  return {
    key: row.key,
    regionPrefix: row.regionPrefix,
    effectiveFrom: row.effectiveFrom,
    value: row.value,
    note: row.note,
    updatedAt: row.updatedAt.toISOString(),
  };
}
