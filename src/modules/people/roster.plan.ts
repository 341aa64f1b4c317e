import { randomUUID } from 'node:crypto';
import type { FieldCipher } from '../../lib/secrets.js';
import type { RosterRow } from './roster.import.js';
import { type MergePlan, mergeRow, type StoredPerson } from './roster.match.js';
import type { Source } from './roster.schema.js';
import type * as w from './roster.writes.js';

/** Every write of one chunk, computed in memory so each table gets one set-based statement. */
export interface ChunkWrites {
  people: w.NewPerson[];
  personUpdates: MergePlan['person'][];
  seen: { id: string; seenBy: unknown }[];
  flagUpserts: w.FlagRow[];
  flagDeletes: { personId: string; flag: string; source: string }[];
  changes: w.ChangeRow[];
  conflicts: w.NewConflict[];
  updated: number;
  unchanged: number;
}

/**
 * Plan one chunk: a row whose blind index matches nobody creates a person (the ID number
 * encrypted only then), a matched row is merged by `mergeRow` (changes recorded, disagreements
 * between departments queued as conflicts, never overwritten).
 */
export function planWrites(
  rows: readonly RosterRow[],
  indexes: readonly string[],
  stored: Map<string, StoredPerson>,
  cipher: FieldCipher,
  source: Source,
  today: string,
  importId: string,
  actorName: string,
): ChunkWrites {
  const out: ChunkWrites = {
    people: [],
    personUpdates: [],
    seen: [],
    flagUpserts: [],
    flagDeletes: [],
    changes: [],
    conflicts: [],
    updated: 0,
    unchanged: 0,
  };
  const change = (personId: string, field: string, oldValue: unknown, newValue: unknown) =>
    out.changes.push({ personId, field, oldValue, newValue, source, importId, actor: actorName });
  rows.forEach((row, i) => {
    const index = indexes[i]!;
    const person = stored.get(index);
    if (!person) {
      const id = randomUUID();
      const closed = row.household && row.household.status !== 'active' ? row.household : null;
      const said = { source, value: null, asOf: today };
      out.people.push({
        id,
        idNumberCipher: cipher.encrypt(row.idNumber),
        idNumberIndex: index,
        name: row.name,
        sex: row.sex,
        birthDate: row.birthDate,
        regionCode: row.regionCode,
        address: row.address,
        phone: row.phone,
        livingSituation: row.livingSituation,
        status: closed?.status ?? 'active',
        closedOn: closed?.on ?? null,
        closedReason: closed ? source : null,
        fieldSources: {
          name: said,
          region_code: said,
          ...(row.address ? { address: said } : {}),
          ...(closed ? { status: said } : {}),
        },
        seenBy: { [source]: today },
      });
      change(id, 'created', null, {
        name: row.name,
        regionCode: row.regionCode,
        status: closed?.status ?? 'active',
      });
      for (const [flag, value] of Object.entries(row.flags)) {
        if (value) out.flagUpserts.push({ personId: id, flag, value, source, asOf: today });
      }
      return;
    }
    const plan = mergeRow(person, row, source, today);
    for (const c of plan.changes) change(person.id, c.field, c.oldValue, c.newValue);
    for (const f of plan.flagUpserts) out.flagUpserts.push({ personId: person.id, ...f });
    for (const f of plan.flagDeletes) out.flagDeletes.push({ personId: person.id, ...f });
    for (const c of plan.conflicts)
      out.conflicts.push({
        personId: person.id,
        regionCode: person.regionCode,
        field: c.field,
        values: c.values,
        importId,
      });
    if (plan.personChanged) out.personUpdates.push(plan.person);
    else out.seen.push({ id: person.id, seenBy: plan.person.seenBy });
    if (plan.changes.length > 0) out.updated += 1;
    else out.unchanged += 1;
  });
  return out;
}
