/**
 * Administrative region codes (GB/T 2260 and the statistical division codes built on it).
 *
 * A code is read as five segments: province 2 · city (prefecture) 2 · county 2 · township 3 ·
 * village/community 3 digits. doorstep stores the *natural* code of a region, i.e. only the
 * segments down to its own level (`13`, `1301`, `130102`, `130102001`, `130102001001`), so a
 * scope prefix such as `1301` matches every descendant by `startsWith`. Codes are also met
 * *padded* with zero segments, as GB/T 2260 (`130100` = 石家庄市) and the statistical tables
 * (`130100000000`) write them; an all-zero segment is never a real region, so trailing zero
 * segments are padding and are stripped. A zero segment followed by a non-zero one is invalid.
 *
 * This module checks syntax only; whether a code exists in a given year is the regions table's job.
 */

/** Level names, index + 1 = numeric level (1 province … 5 village/community). */
export const REGION_LEVELS = ['province', 'city', 'county', 'township', 'community'] as const;
export type RegionLevelName = (typeof REGION_LEVELS)[number];
export type RegionLevel = 1 | 2 | 3 | 4 | 5;

/** Length of the natural code at each level: 2, 4, 6, 9, 12 digits. */
export const REGION_CODE_LENGTHS = [2, 4, 6, 9, 12] as const;
const SEGMENT_LENGTHS = [2, 2, 2, 3, 3] as const;

/**
 * The province-level prefixes of GB/T 2260: the 31 mainland provinces, autonomous regions and
 * municipalities, plus 71 台湾, 81 香港, 82 澳门.
 */
// biome-ignore format: one row per GB/T 2260 region group
export const PROVINCE_CODES: readonly string[] = [
  '11', '12', '13', '14', '15',
  '21', '22', '23',
  '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46',
  '50', '51', '52', '53', '54',
  '61', '62', '63', '64', '65',
  '71', '81', '82',
];
const PROVINCES = new Set(PROVINCE_CODES);

/** True when `code` is a two-digit GB/T 2260 province prefix. */
export function isProvinceCode(code: string): boolean {
  return PROVINCES.has(code);
}

/** Why a region code was refused. */
export const REGION_CODE_REASONS = ['empty', 'characters', 'length', 'province', 'zero_segment'] as const;
export type RegionCodeReason = (typeof REGION_CODE_REASONS)[number];

/** A well-formed region code, split into the codes of itself and its ancestors. */
export interface RegionCodeInfo {
  valid: true;
  level: RegionLevel;
  levelName: RegionLevelName;
  /** Length of the natural code: 2, 4, 6, 9 or 12. */
  digits: (typeof REGION_CODE_LENGTHS)[number];
  /** The natural code (padding stripped). */
  normalized: string;
  /** Natural codes of the region and its ancestors at each level; null below its own level. */
  province: string;
  city: string | null;
  county: string | null;
  township: string | null;
  community: string | null;
}

export type RegionCodeResult = RegionCodeInfo | { valid: false; reason: RegionCodeReason };

/**
 * Read a region code of 2, 4, 6, 9 or 12 digits, natural or zero-padded
 * (`130100000000` → city `1301`, `130102001000` → township `130102001`). Never throws.
 */
export function parseRegionCode(code: string): RegionCodeResult {
  const input = String(code ?? '').trim();
  if (!input) return { valid: false, reason: 'empty' };
  if (!/^\d+$/.test(input)) return { valid: false, reason: 'characters' };
  const segmentCount = REGION_CODE_LENGTHS.indexOf(input.length as (typeof REGION_CODE_LENGTHS)[number]) + 1;
  if (segmentCount === 0) return { valid: false, reason: 'length' };

  const segments: string[] = [];
  let offset = 0;
  for (let i = 0; i < segmentCount; i += 1) {
    const length = SEGMENT_LENGTHS[i]!;
    segments.push(input.slice(offset, offset + length));
    offset += length;
  }
  if (!isProvinceCode(segments[0]!)) return { valid: false, reason: 'province' };

  let level = segmentCount;
  while (level > 1 && /^0+$/.test(segments[level - 1]!)) level -= 1;
  if (segments.slice(0, level).some((segment) => /^0+$/.test(segment))) {
    return { valid: false, reason: 'zero_segment' };
  }

  const digits = REGION_CODE_LENGTHS[level - 1]!;
  const normalized = input.slice(0, digits);
  const partAt = (lvl: number) => (lvl <= level ? normalized.slice(0, REGION_CODE_LENGTHS[lvl - 1]) : null);
  return {
    valid: true,
    level: level as RegionLevel,
    levelName: REGION_LEVELS[level - 1]!,
    digits,
    normalized,
    province: normalized.slice(0, 2),
    city: partAt(2),
    county: partAt(3),
    township: partAt(4),
    community: partAt(5),
  };
}

function mustParse(code: string): RegionCodeInfo {
  const result = parseRegionCode(code);
  if (!result.valid) throw new RangeError(`invalid region code "${code}" (${result.reason})`);
  return result;
}

/** True when `code` is a well-formed region code (natural or padded). */
export function isRegionCode(code: string): boolean {
  return parseRegionCode(code).valid;
}

/** The natural code with padding stripped (`130100000000` → `1301`). Throws RangeError when malformed. */
export function naturalCode(code: string): string {
  return mustParse(code).normalized;
}

/** The 12-digit statistical form (`1301` → `130100000000`). Throws RangeError when malformed. */
export function padTo12(code: string): string {
  return mustParse(code).normalized.padEnd(12, '0');
}

/** The level (1 province … 5 village/community) of a code, or null when it is malformed. */
export function levelOfCode(code: string): RegionLevel | null {
  const result = parseRegionCode(code);
  return result.valid ? result.level : null;
}

/**
 * The level of a natural (unpadded) code from its length alone — 2, 4, 6, 9, 12 digits — as codes
 * are stored in the division tree; null for any other string.
 */
export function levelOfNaturalCode(code: string): RegionLevel | null {
  if (!/^\d+$/.test(code)) return null;
  const index = (REGION_CODE_LENGTHS as readonly number[]).indexOf(code.length);
  return index < 0 ? null : ((index + 1) as RegionLevel);
}

/** The natural code of the parent region; null for a province. Throws RangeError when malformed. */
export function parentCode(code: string): string | null {
  const { level, normalized } = mustParse(code);
  return level === 1 ? null : normalized.slice(0, REGION_CODE_LENGTHS[level - 2]);
}

/**
 * Natural codes of the ancestors, province first (`130102001` → `13, 1301, 130102`), for
 * breadcrumbs and scope checks; with `includeSelf` the code itself ends the list.
 * Throws RangeError when malformed.
 */
export function ancestorCodes(code: string, options: { includeSelf?: boolean } = {}): string[] {
  const { level, normalized } = mustParse(code);
  const last = options.includeSelf ? level : level - 1;
  return REGION_CODE_LENGTHS.slice(0, last).map((length) => normalized.slice(0, length));
}

/**
 * True when `code` is the region `prefix` or lies below it. Both may be padded. An empty prefix
 * stands for the whole country (the system administrator's scope). Malformed input → false.
 */
export function isWithin(code: string, prefix: string): boolean {
  const inner = parseRegionCode(code);
  if (!inner.valid) return false;
  if (String(prefix ?? '').trim() === '') return true;
  const outer = parseRegionCode(prefix);
  return outer.valid && inner.normalized.startsWith(outer.normalized);
}
