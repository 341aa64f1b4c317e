import { type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { Said, StoredPerson } from './roster.match.js';
import type { ListQuery } from './roster.schema.js';
import type { ChangeRow, FlagRow } from './roster.writes.js';

export {
  type ChangeRow,
  type FlagRow,
  insertChanges,
  updatePeople,
  upsertFlags,
} from './roster.writes.js';

/** Every SQL query of the roster. Reads of people take the caller's region prefix. */
async function rows<T>(ex: Executor, query: SQL): Promise<T[]> {
  return ((await ex.execute(query)) as unknown as { rows: T[] }).rows;
}

/** `column` lies under the region prefix ('' = the whole country). */
function under(column: string, prefix: string): SQL {
  return prefix === '' ? sql`true` : sql`${sql.raw(column)} LIKE ${`${prefix}%`}`;
}

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
