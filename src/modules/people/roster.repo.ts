import { type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { Said, StoredPerson } from './roster.match.js';
import type { ListQuery } from './roster.schema.js';

/** Every SQL query of the roster. Reads of people take the caller's region prefix. */
async function rows<T>(ex: Executor, query: SQL): Promise<T[]> {
  return ((await ex.execute(query)) as unknown as { rows: T[] }).rows;
}

/** `column` lies under the region prefix ('' = the whole country). */
function under(column: string, prefix: string): SQL {
  return prefix === '' ? sql`true` : sql`${sql.raw(column)} LIKE ${`${prefix}%`}`;
}

const CHUNK = 500;
async function inChunks<T>(items: readonly T[], work: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < items.length; i += CHUNK) await work(items.slice(i, i + CHUNK));
}
const list = (values: readonly string[]) => sql`string_to_array(${values.join(',')}, ',')`;

const PERSON_COLUMNS =
  sql.raw(`p.id, p.id_number_index AS "idIndex", p.name, p.sex, p.birth_date::text AS "birthDate",
  p.region_code AS "regionCode", p.address, p.phone, p.living_situation AS "livingSituation", p.status,
  p.closed_on::text AS "closedOn", p.closed_reason AS "closedReason", p.household_id AS "householdId",
  p.id_number_cipher AS "idNumberCipher", p.field_sources AS "fieldSources", p.seen_by AS "seenBy"`);

export type PersonRow = Omit<StoredPerson, 'flags' | 'openConflicts'> & {
  idIndex: string;
  sex: string;
  birthDate: string;
  householdId: string | null;
  idNumberCipher: string;
};

/** People by blind index, with their flags and open conflicts (for matching an import). */
export async function findByIndexes(
  ex: Executor,
  indexes: readonly string[],
): Promise<Map<string, StoredPerson>> {
  const found = new Map<string, StoredPerson>();
  await inChunks(indexes, async (chunk) => {
    const people = await rows<PersonRow>(
      ex,
      sql`SELECT ${PERSON_COLUMNS} FROM older_people p WHERE p.id_number_index = ANY(${list(chunk)})`,
    );
    if (people.length === 0) return;
    const ids = people.map((p) => p.id);
    const flags = await rows<StoredPerson['flags'][number] & { personId: string }>(
      ex,
      sql`SELECT person_id AS "personId", flag, value, source, as_of::text AS "asOf" FROM person_flags
          WHERE person_id = ANY(${list(ids)}::uuid[])`,
    );
    const conflicts = await rows<{ personId: string; field: string; values: Said[] }>(
      ex,
      sql`SELECT person_id AS "personId", field, values FROM roster_conflicts
          WHERE status = 'open' AND person_id = ANY(${list(ids)}::uuid[])`,
    );
    for (const p of people) {
      found.set(p.idIndex, {
        ...p,
        flags: flags.filter((f) => f.personId === p.id),
        openConflicts: conflicts.filter((c) => c.personId === p.id),
      });
    }
  });
  return found;
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
  await inChunks(people, (chunk) =>
    ex.execute(sql`INSERT INTO older_people (id, id_number_cipher, id_number_index, name, sex, birth_date,
        region_code, address, phone, living_situation, status, closed_on, closed_reason, field_sources, seen_by)
      VALUES ${sql.join(
        chunk.map(
          (p) =>
            sql`(${p.id}::uuid, ${p.idNumberCipher}, ${p.idNumberIndex}, ${p.name}, ${p.sex}, ${p.birthDate}::date,
              ${p.regionCode}, ${p.address}, ${p.phone}, ${p.livingSituation}, ${p.status}, ${p.closedOn}::date,
              ${p.closedReason}, ${JSON.stringify(p.fieldSources)}::jsonb, ${JSON.stringify(p.seenBy)}::jsonb)`,
        ),
        sql`, `,
      )}`),
  );
}

/** Write the updatable state of many people in one statement per chunk. */
export async function updatePeople(ex: Executor, people: readonly StoredPerson[]): Promise<void> {
  await inChunks(people, (chunk) =>
    ex.execute(sql`UPDATE older_people p SET name = v.name, region_code = v.region_code, address = v.address,
        phone = v.phone, living_situation = v.living_situation, status = v.status, closed_on = v.closed_on::date,
        closed_reason = v.closed_reason, field_sources = v.field_sources::jsonb, seen_by = v.seen_by::jsonb,
        updated_at = now()
      FROM (VALUES ${sql.join(
        chunk.map(
          (p) =>
            sql`(${p.id}::uuid, ${p.name}::text, ${p.regionCode}::text, ${p.address}::text, ${p.phone}::text,
              ${p.livingSituation}::text, ${p.status}::text, ${p.closedOn}::text, ${p.closedReason}::text,
              ${JSON.stringify(p.fieldSources)}::text, ${JSON.stringify(p.seenBy)}::text)`,
        ),
        sql`, `,
      )}) AS v(id, name, region_code, address, phone, living_situation, status, closed_on, closed_reason,
        field_sources, seen_by)
      WHERE p.id = v.id`),
  );
}

