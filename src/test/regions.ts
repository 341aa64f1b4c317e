import type { Database } from '../db/client.js';
import { regions, regionYears } from '../modules/regions/regions.table.js';

/** A small real slice of Hebei's division tree, enough for accounts and scope tests. */
export const TEST_REGIONS = [
  ['13', '河北省', 1, null],
  ['1301', '石家庄市', 2, '13'],
  ['130102', '长安区', 3, '1301'],
  ['130104', '桥西区', 3, '1301'],
  ['130102001', '建北街道', 4, '130102'],
  ['130102002', '青园街道', 4, '130102'],
  ['130104001', '东里街道', 4, '130104'],
  ['130102001001', '棉一东社区居民委员会', 5, '130102001'],
  ['130102001002', '光华路社区居民委员会', 5, '130102001'],
  ['130104001001', '东里社区居民委员会', 5, '130104001'],
  ['1302', '唐山市', 2, '13'],
  ['130202', '路南区', 3, '1302'],
  ['14', '山西省', 1, null],
] as const;

/** Insert TEST_REGIONS as the current 2023 code table. */
export async function seedTestRegions(database: Database): Promise<void> {
  await database.db
    .insert(regionYears)
    .values({ year: 2023, source: 'test', nodeCount: TEST_REGIONS.length, isCurrent: 1 });
  await database.db.insert(regions).values(
    TEST_REGIONS.map(([code, name, level, parentCode]) => ({
      year: 2023,
      code,
      name,
      level,
      parentCode,
      childCount: TEST_REGIONS.filter((r) => r[3] === code).length,
    })),
  );
}
