/**
 * Test factories for programs: older people with flags and assessments written straight into the
 * tables (a factory, not the API under test), in bulk. Works on PGlite and PostgreSQL.
 */
import type { Db } from '../../db/client.js';
import type { FieldCipher } from '../../lib/secrets.js';
import { buildIdNumber } from '../../standards/id-number.js';
import { chinaToday } from '../../standards/working-days.js';
import type { TestApp } from '../../test/app.js';
import { seedTestRegions } from '../../test/regions.js';
import type { Role } from '../accounts/roles.js';
import { assessments } from '../assessments/assessments.table.js';
import { olderPeople, personFlags } from '../people/people.table.js';

export interface PersonSpec {
  name?: string;
  birthDate: string;
  regionCode: string;
  status?: string;
  flags?: string[];
  /** Assessments as [assessedOn, finalGrade]; recorded in this order (later = recorded later). */
  assessments?: [string, string][];
}

let sequence = 0;
const ID_REGIONS = ['130104', '130105', '130107', '130108', '130109', '130110'];

/** Insert people (with flags and assessments); returns their ids in order. */
export async function insertPeople(
  db: Db,
  cipher: FieldCipher,
  specs: readonly PersonSpec[],
): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < specs.length; i += 200) {
    const chunk = specs.slice(i, i + 200);
    const rows = chunk.map((s) => {
      sequence += 1;
      // Regions other than 130102 in the number keep these apart from src/test/people.ts.
      const idNumber = buildIdNumber({
        regionCode: ID_REGIONS[Math.floor(sequence / 1000) % ID_REGIONS.length]!,
        birthDate: s.birthDate,
        sequence: sequence % 1000,
      });
      return {
        idNumberCipher: cipher.encrypt(idNumber),
        idNumberIndex: cipher.blindIndex(idNumber),
        name: s.name ?? `老人${sequence}`,
        sex: 'female',
        birthDate: s.birthDate,
        regionCode: s.regionCode,
        status: s.status ?? 'active',
      };
    });
    const inserted = await db.insert(olderPeople).values(rows).returning({ id: olderPeople.id });
    ids.push(...inserted.map((r) => r.id));
  }
  const flags = specs.flatMap((s, i) =>
    (s.flags ?? []).map((flag, j) => ({
      personId: ids[i]!,
      flag,
      source: j % 2 === 0 ? 'civil_affairs' : 'community',
      asOf: '2026-01-01',
    })),
  );
  for (let i = 0; i < flags.length; i += 500) await db.insert(personFlags).values(flags.slice(i, i + 500));
  let recorded = Date.UTC(2025, 0, 1);
  const rows = specs.flatMap((s, i) =>
    (s.assessments ?? []).map(([assessedOn, grade]) => {
      recorded += 60_000;
      return assessmentRow(ids[i]!, s.regionCode, assessedOn, grade, new Date(recorded));
    }),
  );
  for (let i = 0; i < rows.length; i += 500) await db.insert(assessments).values(rows.slice(i, i + 500));
  return ids;
}

/** An assessment row with the given final grade (scores are not what the rules read). */
export function assessmentRow(
  personId: string,
  regionCode: string,
  assessedOn: string,
  grade: string,
  createdAt = new Date(),
) {
  return {
    personId,
    regionCode,
    assessedOn,
    reason: 'first',
    scores: {},
    total: 50,
    groups: {},
    initialGrade: grade,
    finalGrade: grade,
    standard: 'GB/T 42195-2022',
    nextDueOn: '2027-01-01',
    createdAt,
  };
}

/** A small deterministic pseudo-random generator (mulberry32), so failures reproduce. */
export function randomFrom(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
    chance: (p: number) => next() < p,
  };
}

/** Officials of Shijiazhuang for the programs tests, signed in. */
export async function programsWorld(t: TestApp) {
  await seedTestRegions(t.database);
  const as = async (role: Role, regionCode: string) =>
    t.login((await t.buildAccount({ role, regionCode })).username);
  return {
    city: await as('civil_city', '1301'),
    changan: await as('civil_county', '130102'),
    qiaoxi: await as('civil_county', '130104'),
    worker: await as('community_worker', '130102001001'),
    health: await as('health_county', '130102'),
  };
}

/** A birth date that makes someone `age` on the 1st of every month of this year. */
export function bornAged(age: number): string {
  return `${Number(chinaToday().slice(0, 4)) - age}-01-01`;
}

/** A program body for POST /api/programs. */
export function programBody(over: Record<string, unknown> = {}) {
  return {
    regionPrefix: '130102',
    code: `P${++sequence}`,
    name: '测试项目',
    eligibility: { minAge: 80 },
    benefit: { kind: 'monthly_amount', amount: 100 },
    autoEnrol: true,
    startsOn: '2020-01-01',
    ...over,
  };
}
