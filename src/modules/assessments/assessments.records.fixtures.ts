import { randomUUID } from 'node:crypto';
import { type ItemKey, itemsOf } from '../../standards/capability-assessment.js';
import { buildIdNumber } from '../../standards/id-number.js';
import type { TestApp } from '../../test/app.js';
import { olderPeople, personFlags } from '../people/people.table.js';

/** Test factories for assessments on record (not the API under test). */

let sequence = 100;
function nextSequence(): number {
  sequence += 2;
  return sequence;
}

/** Insert an older person on the roster directly, with flags from one department. */
export async function buildPerson(
  t: TestApp,
  p: {
    name: string;
    birthDate: string;
    regionCode: string;
    flags?: string[];
    status?: 'active' | 'deceased' | 'moved_out';
    closedOn?: string;
  },
): Promise<string> {
  const idNumber = buildIdNumber({
    regionCode: p.regionCode.slice(0, 6),
    birthDate: p.birthDate,
    sequence: nextSequence(),
  });
  const id = randomUUID();
  await t.database.db.insert(olderPeople).values({
    id,
    idNumberCipher: t.cipher.encrypt(idNumber),
    idNumberIndex: t.cipher.blindIndex(idNumber),
    name: p.name,
    sex: 'female',
    birthDate: p.birthDate,
    regionCode: p.regionCode,
    address: `${p.name}家`,
    phone: '13812345678',
    status: p.status ?? 'active',
    closedOn: p.closedOn ?? null,
  });
  for (const flag of p.flags ?? []) {
    await t.database.db
      .insert(personFlags)
      .values({ personId: id, flag, value: {}, source: 'disabled_federation', asOf: '2025-01-01' });
  }
  return id;
}

/** Item scores adding up to `total`: every item at its maximum, then points taken in the standard's order. */
export function scoresTotalling(total: number): Record<ItemKey, number> {
  let deficit = 90 - total;
  return Object.fromEntries(
    itemsOf().map((i) => {
      const take = Math.min(i.max, deficit);
      deficit -= take;
      return [i.key, i.max - take];
    }),
  ) as Record<ItemKey, number>;
}

/** A complete body for `POST /api/roster/:personId/assessments`. */
export const assessmentBody = (
  assessedOn: string,
  reason: string,
  total = 90,
  overrides: Record<string, unknown> = {},
) => ({
  assessedOn,
  reason,
  scores: scoresTotalling(total),
  coma: false,
  dementia: false,
  riskEvents30d: [],
  ...overrides,
});
