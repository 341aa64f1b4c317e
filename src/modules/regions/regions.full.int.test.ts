import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { createTestDatabase, TEST_DB_KIND } from '../../test/database.js';
import { countNodes } from './regions.repo.js';
import { getRegionWithPath, loadRegionTree, searchRegions } from './regions.service.js';

/** The whole national tree (665k nodes): on PostgreSQL only, where it loads in seconds. */
describe.skipIf(TEST_DB_KIND !== 'postgres')('the full division tree', () => {
  let database: Database;

  beforeAll(async () => {
    database = await createTestDatabase();
    await loadRegionTree(database);
  }, 300_000);

  it('holds every level of the 2023 statistical code table', async () => {
    expect(await countNodes(database.db, 2023, true)).toEqual({
      '1': 31,
      '2': 342,
      '3': 2_978,
      '4': 41_352,
      '5': 620_573,
    });
  });

  it('shows municipalities without their "市辖区" grouping in full names', async () => {
    const [hit] = await searchRegions(database, { q: '东城区', within: '11', level: 3 });
    expect(hit).toMatchObject({ code: '110101', parentCode: '1101', fullName: '北京市 东城区' });
    const node = await getRegionWithPath(database, '110101001001');
    expect(node.path.map((r) => r.name)).toEqual(['北京市', '市辖区', '东城区', '东华门街道']);
  });
});
