import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { regionSettings } from './settings.table.js';

/** One stored setting row. */
export interface SettingRow {
  key: string;
  regionPrefix: string;
  effectiveFrom: string;
  value: unknown;
  note: string | null;
  updatedAt: Date;
}

const COLUMNS = {
  key: regionSettings.key,
  regionPrefix: regionSettings.regionPrefix,
  effectiveFrom: regionSettings.effectiveFrom,
  value: regionSettings.value,
  note: regionSettings.note,
  updatedAt: regionSettings.updatedAt,
};

/**
 * The row in force for `regionCode` on `onDay`: the longest region prefix that `regionCode`
 * starts with, and of its rows the latest `effectiveFrom` not after `onDay`. Settings are public
 * reference rules, not people's data, so no caller scope applies.
 */
export async function findEffectiveRow(
  ex: Executor,
  key: string,
  regionCode: string,
  onDay: string,
): Promise<SettingRow | null> {
  const [row] = await ex
    .select(COLUMNS)
    .from(regionSettings)
    .where(
      and(
        eq(regionSettings.key, key),
        sql`${regionSettings.effectiveFrom} <= ${onDay}`,
        sql`left(${regionCode}::text, length(${regionSettings.regionPrefix})) = ${regionSettings.regionPrefix}`,
      ),
    )
    .orderBy(sql`length(${regionSettings.regionPrefix}) DESC`, sql`${regionSettings.effectiveFrom} DESC`)
    .limit(1);
  return row ?? null;
}

/** The row stored for exactly this key, prefix and start day, if any (locked for the update). */
export async function findExactRow(
  ex: Executor,
  key: string,
  regionPrefix: string,
  effectiveFrom: string,
): Promise<SettingRow | null> {
  const [row] = await ex
    .select(COLUMNS)
    .from(regionSettings)
    .where(
      and(
        eq(regionSettings.key, key),
        eq(regionSettings.regionPrefix, regionPrefix),
        eq(regionSettings.effectiveFrom, effectiveFrom),
      ),
    )
    .for('update')
    .limit(1);
  return row ?? null;
}

/** Insert or replace the row for this key, prefix and start day. */
export async function upsertRow(
  ex: Executor,
  row: { key: string; regionPrefix: string; effectiveFrom: string; value: unknown; note: string | null },
): Promise<SettingRow> {
  const [saved] = await ex
    .insert(regionSettings)
    .values({ ...row, value: row.value as never })
    .onConflictDoUpdate({
      target: [regionSettings.key, regionSettings.regionPrefix, regionSettings.effectiveFrom],
      set: { value: row.value as never, note: row.note, updatedAt: new Date() },
    })
    .returning(COLUMNS);
  return saved!;
}