/** Only the last-seen dates changed (a department confirmed the person; not a change of facts). */
export async function touchSeen(
  ex: Executor,
  people: readonly { id: string; seenBy: unknown }[],
): Promise<void> {
  await inChunks(people, (chunk) =>
    ex.execute(sql`UPDATE older_people p SET seen_by = v.seen_by::jsonb
      FROM (VALUES ${sql.join(
        chunk.map((p) => sql`(${p.id}::uuid, ${JSON.stringify(p.seenBy)}::text)`),
        sql`, `,
      )}) AS v(id, seen_by) WHERE p.id = v.id`),
  );
}

export interface FlagRow {
  personId: string;
  flag: string;
  value: unknown;
  source: string;
  asOf: string;
}

export async function upsertFlags(ex: Executor, flags: readonly FlagRow[]): Promise<void> {
  await inChunks(flags, (chunk) =>
    ex.execute(sql`INSERT INTO person_flags (person_id, flag, value, source, as_of)
      VALUES ${sql.join(
        chunk.map(
          (f) =>
            sql`(${f.personId}::uuid, ${f.flag}, ${JSON.stringify(f.value)}::jsonb, ${f.source}, ${f.asOf}::date)`,
        ),
        sql`, `,
      )}
      ON CONFLICT (person_id, flag, source) DO UPDATE SET value = excluded.value, as_of = excluded.as_of`),
  );
}

export async function deleteFlags(
  ex: Executor,
  flags: readonly { personId: string; flag: string; source: string }[],
): Promise<void> {
  await inChunks(flags, (chunk) =>
    ex.execute(sql`DELETE FROM person_flags f USING (VALUES ${sql.join(
      chunk.map((f) => sql`(${f.personId}::uuid, ${f.flag}::text, ${f.source}::text)`),
      sql`, `,
    )}) AS v(person_id, flag, source)
      WHERE f.person_id = v.person_id AND f.flag = v.flag AND f.source = v.source`),
  );
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
  await inChunks(changes, (chunk) =>
    ex.execute(sql`INSERT INTO person_changes (person_id, field, old_value, new_value, source, import_id, actor)
      VALUES ${sql.join(
        chunk.map(
          (c) =>
            sql`(${c.personId}::uuid, ${c.field}, ${JSON.stringify(c.oldValue ?? null)}::jsonb,
              ${JSON.stringify(c.newValue ?? null)}::jsonb, ${c.source}, ${c.importId}::uuid, ${c.actor})`,
        ),
        sql`, `,
      )}`),
  );
}

export interface NewConflict {
  personId: string;
  regionCode: string;
  field: string;
  values: Said[];
  importId: string;
}

export async function insertConflicts(ex: Executor, conflicts: readonly NewConflict[]): Promise<void> {
  await inChunks(conflicts, (chunk) =>
    ex.execute(sql`INSERT INTO roster_conflicts (person_id, region_code, field, values, import_id)
      VALUES ${sql.join(
        chunk.map(
          (c) =>
            sql`(${c.personId}::uuid, ${c.regionCode}, ${c.field}, ${JSON.stringify(c.values)}::jsonb, ${c.importId}::uuid)`,
        ),
        sql`, `,
      )}`),
  );
}

/** The import already applied from this department with the same file contents, if any. */
export async function findImport(
  ex: Executor,
  source: string,
  sha256: string,
): Promise<{ id: string } | null> {
  const [row] = await rows<{ id: string }>(
    ex,
    sql`SELECT id FROM roster_imports WHERE source = ${source} AND sha256 = ${sha256} LIMIT 1`,
  );
  return row ?? null;
}

export async function insertImport(
  ex: Executor,
  row: { id: string; source: string; filename: string; sha256: string; by: string | null } & Record<
    'rows' | 'created' | 'updated' | 'unchanged' | 'conflicts',
    number
  >,
): Promise<void> {
  await ex.execute(sql`INSERT INTO roster_imports (id, source, filename, sha256, rows, created, updated,
      unchanged, conflicts, status, by)
    VALUES (${row.id}::uuid, ${row.source}, ${row.filename}, ${row.sha256}, ${row.rows}, ${row.created},
      ${row.updated}, ${row.unchanged}, ${row.conflicts}, 'applied', ${row.by}::uuid)`);
}

