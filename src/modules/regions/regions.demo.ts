import type { Database } from '../../db/client.js';
import { apportion } from '../../lib/apportion.js';
import { AppError } from '../../server/errors.js';
import type { ProgressFn } from './regions.loader.js';
import { RM } from './regions.messages.js';
import * as populations from './regions.population.repo.js';
import * as repo from './regions.repo.js';

/** The source recorded on demo figures, so they are never mistaken for real statistics. */
export const DEMO_SOURCE = 'demo-census-2020';
const PROVINCE = '13';

/** Hebei's cities at the 2020 census, rounded (residents). */
export const HEBEI_CITY_RESIDENTS: Readonly<Record<string, number>> = {
  '1301': 11_240_000, // 石家庄
  '1302': 7_720_000, // 唐山
  '1303': 3_140_000, // 秦皇岛
  '1304': 9_410_000, // 邯郸
  '1305': 7_110_000, // 邢台
  '1306': 11_540_000, // 保定
  '1307': 4_120_000, // 张家口
  '1308': 3_350_000, // 承德
  '1309': 7_300_000, // 沧州
  '1310': 5_460_000, // 廊坊
  '1311': 4_210_000, // 衡水
};
/** A city-level unit not in the census list (e.g. counties directly under the province) gets this per county. */
const RESIDENTS_PER_UNLISTED_COUNTY = 450_000;

export interface DemoOptions {
  /** Statistical year the figures are filed under (default 2023, the bundled code table). */
  year?: number;
  /** Replace demo figures already seeded for that year (otherwise seeding again is a no-op). */
  replace?: boolean;
  onProgress?: ProgressFn;
}

interface Figures {
  residents: number;
  childrenUnder3: number;
  aged60Plus: number;
  aged80Plus: number;
}

/**
 * Seed plausible demo population for every Hebei node, province to community: the 2020
 * census city totals spread down the tree (districts, streets and communities denser than
 * counties, towns and villages), about 2 % under 3, 20 % aged 60+ and 3 % aged 80+.
 * Deterministic, and every parent equals the sum of its children in all four figures.
 * Codes that already carry figures of another source are left alone. Returns the number of
 * figures written: 0 when the year is seeded already (unless `replace`).
 */
export async function seedDemoPopulation(database: Database, options: DemoOptions = {}): Promise<number> {
  const year = options.year ?? 2023;
  const treeYear = (await repo.currentYear(database.db)) ?? year;
  const nodes = await repo.listSubtree(database.db, PROVINCE, treeYear);
  if (nodes.length === 0) throw new AppError(409, RM['regions.tree_missing'], { prefix: PROVINCE });
  const existing = await populations.listPopulations(database.db, PROVINCE, year);
  if (existing.some((p) => p.source === DEMO_SOURCE)) {
    if (!options.replace) return 0;
    await populations.deletePopulations(database.db, PROVINCE, year, DEMO_SOURCE);
  }
  const taken = new Set(existing.filter((p) => p.source !== DEMO_SOURCE).map((p) => p.code));
  const figures = spreadHebei(nodes);
  const lines: string[] = [];
  for (const [code, f] of figures) {
    if (taken.has(code)) continue;
    lines.push(
      `${code},${year},${f.residents},${f.childrenUnder3},${f.aged60Plus},${f.aged80Plus},${DEMO_SOURCE}`,
    );
  }
  for (let start = 0; start < lines.length; start += 50_000) {
    await populations.copyPopulations(database, `${lines.slice(start, start + 50_000).join('\n')}\n`);
    options.onProgress?.(Math.min(lines.length, start + 50_000), lines.length, 'copy');
  }
  return lines.length;
}

/** Figures for every node of the Hebei subtree, consistent sums at every level. */
export function spreadHebei(nodes: readonly repo.RegionRow[]): Map<string, Figures> {
  const children = new Map<string, repo.RegionRow[]>();
  for (const node of nodes) {
    if (!node.parentCode) continue;
    const list = children.get(node.parentCode) ?? [];
    list.push(node);
    children.set(node.parentCode, list);
  }
  const out = new Map<string, Figures>();
  const province: Figures = { residents: 0, childrenUnder3: 0, aged60Plus: 0, aged80Plus: 0 };
  for (const city of children.get(PROVINCE) ?? []) {
    const random = seeded(city.code);
    const residents =
      HEBEI_CITY_RESIDENTS[city.code] ?? RESIDENTS_PER_UNLISTED_COUNTY * Math.max(1, city.childCount);
    const figures: Figures = {
      residents,
      childrenUnder3: Math.round(residents * (0.017 + 0.006 * random())),
      aged60Plus: Math.round(residents * (0.18 + 0.04 * random())),
      aged80Plus: 0,
    };
    figures.aged80Plus = Math.round(figures.aged60Plus * (0.13 + 0.04 * random()));
    spread(city.code, figures, children, out);
    for (const key of Object.keys(province) as Array<keyof Figures>) province[key] += figures[key];
  }
  out.set(PROVINCE, province);
  return out;
}

function spread(
  code: string,
  figures: Figures,
  children: Map<string, repo.RegionRow[]>,
  out: Map<string, Figures>,
) {
  out.set(code, figures);
  const kids = children.get(code);
  if (!kids || kids.length === 0) return;
  const random = seeded(code);
  const traits = kids.map((kid) => ({
    weight: densityOf(kid) * (0.6 + random()),
    elderly: (isUrban(kid) ? 0.88 : 1.08) * (0.9 + 0.2 * random()),
    young: 0.8 + 0.4 * random(),
    oldest: 0.85 + 0.3 * random(),
  }));
  const residents = apportion(
    figures.residents,
    traits.map((t) => t.weight),
  );
  const young = apportion(
    figures.childrenUnder3,
    traits.map((t, i) => residents[i]! * t.young),
  );
  const aged60 = apportion(
    figures.aged60Plus,
    traits.map((t, i) => residents[i]! * t.elderly),
  );
  const aged80 = apportion(
    figures.aged80Plus,
    traits.map((t, i) => aged60[i]! * t.oldest),
  );
  kids.forEach((kid, i) => {
    const share = {
      residents: residents[i]!,
      childrenUnder3: young[i]!,
      aged60Plus: aged60[i]!,
      aged80Plus: aged80[i]!,
    };
    spread(kid.code, share, children, out);
  });
}

/** How densely a node is settled compared with its siblings, from the kind its name gives. */
function densityOf(node: repo.RegionRow): number {
  const name = node.name;
  if (node.level === 3) {
    if (/开发区|园区|高新|新区|管理区/.test(name)) return 0.35;
    if (name.endsWith('区')) return 1.5;
    return name.endsWith('市') ? 1.15 : 1;
  }
  if (node.level === 4) {
    if (name.endsWith('街道') || name.includes('街道')) return 1.6;
    if (name.endsWith('镇')) return 1;
    return name.endsWith('乡') ? 0.55 : 0.3;
  }
  if (/社区|居委会|居民委员会/.test(name)) return 1.6;
  return name.includes('村') ? 1 : 0.4;
}

function isUrban(node: repo.RegionRow): boolean {
  return /区$|街道|社区|居委会|居民委员会/.test(node.name);
}

/** A small deterministic random sequence (mulberry32) seeded by a region code. */
function seeded(code: string): () => number {
  let state = 2166136261;
  for (const ch of code) state = Math.imul(state ^ ch.charCodeAt(0), 16777619);
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
