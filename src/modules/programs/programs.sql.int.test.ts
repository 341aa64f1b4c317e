import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.js';
import { reevaluatePerson } from './programs.evaluate.js';
import { insertPeople, type PersonSpec, randomFrom } from './programs.fixtures.js';
import * as repo from './programs.repo.js';
import { type Eligibility, evaluate, type StoredBenefit } from './programs.rules.js';
import { evaluateWhere } from './programs.sql.js';

/**
 * The pure rules (`evaluate`) and their SQL translation must judge everyone alike: a few hundred
 * generated people — ages around every band edge, flags from two departments, several
 * assessments each, closed records, other regions — against programs using every rule.
 */
let t: TestApp;
const people: (PersonSpec & { id: string })[] = [];

const PROGRAMS: [string, string, Eligibility][] = [
  ['age_80_89', '1301', { minAge: 80, maxAge: 89 }],
  ['age_90_99', '1301', { minAge: 90, maxAge: 99 }],
  ['age_100', '1301', { minAge: 100 }],
  ['hardship', '1301', { anyFlags: ['extreme_poverty', 'minimum_allowance', 'low_income'] }],
  ['disability', '130102', { grades: ['severe', 'complete'] }],
  ['alone_80', '1301', { minAge: 80, allFlags: ['living_alone', 'aged_80_plus'] }],
  [
    'mixed',
    '1301',
    {
      minAge: 60,
      maxAge: 95,
      anyFlags: ['aged_80_plus', 'living_alone', 'disabled'],
      allFlags: ['low_income'],
      grades: ['moderate', 'severe', 'complete'],
      residence: '130102001',
    },
  ],
  ['everyone', '13', {}],
];
const FLAG_POOL = [
  'living_alone',
  'empty_nest',
  'disabled',
  'extreme_poverty',
  'minimum_allowance',
  'low_income',
  'aged_80_plus',
];
const GRADES = ['intact', 'mild', 'moderate', 'severe', 'complete'];
const REGIONS = ['130102001001', '130102001002', '130102002001', '130104001001', '130202001001'];
const DAYS = ['2026-03-17', '2026-07-01', '2024-03-01'];

beforeAll(async () => {
  t = await createTestApp();
  const r = randomFrom(20260317);
  const specs: PersonSpec[] = [];
  for (let i = 0; i < 320; i++) {
    // Ages cluster on the band edges of every test day: born around the 1st of some month.
    const age = r.pick([59, 60, 61, 79, 80, 81, 88, 89, 90, 91, 95, 96, 99, 100, 101, 105]);
    const month = r.int(1, 12);
    const day = r.pick([1, 1, 2, 15, 28, 29, 31]);
    const year = 2026 - age;
    const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
    const birthDate = `${year}-${String(month).padStart(2, '0')}-${String(Math.min(day, lastDay)).padStart(2, '0')}`;
    const assessments: [string, string][] = [];
    for (let a = r.int(0, 3); a > 0; a--) {
      // Same-day re-assessments too: the later recorded one counts.
      assessments.push([r.pick(['2025-01-10', '2025-06-01', '2025-06-01', '2026-02-01']), r.pick(GRADES)]);
    }
    specs.push({
      birthDate,
      regionCode: r.pick(REGIONS),
      status: r.chance(0.1) ? r.pick(['deceased', 'moved_out']) : 'active',
      flags: FLAG_POOL.filter(() => r.chance(0.25)),
      assessments,
    });
  }
  const ids = await insertPeople(t.database.db, t.cipher, specs);
  for (const [i, s] of specs.entries()) people.push({ ...s, id: ids[i]! });
});

/** The final grade as the rules define it: latest assessed day, then the later recorded. */
function latestGrade(p: PersonSpec): string | null {
  let best: [string, string] | null = null;
  for (const a of p.assessments ?? []) if (!best || a[0] >= best[0]) best = a;
  return best?.[1] ?? null;
}

const benefit: StoredBenefit = { kind: 'monthly_amount', amountCents: 10_000 };

describe('SQL and evaluate() agree', () => {
  for (const onDay of DAYS) {
    it(`on ${onDay}, for every program and every person`, async () => {
      const db = t.database.db;
      let compared = 0;
      let eligibleSeen = 0;
      for (const [code, regionPrefix, eligibility] of PROGRAMS) {
        const programCode = `${code}_${onDay}`;
        const id = await repo.insertProgram(db, {
          regionPrefix,
          code: programCode,
          name: code,
          description: null,
          eligibility,
          benefit,
          autoEnrol: true,
          startsOn: '2020-01-01',
          endsOn: null,
          createdBy: null,
        });
        const program = { id: id!, regionPrefix, eligibility, benefit, autoEnrol: true };
        const counts = await evaluateWhere(db, program, sql`true`, onDay, null);
        expect(counts.evaluated).toBe(people.length);
        const stored = await repo.rows<{ personId: string; eligible: boolean; reasons: string[] }>(
          db,
          sql`SELECT person_id AS "personId", eligible, reasons FROM program_eligibility WHERE program_id = ${id}::uuid`,
        );
        const byPerson = new Map(stored.map((s) => [s.personId, s]));
        for (const p of people) {
          const expected = evaluate(
            program,
            { ...p, flags: p.flags ?? [], finalGrade: latestGrade(p), status: p.status ?? 'active' },
            onDay,
          );
          const got = byPerson.get(p.id);
          expect({ person: p, ...got, personId: undefined }).toEqual({ person: p, ...expected });
          compared += 1;
          if (expected.eligible) eligibleSeen += 1;
        }
        const enrolled = await repo.rows<{ n: number }>(
          db,
          sql`SELECT count(*)::int AS n FROM program_enrolments WHERE program_id = ${id}::uuid AND status = 'enrolled'`,
        );
        expect(enrolled[0]!.n).toBe(counts.eligible);
      }
      expect(compared).toBe(people.length * PROGRAMS.length);
      // The generated roster exercises both outcomes.
      expect(eligibleSeen).toBeGreaterThan(100);
      expect(eligibleSeen).toBeLessThan(compared - 100);
    });
  }

  it('judges one person the same way as the whole roster (the per-person hook)', async () => {
    const db = t.database.db;
    type Row = { programId: string; personId: string; eligible: boolean; reasons: string[] };
    const ofDay = sql`SELECT program_id AS "programId", person_id AS "personId", eligible, reasons
      FROM program_eligibility WHERE program_id IN (SELECT id FROM programs WHERE code LIKE ${`%_${DAYS[0]}`})`;
    const key = (r: { programId: string; personId: string }) => `${r.programId}/${r.personId}`;
    const before = new Map((await repo.rows<Row>(db, ofDay)).map((r) => [key(r), r]));
    await db.execute(sql`DELETE FROM program_eligibility`);
    const some = people.slice(0, 20);
    for (const p of some) await reevaluatePerson(db, p.id, DAYS[0]);
    const after = await repo.rows<Row>(db, ofDay);
    for (const row of after) expect(row).toEqual(before.get(key(row)));
    const programs = await repo.rows<{ id: string; regionPrefix: string }>(
      db,
      sql`SELECT id, region_prefix AS "regionPrefix" FROM programs WHERE code LIKE ${`%_${DAYS[0]}`}`,
    );
    const covered = some.flatMap((p) =>
      programs.filter((g) => p.regionCode.startsWith(g.regionPrefix)).map((g) => `${g.id}/${p.id}`),
    );
    const judged = new Set(after.map(key));
    expect(covered.filter((k) => !judged.has(k))).toEqual([]);
    expect(covered.length).toBeGreaterThan(20 * 4);
  });
});
