import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../test/app.js';
import { DEMO_PROGRAMS, seedDemoPrograms } from './programs.demo.js';
import { bornAged, insertPeople, programsWorld } from './programs.fixtures.js';
import { Benefit, Eligibility } from './programs.rules.js';

describe('demo programs (Shijiazhuang, STANDARDS §5)', () => {
  it('are valid programs, created once, and judge the roster by their bands', async () => {
    for (const p of DEMO_PROGRAMS) {
      expect(Eligibility.safeParse(p.eligibility).success, p.code).toBe(true);
      expect(Benefit.safeParse(p.benefit).success, p.code).toBe(true);
    }
    const t = await createTestApp();
    const w = await programsWorld(t);
    expect(await seedDemoPrograms(t.database.db)).toBe(DEMO_PROGRAMS.length);
    expect(await seedDemoPrograms(t.database.db)).toBe(0);
    await insertPeople(
      t.database.db,
      t.cipher,
      [79, 80, 89, 90, 99, 100].map((age) => ({ birthDate: bornAged(age), regionCode: '130102001001' })),
    );
    const items = (await w.city.get('/api/programs')).json().items as { id: string; code: string }[];
    expect(items).toHaveLength(DEMO_PROGRAMS.length);
    const eligible: Record<string, number> = {};
    for (const code of ['AGE_ALLOWANCE_80', 'AGE_ALLOWANCE_90', 'AGE_ALLOWANCE_100', 'MEAL_DISCOUNT_60']) {
      const id = items.find((p) => p.code === code)!.id;
      const res = await w.city.post(`/api/programs/${id}/evaluate`);
      expect(res.statusCode, res.body).toBe(200);
      eligible[code] = res.json().enrolled;
    }
    expect(eligible).toEqual({
      AGE_ALLOWANCE_80: 2,
      AGE_ALLOWANCE_90: 2,
      AGE_ALLOWANCE_100: 1,
      MEAL_DISCOUNT_60: 6,
    });
  });
});
