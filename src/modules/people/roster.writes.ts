/**
 * The roster's set-based reads and writes for imports: one statement per table and chunk, the
 * rows travelling as one JSON parameter unpacked by `json_to_recordset` (no per-row statements,
 * no parameter-count limit), the same SQL on PGlite and on PostgreSQL.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { Said, StoredPerson } from './roster.match.js';

async function rows<T>(ex: Executor, query: SQL): Promise<T[]> {
  return ((await ex.execute(query)) as unknown as { rows: T[] }).rows;
}

/** `json_to_recordset(<rows>) AS v(<columns>)`: the rows (objects keyed by column) as a table. */
function recordset(items: readonly Record<string, unknown>[], columns: string): SQL {
  return sql`json_to_recordset(${JSON.stringify(items)}::json) AS v(${sql.raw(columns)})`;
}

/**
 * People by blind index with their flags and open conflicts, one statement (an index probe per
 * key, whatever the table's size). With `lock` the people's rows are locked as an UPDATE locks
 * them until the chunk's transaction ends, so two imports touching the same person apply one
 * after the other.
 */
export async function findForImport(
  ex: Executor,
  indexes: readonly string[],
  lock: boolean,
): Promise<Map<string, StoredPerson>> {
  const found = new Map<string, StoredPerson>();
  if (indexes.length === 0) return found;
  const people = await rows<StoredPerson & { idIndex: string }>(
    ex,
    sql`SELECT p.id, p.id_number_index AS "idIndex", p.name, p.region_code AS "regionCode", p.address, p.phone,
          p.living_situation AS "livingSituation", p.status, p.closed_on::text AS "closedOn",
          p.closed_reason AS "closedReason", p.field_sources AS "fieldSources", p.seen_by AS "seenBy",
          coalesce((SELECT json_agg(json_build_object('flag', f.flag, 'value', f.value, 'source', f.source,
                       'asOf', f.as_of::text)) FROM person_flags f WHERE f.person_id = p.id), '[]'::json) AS flags,
          coalesce((SELECT json_agg(json_build_object('field', c.field, 'values', c.values))
                    FROM roster_conflicts c WHERE c.person_id = p.id AND c.status = 'open'), '[]'::json)
            AS "openConflicts"
        FROM unnest(string_to_array(${indexes.join(',')}, ',')) AS k(idx)
        JOIN older_people p ON p.id_number_index = k.idx
        ${lock ? sql`FOR NO KEY UPDATE OF p` : sql``}`,
  );
  for (const { idIndex, ...person } of people) found.set(idIndex, person);
  return found;
}

/** Region codes of people by blind index (the scope check before an import writes anything). */
export async function regionsByIndex(ex: Executor, indexes: readonly string[]): Promise<Map<string, string>> {
  if (indexes.length === 0) return new Map();
  const found = await rows<{ idIndex: string; regionCode: string }>(
    ex,
    sql`SELECT p.id_number_index AS "idIndex", p.region_code AS "regionCode"
        FROM unnest(string_to_array(${indexes.join(',')}, ',')) AS k(idx)
        JOIN older_people p ON p.id_number_index = k.idx`,
  );
  return new Map(found.map((r) => [r.idIndex, r.regionCode]));
}

/** A new person as inserted. */
export interface NewPerson {
  id: string;
  idNumberCipher: string;
  idNumberIndex: string;
  name: string;
  sex: string;
  birthDate: string;
  regionCode: string;
  address: string | null;
  phone: string | null;
  livingSituation: string | null;
  status: string;
  closedOn: string | null;
  closedReason: string | null;
  fieldSources: unknown;
  seenBy: unknown;
}

export async function insertPeople(ex: Executor, people: readonly NewPerson[]): Promise<void> {
  if (people.length === 0) return;
  const items = people.map((p) => ({
    id: p.id,
    id_number_cipher: p.idNumberCipher,
    id_number_index: p.idNumberIndex,
    name: p.name,
    sex: p.sex,
    birth_date: p.birthDate,
    region_code: p.regionCode,
    address: p.address,
    phone: p.phone,
    living_situation: p.livingSituation,
    status: p.status,
    closed_on: p.closedOn,
    closed_reason: p.closedReason,
    field_sources: p.fieldSources,
    seen_by: p.seenBy,
  }));
  await ex.execute(sql`INSERT INTO older_people (id, id_number_cipher, id_number_index, name, sex, birth_date,
      region_code, address, phone, living_situation, status, closed_on, closed_reason, field_sources, seen_by)
    SELECT id, id_number_cipher, id_number_index, name, sex, birth_date, region_code, address, phone,
      living_situation, status, closed_on, closed_reason, field_sources, seen_by
    FROM ${recordset(
      items,
      `id uuid, id_number_cipher text, id_number_index text, name text, sex text, birth_date date, region_code text,
       address text, phone text, living_situation text, status text, closed_on date, closed_reason text,
       field_sources jsonb, seen_by jsonb`,
    )}`);
}

