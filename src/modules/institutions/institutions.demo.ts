import type { Database } from '../../db/client.js';
import type { FieldCipher } from '../../lib/secrets.js';
import { systemContext } from '../../server/context.js';
import { chinaToday } from '../../standards/working-days.js';
import { DEMO_INSTITUTIONS } from '../accounts/accounts.demo.js';
import { recordAudit } from '../audit/audit.service.js';
import { type BuildContext, buildChildcare, type ChildcarePlan } from './demo/childcare.js';
import * as repo from './demo/demo.repo.js';
import { buildComplexes, buildElderly, type ElderlyPlan, planElderly } from './demo/elderly.js';
import { type DemoFilingState, fileInstitution } from './demo/filings.js';
import { isFunctionalZone, Places } from './demo/places.js';
import { planChildcare } from './demo/plan.js';
import { seededRandom } from './demo/random.js';
import { emptySeed, type Row, type SeedRows } from './demo/types.js';

const PROVINCE = '13';
const CHANGAN = '130102';
/** Open filings Chang'an's officials find in their work queue: [state, working days since submission]. */
const CHANGAN_CHILDCARE_QUEUE: Array<[DemoFilingState, number]> = [
  ['submitted', 8],
  ['submitted', 2],
  ['acknowledged', 17],
  ['acknowledged', 4],
  ['returned', 6],
  ['resubmitted', 3],
];
const CHANGAN_ELDERLY_QUEUE: Array<[DemoFilingState, number]> = [
  ['submitted', 3],
  ['acknowledged', 7],
];

export interface DemoInstitutionsOptions {
  onProgress?: (done: number, total: number, stage: string) => void;
}

/** What the demo seeding wrote (all zero when it had been seeded already). */
export interface DemoInstitutionsSummary {
  institutions: number;
  childcareInstitutions: number;
  childcarePlaces: number;
  filedChildcarePlaces: number;
  classes: number;
  staff: number;
  certificates: number;
  filings: number;
}

/**
 * Seed Hebei's demo register once: the 2022 childcare network (1,273 institutions, 138,000+
 * places in real counties and communities, classes, staff with encrypted ID numbers and
 * certificates, filings in every state — Chang'an's queue is never empty) and elderly care
 * (community centres, care homes, meal points, service complexes in Shijiazhuang). The two
 * institutions of the demo accounts are kept and filled in. Deterministic apart from today's
 * date; does nothing when Hebei already has other institutions. One transaction, one audit entry.
 */
