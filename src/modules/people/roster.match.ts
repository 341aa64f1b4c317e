import type { RosterRow } from './roster.import.js';
import type { Flag, Source } from './roster.schema.js';

/** What one department said about one fact, and when. */
export interface Said {
  source: string;
  value: unknown;
  asOf: string | null;
}

/** A person as stored, with their flags and open conflicts, as the merge needs them. */
export interface StoredPerson {
  id: string;
  name: string;
  regionCode: string;
  address: string | null;
  phone: string | null;
  livingSituation: string | null;
  status: string;
  closedOn: string | null;
  closedReason: string | null;
  fieldSources: Record<string, Said>;
  seenBy: Record<string, string>;
  flags: { flag: string; value: unknown; source: string; asOf: string }[];
  openConflicts: { field: string; values: Said[] }[];
}

/** The writes one row leads to; empty lists mean the row changes nothing. */
export interface MergePlan {
  person: StoredPerson;
  /** True when a column of the person changes (then the whole updatable state is written). */
  personChanged: boolean;
  flagUpserts: { flag: string; value: unknown; source: string; asOf: string }[];
  flagDeletes: { flag: string; source: string }[];
  changes: { field: string; oldValue: unknown; newValue: unknown }[];
  conflicts: { field: string; values: Said[] }[];
}

const SHARED = { name: 'name', region_code: 'regionCode', address: 'address' } as const;
const FREE = { phone: 'phone', living_situation: 'livingSituation' } as const;

/**
 * Merge one department's row into a stored person. A department may correct what it said
 * itself; when it disagrees with what another department said (name, region, address, a
 * disability grade, a death or move), the first value stays and a conflict is queued.
 */
export function mergeRow(stored: StoredPerson, row: RosterRow, source: Source, today: string): MergePlan {
  const person: StoredPerson = {
    ...stored,
    fieldSources: { ...stored.fieldSources },
    seenBy: { ...stored.seenBy, [source]: today },
  };
  const plan: MergePlan = {
    person,
    personChanged: false,
    flagUpserts: [],
    flagDeletes: [],
    changes: [],
    conflicts: [],
  };
  const change = (field: string, oldValue: unknown, newValue: unknown) =>
    plan.changes.push({ field, oldValue, newValue });
  const conflict = (field: string, kept: Said, incoming: Said) => {
    const known = stored.openConflicts.some(
      (c) =>
        c.field === field &&
        c.values.some((v) => v.source === incoming.source && same(v.value, incoming.value)),
    );
    if (!known) plan.conflicts.push({ field, values: [kept, incoming] });
  };

  for (const [field, key] of Object.entries(SHARED) as [
    keyof typeof SHARED,
    (typeof SHARED)[keyof typeof SHARED],
  ][]) {
    const incoming = row[key];
    if (!incoming || incoming === stored[key]) continue;
    const owner = stored.fieldSources[field];
    if (owner && owner.source !== source) {
      conflict(field, { ...owner, value: stored[key] }, { source, value: incoming, asOf: today });
      continue;
    }
    change(field, stored[key], incoming);
    (person as unknown as Record<string, unknown>)[key] = incoming;
    person.fieldSources[field] = { source, value: null, asOf: today };
    plan.personChanged = true;
  }
  for (const [field, key] of Object.entries(FREE) as [
    keyof typeof FREE,
    (typeof FREE)[keyof typeof FREE],
  ][]) {
    const incoming = row[key];
    if (!incoming || incoming === stored[key]) continue;
    change(field, stored[key], incoming);
    person[key] = incoming;
    plan.personChanged = true;
  }

  for (const [flag, value] of Object.entries(row.flags) as [Flag, Record<string, unknown> | null][]) {
    const own = stored.flags.find((f) => f.flag === flag && f.source === source);
    if (value === null) {
      if (own) {
        plan.flagDeletes.push({ flag, source });
        change(`flag:${flag}`, own.value, null);
      }
      continue;
    }
    const other = stored.flags.find((f) => f.flag === flag && f.source !== source && !same(f.value, value));
    if (flag === 'disabled' && other) {
      conflict(
        `flag:${flag}`,
        { source: other.source, value: other.value, asOf: other.asOf },
        { source, value, asOf: today },
      );
      continue;
    }
    if (own && same(own.value, value)) continue;
    plan.flagUpserts.push({ flag, value, source, asOf: today });
    change(`flag:${flag}`, own?.value ?? null, value);
  }

  mergeStatus(stored, row, source, today, plan, conflict, change);
  return plan;
}

function mergeStatus(
  stored: StoredPerson,
  row: RosterRow,
  source: Source,
  today: string,
  plan: MergePlan,
  conflict: (field: string, kept: Said, incoming: Said) => void,
  change: (field: string, oldValue: unknown, newValue: unknown) => void,
): void {
  const closer = stored.fieldSources.status;
  const reported = row.household ?? { status: 'active' as const, on: today };
  if (reported.status === 'active') {
    if (stored.status === 'active') return;
    if (closer && closer.source !== source) {
      // Another department reports the person alive after the record was closed.
      if (stored.closedOn && reported.on > stored.closedOn)
        conflict(
          'status',
          { ...closer, value: stored.status },
          { source, value: 'active', asOf: reported.on },
        );
      return;
    }
    if (!row.household) return;
    applyStatus(plan, 'active', null, null, source, today, change);
    return;
  }
  if (stored.status === reported.status && stored.closedOn === reported.on) return;
  if (stored.status !== 'active' && closer && closer.source !== source) {
    conflict(
      'status',
      { ...closer, value: stored.status },
      { source, value: reported.status, asOf: reported.on },
    );
    return;
  }
  const laterSighting = Object.entries(stored.seenBy).find(([by, on]) => by !== source && on > reported.on);
  if (laterSighting) {
    const [by, on] = laterSighting;
    conflict(
      'status',
      { source: by, value: 'active', asOf: on },
      { source, value: reported.status, asOf: reported.on },
    );
    return;
  }
  applyStatus(plan, reported.status, reported.on, source, source, reported.on, change);
}

/** Set the person's status (closing or reopening the record) and record the change. */
export function applyStatus(
  plan: Pick<MergePlan, 'person' | 'personChanged'>,
  status: string,
  closedOn: string | null,
  reason: string | null,
  source: string,
  asOf: string,
  change: (field: string, oldValue: unknown, newValue: unknown) => void,
): void {
  const { person } = plan;
  change('status', { status: person.status, closedOn: person.closedOn }, { status, closedOn });
  person.status = status;
  person.closedOn = closedOn;
  person.closedReason = reason;
  person.fieldSources.status = { source, value: null, asOf };
  plan.personChanged = true;
}

/** Equality of stored JSON values (flag values are small objects). */
export function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b));
}

function sortKeys(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value ?? null;
  return Object.fromEntries(
    Object.keys(value as object)
      .sort()
      .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
  );
}
