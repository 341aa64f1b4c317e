import type { Database } from '../../db/client.js';
import { type RegionHit, regionNames, searchRegions } from '../regions/regions.service.js';
import { XM } from './import.messages.js';
import type { ImportColumn, ParsedInstitutionRow, RowProblem } from './import.parse.js';

/*
 * Where an imported row lies: its community code checked against the current code table, or
 * its community name turned into a code inside the importer's region, through the regions
 * service.
 */

/** A located row: its region code is known to exist. */
export type LocatedRow = ParsedInstitutionRow & { regionCode: string };
/** Records one problem of one row. */
export type Report = (row: number, problem: RowProblem) => void;

/**
 * Check region codes against the current code table, and turn community names into codes
 * within the caller's region (exact name first, then without "居民委员会" and the like).
 */
export async function resolveRegions(
  database: Database,
  scopePrefix: string,
  rows: ParsedInstitutionRow[],
  report: Report,
): Promise<LocatedRow[]> {
  const codes = [...new Set(rows.flatMap((r) => (r.regionCode ? [r.regionCode] : [])))];
  const known = await regionNames(database.db, codes);
  const wanted = [...new Set(rows.filter((r) => !r.regionCode).map((r) => r.regionName!))];
  const byName = new Map<string, RegionHit[]>();
  for (const name of wanted) {
    const hits = await searchRegions(database, {
      q: shortName(name),
      within: scopePrefix,
      level: 5,
      limit: 50,
    });
    byName.set(name, matchingCommunities(name, hits));
  }
  const located: LocatedRow[] = [];
  for (const row of rows) {
    const problem = (field: ImportColumn, code: string, params: Record<string, unknown>) =>
      report(row.row, { field, code, params: { field, ...params } });
    if (row.regionCode) {
      const name = known.get(row.regionCode);
      if (!name) problem('region_code', XM['import.region_unknown'], { value: row.regionCode });
      else if (row.regionName && fold(shortName(row.regionName)) !== fold(shortName(name)))
        problem('region_name', XM['import.region_mismatch'], {
          value: row.regionName,
          code: row.regionCode,
          name,
        });
      else located.push({ ...row, regionCode: row.regionCode });
      continue;
    }
    const hits = byName.get(row.regionName!) ?? [];
    if (hits.length === 1) located.push({ ...row, regionCode: hits[0]!.code });
    else if (hits.length === 0)
      problem('region_name', XM['import.region_name_unknown'], { value: row.regionName });
    else {
      const listed = hits.slice(0, 5).map((h) => `${h.fullName}（${h.code}）`);
      if (hits.length > 5) listed.push('…');
      problem('region_name', XM['import.region_name_ambiguous'], {
        value: row.regionName,
        candidates: listed.join('；'),
      });
    }
  }
  return located;
}

const COMMITTEE_SUFFIX = /(居民委员会|村民委员会|居委会|村委会)$/;
const shortName = (name: string) => name.trim().replace(COMMITTEE_SUFFIX, '');
const fold = (text: string) => text.normalize('NFKC').replace(/\s+/g, '');

/** The communities a name means: those of exactly that name, else those equal without the committee suffix. */
function matchingCommunities(name: string, hits: RegionHit[]): RegionHit[] {
  const exact = hits.filter((h) => fold(h.name) === fold(name));
  if (exact.length > 0) return exact;
  return hits.filter((h) => fold(shortName(h.name)) === fold(shortName(name)));
}
