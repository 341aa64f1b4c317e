import type { Database, Executor } from '../../db/client.js';
import type { Actor } from '../../server/context.js';
import { AppError } from '../../server/errors.js';
import { ancestorCodes, childCodeLength, GROUPING_NAMES } from './regions.codes.js';
import { RM } from './regions.messages.js';
import { normalisePinyinQuery } from './regions.pinyin.js';
import { assertCanReadStats } from './regions.policy.js';
import * as populations from './regions.population.repo.js';
import * as repo from './regions.repo.js';

export { seedDemoPopulation } from './regions.demo.js';
export { hasRegions, loadRegionTree, loadRegionYear, loadRegionYearFromCsv } from './regions.loader.js';
export { importPopulationFile } from './regions.population.js';
export { diffRegionYears, mapCode, setCurrentYear } from './regions.versions.js';

/** A node of the division tree as every module and the API show it. */
export type Region = repo.RegionRow;
export type RegionYear = repo.RegionYearRow;
/** A search hit: the node and its names from the province down (`河北省 石家庄市 长安区`). */
export type RegionHit = Region & { fullName: string };

/** Population figures of a region; `source` is 'sum' when added up from the regions below. */
export interface Population {
  year: number;
  residents: number;
  childrenUnder3: number;
  aged60Plus: number;
  aged80Plus: number;
  source: string;
}

export interface RegionStats {
  code: string;
  name: string;
  year: number;
  population: Population | null;
  children: Array<Region & { population: Population | null }>;
}

export interface SearchInput {
  q: string;
  within?: string;
  level?: number;
  limit?: number;
  year?: number;
}

/** The loaded code-table years, oldest first, with the current one marked. */
export function listRegionYears(database: Database): Promise<RegionYear[]> {
  return repo.listYears(database.db);
}

/** A region by code in a year (the current year by default), or null. Other modules use it to check codes. */
export function findRegion(db: Executor, code: string, year?: number): Promise<Region | null> {
  return repo.findNode(db, code, year);
}

/** A region by code; throws 404 naming the code when there is none. */
export async function getRegion(db: Executor, code: string, year?: number): Promise<Region> {
  const region = await repo.findNode(db, code, year);
  if (!region) throw new AppError(404, RM['regions.not_found'], { code });
  return region;
}

/** Names of many codes at once (current year), for lists that show region names beside codes. */
export async function regionNames(db: Executor, codes: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(codes.filter(Boolean))];
  const found = await repo.findNodes(db, unique);
  return new Map(found.map((r) => [r.code, r.name]));
}

/** Children of a node, or the provinces when `parent` is absent. */
export function listChildren(database: Database, parent?: string, year?: number): Promise<Region[]> {
  return repo.listChildNodes(database.db, parent ?? null, year);
}

/** A region with its ancestors, province first; 404 when the code is unknown. */
export async function getRegionWithPath(
  database: Database,
  code: string,
  year?: number,
): Promise<Region & { path: Region[] }> {
  const found = await repo.findNodes(database.db, [...ancestorCodes(code), code], year);
  const region = found.find((r) => r.code === code);
  if (!region) throw new AppError(404, RM['regions.not_found'], { code });
  return { ...region, path: found.filter((r) => r.code !== code) };
}

/**
 * Search by Chinese substring, full pinyin or initials (prefix), or code (prefix), optionally
 * within a region and at one level; hits come province first, then by code.
 */
export async function searchRegions(database: Database, input: SearchInput): Promise<RegionHit[]> {
  const q = input.q.trim();
  const limit = Math.min(input.limit ?? 20, 50);
  if (!q) return [];
  const filter: repo.SearchFilter = /^\d+$/.test(q)
    ? { mode: 'code', q, limit }
    : /^[A-Za-z\s'’]+$/.test(q)
      ? { mode: 'pinyin', q: normalisePinyinQuery(q), limit }
      : { mode: 'name', q, limit };
  const hits = await repo.searchNodes(
    database.db,
    { ...filter, within: input.within, level: input.level },
    input.year,
  );
  return withFullNames(database.db, hits, input.year);
}

/** Add to each region its full name, leaving out grouping nodes such as "市辖区". */
export async function withFullNames(
  db: Executor,
  regions: readonly Region[],
  year?: number,
): Promise<RegionHit[]> {
  const codes = new Set<string>();
  for (const region of regions) for (const code of ancestorCodes(region.code)) codes.add(code);
  const names = new Map((await repo.findNodes(db, [...codes], year)).map((r) => [r.code, r.name]));
  return regions.map((region) => {
    const ancestors = ancestorCodes(region.code).map((c) => names.get(c));
    const shown = ancestors.filter((n): n is string => !!n && !GROUPING_NAMES.has(n));
    return { ...region, fullName: [...shown, region.name].join(' ') };
  });
}

/**
 * Population of a region and of each of its children for a statistical year (the current
 * code-table year by default). A figure of its own wins; a region without one shows the sum
 * of the level below that has figures, so parent totals are never stored twice.
 */
export async function getRegionStats(
  database: Database,
  actor: Actor,
  code: string,
  year?: number,
): Promise<RegionStats> {
  assertCanReadStats(actor, code);
  const region = await getRegion(database.db, code);
  const statsYear = year ?? (await repo.currentYear(database.db)) ?? new Date().getFullYear();
  const childLength = childCodeLength(code) ?? code.length;
  const [children, sums] = await Promise.all([
    region.childCount > 0 ? repo.listChildNodes(database.db, code) : Promise.resolve([]),
    populations.populationSums(database.db, code, childLength, statsYear),
  ]);
  const figureOf = (child: string): Population | null => {
    const rows = sums.filter((s) => s.child === child && s.codeLength >= child.length);
    const shallowest = rows.sort((a, b) => a.codeLength - b.codeLength)[0];
    if (!shallowest) return null;
    return toPopulation(shallowest, statsYear, shallowest.codeLength === child.length ? undefined : 'sum');
  };
  const own = sums.find((s) => s.codeLength === code.length);
  const childStats = children.map((child) => ({ ...child, population: figureOf(child.code) }));
  const withFigures = childStats.flatMap((c) => (c.population ? [c.population] : []));
  let population = own ? toPopulation(own, statsYear) : null;
  if (!population && withFigures.length > 0) {
    population = {
      year: statsYear,
      residents: 0,
      childrenUnder3: 0,
      aged60Plus: 0,
      aged80Plus: 0,
      source: 'sum',
    };
    for (const p of withFigures) {
      population.residents += p.residents;
      population.childrenUnder3 += p.childrenUnder3;
      population.aged60Plus += p.aged60Plus;
      population.aged80Plus += p.aged80Plus;
    }
  }
  return { code, name: region.name, year: statsYear, population, children: childStats };
}

function toPopulation(row: populations.PopulationSumRow, year: number, source?: string): Population {
  return {
    year,
    residents: Number(row.residents),
    childrenUnder3: Number(row.childrenUnder3),
    aged60Plus: Number(row.aged60Plus),
    aged80Plus: Number(row.aged80Plus),
    source: source ?? row.sources,
  };
}
