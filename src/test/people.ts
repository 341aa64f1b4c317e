import { olderPeople, personFlags } from '../modules/people/people.table.js';
import { buildIdNumber } from '../standards/id-number.js';
import type { TestApp } from './app.js';

let sequence = 0;

/**
 * Insert an older person directly (a factory, not the API under test), encrypted as the roster
 * does, with flags from one source.
 */
export async function buildPerson(
  t: TestApp,
  options: {
    name?: string;
    birthDate?: string;
    regionCode?: string;
    flags?: string[];
    status?: string;
    homeLat?: number;
    homeLng?: number;
    source?: string;
  } = {},
): Promise<{ id: string; idNumber: string }> {
  sequence += 1;
  const birthDate = options.birthDate ?? '1940-03-15';
  const idNumber = buildIdNumber({ regionCode: '130102', birthDate, sequence: (sequence * 2 + 1) % 1000 });
  const [row] = await t.database.db
    .insert(olderPeople)
    .values({
      idNumberCipher: t.cipher.encrypt(idNumber),
      idNumberIndex: t.cipher.blindIndex(idNumber),
      name: options.name ?? `老人${sequence}`,
      sex: 'male',
      birthDate,
      regionCode: options.regionCode ?? '130102001001',
      status: options.status ?? 'active',
      homeLat: options.homeLat ?? 38.05,
      homeLng: options.homeLng ?? 114.52,
    })
    .returning({ id: olderPeople.id });
  for (const flag of options.flags ?? []) {
    await t.database.db
      .insert(personFlags)
      .values({ personId: row!.id, flag, source: options.source ?? 'civil_affairs', asOf: '2026-01-01' });
  }
  return { id: row!.id, idNumber };
}
