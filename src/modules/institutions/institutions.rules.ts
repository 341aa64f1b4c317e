import type { Executor } from '../../db/client.js';
import { AppError } from '../../server/errors.js';
import { findRegion } from '../regions/regions.service.js';
import { FUNCTIONS, type InstitutionFunction, kindSpec } from './institutions.kinds.js';
import { IM } from './institutions.messages.js';
import type { FunctionRow } from './institutions.repo.js';
import type { FunctionInput } from './institutions.schema.js';

/**
 * Rules that look at more than one field of an institution, checked on the whole record as it
 * will be stored (after a patch is merged), so a patch cannot sidestep them. Each refusal is a
 * 400 naming the field and the rule.
 */

/** The fields the cross-field rules read. */
export interface InstitutionShape {
  kind: string;
  affordable: boolean;
  priceCap: number | null;
  lat: number | null;
  lng: number | null;
  prices: Record<string, number | undefined>;
  minAgeMonths: number | null;
  maxAgeMonths: number | null;
}

const bad = (code: string, field: string, params: Record<string, unknown> = {}) =>
  new AppError(400, code, { field, ...params }, field);

/** Refuse a region code that is not an existing 12-digit community (village) in the current code table. */
export async function assertCommunity(db: Executor, regionCode: string, field = 'regionCode'): Promise<void> {
  const region = regionCode.length === 12 ? await findRegion(db, regionCode) : null;
  if (region?.level !== 5) throw bad(IM['institutions.region_not_community'], field, { code: regionCode });
}

/** Check the rules between fields: coordinates together, price cap only when affordable, ages in order. */
export function assertConsistent(shape: InstitutionShape): void {
  if ((shape.lat === null) !== (shape.lng === null)) {
    throw bad(IM['institutions.coordinates_pair'], shape.lat === null ? 'lat' : 'lng');
  }
  if (shape.priceCap !== null && !shape.affordable)
    throw bad(IM['institutions.price_cap_not_affordable'], 'priceCap');
  const fullDay = shape.prices.full_day;
  if (shape.affordable && shape.priceCap !== null && fullDay !== undefined && fullDay > shape.priceCap) {
    throw bad(IM['institutions.price_above_cap'], 'prices.full_day', { price: fullDay, cap: shape.priceCap });
  }
  if (shape.minAgeMonths !== null && shape.maxAgeMonths !== null && shape.minAgeMonths > shape.maxAgeMonths) {
    throw bad(IM['institutions.age_range'], 'minAgeMonths');
  }
}

/**
 * Functions as stored: one row per function, the unit defaulted to the function's usual one and
 * checked against the units it may be counted in; a home-based point's childcare within its limit.
 */
export function normaliseFunctions(
  kind: string,
  input: readonly (FunctionInput | FunctionRow)[],
  field = 'functions',
): FunctionRow[] {
  const seen = new Set<string>();
  const max = kindSpec(kind).maxChildcarePlaces;
  return input.map((entry, i) => {
    if (seen.has(entry.function)) {
      throw bad(IM['institutions.function_duplicate'], `${field}.${i}.function`, {
        function: entry.function,
      });
    }
    seen.add(entry.function);
    const units = FUNCTIONS[entry.function as InstitutionFunction].units as readonly string[];
    const unit = entry.unit ?? units[0]!;
    if (!units.includes(unit)) {
      throw bad(IM['institutions.function_unit'], `${field}.${i}.unit`, {
        function: entry.function,
        units: units.join(', '),
      });
    }
    if (entry.function === 'childcare' && max !== undefined && entry.capacity > max) {
      throw bad(IM['institutions.home_point_capacity'], `${field}.${i}.capacity`, { max });
    }
    return { function: entry.function, capacity: entry.capacity, unit };
  });
}

/** True when two function lists say the same, whatever their order. */
export function sameFunctions(a: readonly FunctionRow[], b: readonly FunctionRow[]): boolean {
  const key = (rows: readonly FunctionRow[]) =>
    rows
      .map((r) => `${r.function}:${r.capacity}:${r.unit}`)
      .sort()
      .join('|');
  return key(a) === key(b);
}