export async function seedDemoInstitutions(
  database: Database,
  cipher: FieldCipher,
  options: DemoInstitutionsOptions = {},
): Promise<DemoInstitutionsSummary> {
  const summary: DemoInstitutionsSummary = {
    institutions: 0,
    childcareInstitutions: 0,
    childcarePlaces: 0,
    filedChildcarePlaces: 0,
    classes: 0,
    staff: 0,
    certificates: 0,
    filings: 0,
  };
  const db = database.db;
  if ((await repo.countInstitutionsUnder(db, PROVINCE)) > DEMO_INSTITUTIONS.length) return summary;
  const places = new Places(await repo.listPlaces(db, PROVINCE));
  if (places.counties.length === 0) throw new Error('seedDemoInstitutions: load the Hebei region tree first');
  options.onProgress?.(0, 1, 'generate');

  const today = chinaToday();
  const random = seededRandom('doorstep hebei demo');
  const ctx: BuildContext = {
    random,
    cipher,
    today,
    idNumbers: new Set(),
    homeCounties: places.counties.filter((c) => !isFunctionalZone(c)).map((c) => c.code),
    places,
  };
  const existing = new Map<string, string>();
  for (const demo of DEMO_INSTITUTIONS) {
    const id = await repo.findInstitutionId(db, demo.name, demo.regionCode);
    if (id) existing.set(demo.key, id);
  }
  const seed = emptySeed();
  const rows: Row[] = [];

  const sunshine: ChildcarePlan = {
    kind: 'childcare_centre',
    name: DEMO_INSTITUTIONS[0].name,
    site: places.siteOf(DEMO_INSTITUTIONS[0].regionCode),
    places: 80,
    operator: 'private_nonprofit',
    affordable: true,
    urban: true,
    existingId: existing.get('childcare') ?? null,
    showExpiry: true,
  };
  const sunshineRow = buildChildcare(seed, ctx, sunshine);
  fileInstitution(seed, random, sunshineRow, CHANGAN, {
    today,
    filedShare: 1,
    state: 'filed',
    graded: false,
  });
  Object.assign(sunshineRow, { grade: 'B', stars: 4 });
  rows.push(sunshineRow);

  let changanQueue = 0;
  for (const plan of planChildcare(places, random, [sunshine])) {
    const row = buildChildcare(seed, ctx, plan);
    const forced = plan.site.countyCode === CHANGAN ? CHANGAN_CHILDCARE_QUEUE[changanQueue++] : undefined;
    fileInstitution(seed, random, row, plan.site.countyCode, {
      today,
      filedShare: 0.85,
      graded: true,
      ...(forced ? { state: forced[0], submittedDaysAgo: forced[1] } : {}),
    });
    rows.push(row);
  }
  const childcareRows = rows.length;

  const elderlyCentre: ElderlyPlan = {
    kind: 'community_elderly_centre',
    name: DEMO_INSTITUTIONS[1].name,
    site: places.siteOf(DEMO_INSTITUTIONS[1].regionCode),
    operator: 'public',
    functions: [
      { function: 'elderly_day_care', capacity: 30, unit: 'day_places' },
      { function: 'meals', capacity: 40, unit: 'seats' },
    ],
    prices: { day_care: 800, meals: 12 },
    entrustedBy: '长安区民政局',
    existingId: existing.get('elderly') ?? null,
    fullTeam: true,
  };
  const elderlyRow = buildElderly(seed, ctx, elderlyCentre);
  fileInstitution(seed, random, elderlyRow, CHANGAN, { today, filedShare: 1, state: 'filed', graded: false });
  rows.push(elderlyRow);
  let elderlyQueue = 0;
  for (const plan of planElderly(
    ctx,
    random,
    new Set([places.siteOf(DEMO_INSTITUTIONS[1].regionCode).townshipCode]),
  )) {
    const row = buildElderly(seed, ctx, plan);
    const forced = plan.site.countyCode === CHANGAN ? CHANGAN_ELDERLY_QUEUE[elderlyQueue++] : undefined;
    fileInstitution(seed, random, row, plan.site.countyCode, {
      today,
      filedShare: 0.9,
      graded: false,
      ...(forced ? { state: forced[0], submittedDaysAgo: forced[1] } : {}),
    });
    rows.push(row);
  }
  for (const row of buildComplexes(seed, ctx, random)) {
    fileInstitution(seed, random, row, String(row.region_code).slice(0, 6), {
      today,
      filedShare: 1,
      state: 'filed',
      graded: true,
    });
    rows.push(row);
  }

  const childcare = rows.slice(0, childcareRows);
  const childcarePlaces = new Map<unknown, number>();
  for (const f of seed.institution_functions) {
    if (f.function === 'childcare') childcarePlaces.set(f.institution_id, Number(f.capacity));
  }
  const placesOf = (row: Row) => childcarePlaces.get(row.id) ?? 0;
  Object.assign(summary, {
    institutions: rows.length,
    childcareInstitutions: childcare.length,
    childcarePlaces: childcare.reduce((sum, row) => sum + placesOf(row), 0),
    filedChildcarePlaces: childcare
      .filter((r) => r.status === 'filed')
      .reduce((sum, row) => sum + placesOf(row), 0),
    classes: seed.classes.length,
    staff: seed.staff.length,
    certificates: seed.staff_certificates.length,
    filings: seed.filings.length,
  });
  await write(database, seed, rows, new Set(existing.values()), summary, options);
  return summary;
}

async function write(
  database: Database,
  seed: SeedRows,
  rows: Row[],
  existingIds: ReadonlySet<string>,
  summary: DemoInstitutionsSummary,
  options: DemoInstitutionsOptions,
): Promise<void> {
  seed.institutions = rows.filter((row) => !existingIds.has(String(row.id)));
  await database.db.transaction(async (tx) => {
    for (const row of rows.filter((r) => existingIds.has(String(r.id))))
      await repo.updateInstitution(tx, row);
    await repo.insertSeed(tx, seed, (done, total) => options.onProgress?.(done, total, 'write'));
    await recordAudit(tx, systemContext(), {
      action: 'institution.demo_seed',
      entityType: 'institution',
      regionCode: PROVINCE,
      after: { source: 'demo', ...summary },
    });
  });
}
