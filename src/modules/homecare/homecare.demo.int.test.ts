import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.js';
import { seedTestRegions } from '../../test/regions.js';
import { DEMO_INSTITUTIONS, DEMO_PASSWORD, seedDemoAccounts } from '../accounts/accounts.demo.js';
import { seedDemoHomecare } from './homecare.demo.js';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
  await seedTestRegions(t.database);
  await seedDemoAccounts(t.database);
});

describe('seedDemoHomecare', () => {
  it("seeds Shijiazhuang's Top Ten and Four Packages and the demo elderly centre offering them, once", async () => {
    expect(await seedDemoHomecare(t.database)).toEqual({ items: 14, providerItems: 14 });
    expect(await seedDemoHomecare(t.database)).toEqual({ items: 0, providerItems: 0 });
    const admin = await t.login('elderly.admin', DEMO_PASSWORD);
    const menu = (await admin.get('/api/service-items')).json().items as { category: string; name: string }[];
    expect(menu.filter((i) => i.category === 'core')).toHaveLength(10);
    expect(menu.filter((i) => i.category === 'package')).toHaveLength(4);
    expect(menu.map((i) => i.name)).toEqual(expect.arrayContaining(['助餐（送餐上门）', '探访关爱']));
    const providers = (await (await t.login('changan.civil', DEMO_PASSWORD)).get('/api/providers')).json()
      .items;
    const centre = providers.find((p: { name: string }) => p.name === DEMO_INSTITUTIONS[1].name);
    expect(centre).toMatchObject({ itemCount: 14 });
    const items = (await admin.get(`/api/providers/${centre.id}/items`)).json().items;
    const bath = items.find((i: { code: string }) => i.code === 'SJZ-ZY');
    expect(bath).toMatchObject({ price: 75, menuPrice: 80 });
    const packages = items.filter((i: { packageName: string | null }) => i.packageName);
    expect(new Set(packages.map((i: { packageName: string }) => i.packageName))).toEqual(
      new Set(['基础照护包', '健康管理包', '精神慰藉包', '适老化改造包']),
    );
  });
});