/** A page of people under the prefix, filtered by name, region, flag and status. */
export async function listPeople(
  ex: Executor,
  prefix: string,
  query: ListQuery,
): Promise<{ items: (PersonRow & { flags: string[] })[]; total: number }> {
  const where = [under('p.region_code', prefix)];
  if (query.regionCode) where.push(under('p.region_code', query.regionCode));
  if (query.q) where.push(sql`p.name LIKE ${`%${query.q.replace(/[%_\\]/g, '\\$&')}%`}`);
  if (query.status) where.push(sql`p.status = ${query.status}`);
  if (query.flag === 'aged_80_plus') where.push(sql`p.birth_date <= (current_date - interval '80 years')`);
  else if (query.flag)
    where.push(
      sql`EXISTS (SELECT 1 FROM person_flags f WHERE f.person_id = p.id AND f.flag = ${query.flag})`,
    );
  const condition = sql.join(where, sql` AND `);
  const [count] = await rows<{ total: number }>(
    ex,
    sql`SELECT count(*)::int AS total FROM older_people p WHERE ${condition}`,
  );
  const items = await rows<PersonRow & { flags: string[] }>(
    ex,
    sql`SELECT ${PERSON_COLUMNS},
          coalesce((SELECT array_agg(DISTINCT f.flag ORDER BY f.flag) FROM person_flags f WHERE f.person_id = p.id),
            '{}') AS flags
        FROM older_people p WHERE ${condition}
        ORDER BY p.region_code, p.name, p.id
        LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`,
  );
  return { items, total: count?.total ?? 0 };
}

/** One person under the prefix, or null. */
export async function findPerson(ex: Executor, prefix: string, id: string): Promise<PersonRow | null> {
  const [row] = await rows<PersonRow>(
    ex,
    sql`SELECT ${PERSON_COLUMNS} FROM older_people p WHERE p.id = ${id}::uuid AND ${under('p.region_code', prefix)}`,
  );
  return row ?? null;
}

/** Any person by id, whatever the caller's scope (to tell 403 from 404). */
export async function personRegion(ex: Executor, id: string): Promise<string | null> {
  const [row] = await rows<{ regionCode: string }>(
    ex,
    sql`SELECT region_code AS "regionCode" FROM older_people WHERE id = ${id}::uuid`,
  );
  return row?.regionCode ?? null;
}

export function flagsOf(ex: Executor, personId: string): Promise<FlagRow[]> {
  return rows(
    ex,
    sql`SELECT person_id AS "personId", flag, value, source, as_of::text AS "asOf" FROM person_flags
        WHERE person_id = ${personId}::uuid ORDER BY flag, source`,
  );
}

export function changesOf(ex: Executor, personId: string): Promise<(ChangeRow & { at: string })[]> {
  return rows(
    ex,
    sql`SELECT person_id AS "personId", field, old_value AS "oldValue", new_value AS "newValue", source,
          import_id AS "importId", actor, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS at
        FROM person_changes WHERE person_id = ${personId}::uuid ORDER BY person_changes.at, id`,
  );
}

export interface ConflictRow {
  id: string;
  personId: string;
  personName: string;
  regionCode: string;
  field: string;
  values: Said[];
  status: 'open' | 'resolved';
  resolution: unknown;
  resolvedAt: string | null;
  createdAt: string;
}

const CONFLICT_COLUMNS =
  sql.raw(`c.id, c.person_id AS "personId", p.name AS "personName", c.region_code AS "regionCode",
  c.field, c.values, c.status, c.resolution, c.resolved_at::text AS "resolvedAt", c.created_at::text AS "createdAt"`);

/** Conflicts under the prefix (optionally of one person), oldest first. */
export function listConflicts(
  ex: Executor,
  prefix: string,
  filter: { status?: string; personId?: string },
): Promise<ConflictRow[]> {
  return rows(
    ex,
    sql`SELECT ${CONFLICT_COLUMNS} FROM roster_conflicts c JOIN older_people p ON p.id = c.person_id
        WHERE ${under('c.region_code', prefix)}
          ${filter.status ? sql`AND c.status = ${filter.status}` : sql``}
          ${filter.personId ? sql`AND c.person_id = ${filter.personId}::uuid` : sql``}
        ORDER BY c.created_at, c.id LIMIT 1000`,
  );
}

/** One conflict, locked for resolution; null when it does not exist. */
export async function lockConflict(ex: Executor, id: string): Promise<ConflictRow | null> {
  const [row] = await rows<ConflictRow>(
    ex,
    sql`SELECT ${CONFLICT_COLUMNS} FROM roster_conflicts c JOIN older_people p ON p.id = c.person_id
        WHERE c.id = ${id}::uuid FOR UPDATE OF c`,
  );
  return row ?? null;
}

export async function markResolved(
  ex: Executor,
  id: string,
  resolution: unknown,
  by: string | null,
): Promise<void> {
  await ex.execute(sql`UPDATE roster_conflicts SET status = 'resolved', resolution = ${JSON.stringify(resolution)}::jsonb,
    resolved_by = ${by}::uuid, resolved_at = now() WHERE id = ${id}::uuid`);
}
