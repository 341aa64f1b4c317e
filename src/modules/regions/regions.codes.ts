/**
 * Pure rules of GB/T 2260 + NBS 12-digit region codes: a code's length gives its level, and
 * every ancestor's code is a prefix of it. Kept apart from SQL so the loader, the service and
 * the tests share one definition.
 */

import { levelOfNaturalCode, REGION_CODE_LENGTHS, type RegionLevel } from '../../standards/region-code.js';

export { ancestorCodes } from '../../standards/region-code.js';
export type { RegionLevel };

const CODE_LENGTHS = REGION_CODE_LENGTHS;

/** Matches a region code of any level. */
export const REGION_CODE_PATTERN = /^(\d{2}|\d{4}|\d{6}|\d{9}|\d{12})$/;

/** The level of a natural (unpadded) code as stored in the tree, from its length alone. */
export const levelOfCode = levelOfNaturalCode;

/** The parent's code derived from the code itself (null for a province). */
export function parentOfCode(code: string): string | null {
  const level = levelOfCode(code);
  if (!level || level === 1) return null;
  return code.slice(0, CODE_LENGTHS[level - 2]);
}

/** The code length of the children of a node with this code ('' = the country → provinces). */
export function childCodeLength(code: string): number | null {
  if (code === '') return 2;
  const level = levelOfCode(code);
  return level && level < 5 ? (CODE_LENGTHS as readonly number[])[level]! : null;
}

/**
 * The first string after every string that starts with `prefix`, for index-friendly range
 * scans (`code >= prefix AND code < upper`) that work under any collation of digit strings.
 * Null when there is no upper bound (an empty prefix or all nines).
 */
export function prefixUpperBound(prefix: string): string | null {
  const digits = prefix.replace(/9+$/, '');
  if (digits === '') return null;
  return digits.slice(0, -1) + String(Number(digits.at(-1)) + 1);
}

/**
 * The longest common prefix of codes, cut back to a whole region code ('' when they share no
 * province): the region an import concerns, for its audit entry.
 */
export function commonRegionPrefix(codes: readonly string[]): string {
  if (codes.length === 0) return '';
  let prefix = codes[0]!;
  for (const code of codes) {
    let i = 0;
    while (i < prefix.length && i < code.length && prefix[i] === code[i]) i++;
    prefix = prefix.slice(0, i);
  }
  const length = [...CODE_LENGTHS].reverse().find((l) => l <= prefix.length) ?? 0;
  return prefix.slice(0, length);
}

/** Names of grouping nodes that are not places ("市辖区" under a municipality), left out of full names. */
export const GROUPING_NAMES: ReadonlySet<string> = new Set([
  '市辖区',
  '县',
  '省直辖县级行政区划',
  '自治区直辖县级行政区划',
]);
