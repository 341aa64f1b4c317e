import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { createFieldCipher } from '../../lib/secrets.js';
import {
  CHILDCARE_CLASS_RULES_2019,
  type ClassType,
  requiredCarers,
} from '../../standards/childcare-classes.js';
import { parseIdNumber } from '../../standards/id-number.js';
import { chinaToday } from '../../standards/working-days.js';
import { createTestDatabase } from '../../test/database.js';
import { DEMO_INSTITUTIONS, seedDemoAccounts } from '../accounts/accounts.demo.js';
import { pointInCounty } from '../geo/geo.service.js';
import { loadRegionTree, seedDemoPopulation } from '../regions/regions.service.js';
import { type DemoInstitutionsSummary, seedDemoInstitutions } from './institutions.demo.js';

const CHILDCARE_KINDS = [
  'childcare_centre',
  'kindergarten_nursery',
  'home_childcare_point',
  'employer_childcare',
  'childcare_guidance_centre',
  'training_base',
];
const cipher = createFieldCipher(randomBytes(32));

async function all<T>(database: Database, query: ReturnType<typeof sql>): Promise<T[]> {
  return ((await database.db.execute(query)) as unknown as { rows: T[] }).rows;
}

describe("Hebei's demo register", () => {
  let database: Database;
  let summary: DemoInstitutionsSummary;

  beforeAll(async () => {
    database = await createTestDatabase();
    await loadRegionTree(database, { only: '13' });
    await seedDemoPopulation(database);
    await seedDemoAccounts(database);
    summary = await seedDemoInstitutions(database, cipher);
  });

  it('holds 1,273 childcare institutions with 138,000+ places, about 1.85 per 1,000 residents', async () => {
    const kinds = sql.raw(CHILDCARE_KINDS.map((k) => `'${k}'`).join(','));
    const [row] = await all<{ institutions: number; places: number }>(
      database,
      sql`SELECT count(DISTINCT i.id)::int AS institutions, coalesce(sum(f.capacity), 0)::int AS places
          FROM institutions i
          LEFT JOIN institution_functions f ON f.institution_id = i.id AND f.function = 'childcare'
          WHERE i.kind IN (${kinds})`,
    );
    expect(row!.institutions).toBe(1273);
    expect(row!.places).toBeGreaterThanOrEqual(138_000);
    const [hebei] = await all<{ residents: number }>(
      database,
      sql`SELECT residents FROM region_populations WHERE code = '13' ORDER BY year DESC LIMIT 1`,
    );
    expect((row!.places / hebei!.residents) * 1000).toBeCloseTo(1.85, 1);
    expect(summary.childcareInstitutions).toBe(1273);
  });

  it('offers elderly care too: community centres, care homes, meal points and service complexes', async () => {
    const rows = await all<{ kind: string; n: number }>(
      database,
      sql`SELECT kind, count(*)::int AS n FROM institutions GROUP BY kind`,
    );
    const byKind = Object.fromEntries(rows.map((r) => [r.kind, r.n]));
    expect(byKind.community_elderly_centre).toBeGreaterThan(500);
    expect(byKind.elderly_care_institution).toBeGreaterThan(100);
    expect(byKind.meal_point).toBeGreaterThan(100);
    expect(byKind.service_complex).toBeGreaterThanOrEqual(4);
    expect(byKind.childcare_guidance_centre).toBeGreaterThanOrEqual(11);
  });

  it('keeps the demo accounts’ two institutions, filled in rather than duplicated', async () => {
    for (const demo of DEMO_INSTITUTIONS) {
      const rows = await all<{ id: string; status: string; lat: number | null; staff: number }>(
        database,
        sql`SELECT i.id, i.status, i.lat, (SELECT count(*)::int FROM staff s WHERE s.institution_id = i.id) AS staff
            FROM institutions i WHERE i.name = ${demo.name}`,
      );
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ status: 'filed' });
      expect(rows[0]!.lat).not.toBeNull();
      expect(rows[0]!.staff).toBeGreaterThan(3);
      const [accounts] = await all<{ n: number }>(
        database,
        sql`SELECT count(*)::int AS n FROM accounts WHERE institution_id = ${rows[0]!.id}`,
      );
      expect(accounts!.n).toBeGreaterThan(0);
    }
    const today = chinaToday();
    const certificates = await all<{ expires_on: string }>(
      database,
      sql`SELECT c.expires_on::text FROM staff_certificates c JOIN staff s ON s.id = c.staff_id
          JOIN institutions i ON i.id = s.institution_id
          WHERE i.name = ${DEMO_INSTITUTIONS[0].name} AND c.kind = 'health_certificate'`,
    );
    expect(certificates.some((c) => c.expires_on < today)).toBe(true);
    const in30 = new Date(Date.parse(`${today}T00:00:00Z`) + 30 * 86_400_000).toISOString().slice(0, 10);
    expect(certificates.some((c) => c.expires_on >= today && c.expires_on <= in30)).toBe(true);
  });

  it('places every institution in a real community, inside its county polygon where there is one', async () => {
    const rows = await all<{ region_code: string; lng: number; lat: number; level: number | null }>(
      database,
      sql`SELECT i.region_code, i.lng, i.lat, r.level::int AS level FROM institutions i
          LEFT JOIN regions r ON r.code = i.region_code`,
    );
    expect(rows.length).toBeGreaterThan(3000);
    const outside = rows.filter((r) => pointInCounty(r.region_code.slice(0, 6), r.lng, r.lat) === false);
    expect(outside).toEqual([]);
    expect(rows.filter((r) => r.level !== 5)).toEqual([]);
  });

  it('keeps every class within the standard size and the carer ratio for its enrolled children', async () => {
    const classes = await all<{ type: ClassType; capacity: number; enrolled: number; carers: number }>(
      database,
      sql`SELECT c.type, c.capacity, c.enrolled, coalesce(s.carers, 0)::int AS carers
          FROM classes c
          LEFT JOIN (SELECT class_id, count(*) AS carers FROM staff WHERE role = 'carer' GROUP BY class_id) s
            ON s.class_id = c.id`,
    );
    expect(classes.length).toBeGreaterThan(5000);
    const broken = classes.filter(
      (c) =>
        c.capacity > CHILDCARE_CLASS_RULES_2019[c.type].maxSize ||
        c.enrolled > c.capacity ||
        c.enrolled < Math.floor(c.capacity * 0.5) ||
        c.carers < requiredCarers(c.enrolled, c.type),
    );
    expect(broken).toEqual([]);
  });

  it("leaves open filings in Chang'an's work queue, some past their deadline", async () => {
    const today = chinaToday();
    const open = await all<{ status: string; acknowledge_by: string; review_by: string; events: number }>(
      database,
      sql`SELECT f.status, f.acknowledge_by, f.review_by,
                 (SELECT count(*)::int FROM filing_events e WHERE e.filing_id = f.id) AS events
          FROM filings f JOIN institutions i ON i.id = f.institution_id
          WHERE f.county_code = '130102' AND f.status IN ('submitted', 'acknowledged', 'resubmitted')
            AND i.kind IN (${sql.raw(CHILDCARE_KINDS.map((k) => `'${k}'`).join(','))})`,
    );
    expect(open.length).toBeGreaterThanOrEqual(3);
    expect(open.every((f) => f.events >= 1 && f.acknowledge_by < f.review_by)).toBe(true);
    expect(open.some((f) => f.status === 'submitted' && f.acknowledge_by < today)).toBe(true);
    const [states] = await all<{ filed: number; total: number }>(
      database,
      sql`SELECT count(*) FILTER (WHERE status = 'filed')::int AS filed, count(*)::int AS total FROM institutions
          WHERE kind IN (${sql.raw(CHILDCARE_KINDS.map((k) => `'${k}'`).join(','))})`,
    );
    expect(states!.filed / states!.total).toBeGreaterThan(0.78);
    expect(states!.filed / states!.total).toBeLessThan(0.92);
  });

  it('stores staff ID numbers encrypted with a blind index, never in plain text', async () => {
    const staff = await all<{ id_number_cipher: string; id_number_index: string }>(
      database,
      sql`SELECT id_number_cipher, id_number_index FROM staff ORDER BY id LIMIT 200`,
    );
    for (const member of staff) {
      expect(member.id_number_cipher).not.toMatch(/\d{17}[\dX]/);
      const plain = cipher.decrypt(member.id_number_cipher);
      expect(parseIdNumber(plain).valid).toBe(true);
      expect(cipher.blindIndex(plain)).toBe(member.id_number_index);
    }
  });

  it('seeds once: a second call adds nothing', async () => {
    const before = await all<{ n: number }>(database, sql`SELECT count(*)::int AS n FROM staff`);
    const again = await seedDemoInstitutions(database, cipher);
    expect(again.institutions).toBe(0);
    const after = await all<{ n: number }>(database, sql`SELECT count(*)::int AS n FROM staff`);
    expect(after[0]!.n).toBe(before[0]!.n);
    const audit = await all<{ n: number }>(
      database,
      sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'institution.demo_seed'`,
    );
    expect(audit[0]!.n).toBe(1);
  });
});