/** Write the updatable state of many people in one statement. */
export async function updatePeople(ex: Executor, people: readonly StoredPerson[]): Promise<void> {
  if (people.length === 0) return;
  const items = people.map((p) => ({
    id: p.id,
    name: p.name,
    region_code: p.regionCode,
    address: p.address,
    phone: p.phone,
    living_situation: p.livingSituation,
    status: p.status,
    closed_on: p.closedOn,
    closed_reason: p.closedReason,
    field_sources: p.fieldSources,
    seen_by: p.seenBy,
  }));
  await ex.execute(sql`UPDATE older_people p SET name = v.name, region_code = v.region_code, address = v.address,
      phone = v.phone, living_situation = v.living_situation, status = v.status, closed_on = v.closed_on,
      closed_reason = v.closed_reason, field_sources = v.field_sources, seen_by = v.seen_by, updated_at = now()
    FROM ${recordset(
      items,
      `id uuid, name text, region_code text, address text, phone text, living_situation text, status text,
       closed_on date, closed_reason text, field_sources jsonb, seen_by jsonb`,
    )}
    WHERE p.id = v.id`);
}

/** Only the last-seen dates changed (a department confirmed the person; not a change of facts). */
export async function touchSeen(
  ex: Executor,
  people: readonly { id: string; seenBy: unknown }[],
): Promise<void> {
  if (people.length === 0) return;
  const items = people.map((p) => ({ id: p.id, seen_by: p.seenBy }));
  await ex.execute(sql`UPDATE older_people p SET seen_by = v.seen_by
    FROM ${recordset(items, 'id uuid, seen_by jsonb')} WHERE p.id = v.id`);
}

export interface FlagRow {
  personId: string;
  flag: string;
  value: unknown;
  source: string;
  asOf: string;
}

export async function upsertFlags(ex: Executor, flags: readonly FlagRow[]): Promise<void> {
  if (flags.length === 0) return;
  const items = flags.map((f) => ({
    person_id: f.personId,
    flag: f.flag,
    value: f.value,
    source: f.source,
    as_of: f.asOf,
  }));
  await ex.execute(sql`INSERT INTO person_flags (person_id, flag, value, source, as_of)
    SELECT person_id, flag, value, source, as_of
    FROM ${recordset(items, 'person_id uuid, flag text, value jsonb, source text, as_of date')}
    ON CONFLICT (person_id, flag, source) DO UPDATE SET value = excluded.value, as_of = excluded.as_of`);
}

export async function deleteFlags(
  ex: Executor,
  flags: readonly { personId: string; flag: string; source: string }[],
): Promise<void> {
  if (flags.length === 0) return;
  const items = flags.map((f) => ({ person_id: f.personId, flag: f.flag, source: f.source }));
  await ex.execute(sql`DELETE FROM person_flags f USING ${recordset(items, 'person_id uuid, flag text, source text')}
    WHERE f.person_id = v.person_id AND f.flag = v.flag AND f.source = v.source`);
}

export interface ChangeRow {
  personId: string;
  field: string;
  oldValue: unknown;
  newValue: unknown;
  source: string;
  importId: string | null;
  actor: string | null;
}

export async function insertChanges(ex: Executor, changes: readonly ChangeRow[]): Promise<void> {
  if (changes.length === 0) return;
  // JSON null inside jsonb stays the JSON value null, as the row-by-row insert stored it.
  const items = changes.map((c) => ({
    person_id: c.personId,
    field: c.field,
    old_value: { v: c.oldValue ?? null },
    new_value: { v: c.newValue ?? null },
    source: c.source,
    import_id: c.importId,
    actor: c.actor,
  }));
  await ex.execute(sql`INSERT INTO person_changes (person_id, field, old_value, new_value, source, import_id, actor)
    SELECT person_id, field, old_value -> 'v', new_value -> 'v', source, import_id, actor
    FROM ${recordset(
      items,
      'person_id uuid, field text, old_value jsonb, new_value jsonb, source text, import_id uuid, actor text',
    )}`);
}

export interface NewConflict {
  personId: string;
  regionCode: string;
  field: string;
  values: Said[];
  importId: string;
}

export async function insertConflicts(ex: Executor, conflicts: readonly NewConflict[]): Promise<void> {
  if (conflicts.length === 0) return;
  const items = conflicts.map((c) => ({
    person_id: c.personId,
    region_code: c.regionCode,
    field: c.field,
    values: c.values,
    import_id: c.importId,
  }));
  await ex.execute(sql`INSERT INTO roster_conflicts (person_id, region_code, field, values, import_id)
    SELECT person_id, region_code, field, values, import_id
    FROM ${recordset(items, 'person_id uuid, region_code text, field text, values jsonb, import_id uuid')}`);
}
