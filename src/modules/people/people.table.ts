import {
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/**
 * An older person (60+) on the living roster. The ID number is stored only as AES-GCM ciphertext
 * with an HMAC blind index for matching department files; `fieldSources` remembers which
 * department gave the current name/region/address, `seenBy` the last day each department
 * reported the person — both decide whether a later disagreement is a conflict.
 */
export const olderPeople = pgTable(
  'older_people',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    idNumberCipher: text('id_number_cipher').notNull(),
    idNumberIndex: text('id_number_index').notNull(),
    name: text('name').notNull(),
    sex: text('sex').notNull(),
    birthDate: date('birth_date', { mode: 'string' }).notNull(),
    /** The 12-digit community the person lives in. */
    regionCode: text('region_code').notNull(),
    address: text('address'),
    phone: text('phone'),
    /** Home location, for visit verification (check-in distance). */
    homeLat: doublePrecision('home_lat'),
    homeLng: doublePrecision('home_lng'),
    householdId: uuid('household_id'),
    livingSituation: text('living_situation'),
    /** active · deceased · moved_out */
    status: text('status').notNull().default('active'),
    closedOn: date('closed_on', { mode: 'string' }),
    closedReason: text('closed_reason'),
    fieldSources: jsonb('field_sources').notNull().default({}),
    seenBy: jsonb('seen_by').notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('older_people_id_index_idx').on(t.idNumberIndex),
    index('older_people_region_idx').on(t.regionCode.op('text_pattern_ops')),
    index('older_people_name_idx').on(t.name),
  ],
);

/** What one department says about one person: one row per flag and source, with its date. */
export const personFlags = pgTable(
  'person_flags',
  {
    personId: uuid('person_id')
      .notNull()
      .references(() => olderPeople.id, { onDelete: 'cascade' }),
    flag: text('flag').notNull(),
    value: jsonb('value').notNull().default({}),
    source: text('source').notNull(),
    asOf: date('as_of', { mode: 'string' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.personId, t.flag, t.source] }), index('person_flags_flag_idx').on(t.flag)],
);

/** Every change to a person: who said what, when (an import, or an official resolving a conflict). */
export const personChanges = pgTable(
  'person_changes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id')
      .notNull()
      .references(() => olderPeople.id, { onDelete: 'cascade' }),
    field: text('field').notNull(),
    oldValue: jsonb('old_value'),
    newValue: jsonb('new_value'),
    source: text('source').notNull(),
    importId: uuid('import_id'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actor: text('actor'),
  },
  (t) => [index('person_changes_person_idx').on(t.personId)],
);

/** Two departments disagreeing on one fact of one person, queued for an official to resolve. */
export const rosterConflicts = pgTable(
  'roster_conflicts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id')
      .notNull()
      .references(() => olderPeople.id, { onDelete: 'cascade' }),
    regionCode: text('region_code').notNull(),
    field: text('field').notNull(),
    /** [{ source, value, asOf }]: the value kept first, then the disagreeing one. */
    values: jsonb('values').notNull(),
    /** open · resolved */
    status: text('status').notNull().default('open'),
    resolution: jsonb('resolution'),
    resolvedBy: uuid('resolved_by'),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    importId: uuid('import_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('roster_conflicts_person_idx').on(t.personId),
    index('roster_conflicts_region_idx').on(t.regionCode.op('text_pattern_ops')),
  ],
);

/**
 * One imported department file, with its SHA-256 so the same file is never applied twice. Large
 * files are applied in chunks, each in its own transaction that also advances `rowsDone`: an
 * interrupted import (`running` after a kill, `failed` after an error) resumes after its last
 * committed chunk when the same file comes again; a `done` one is refused as a duplicate.
 */
export const rosterImports = pgTable(
  'roster_imports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    source: text('source').notNull(),
    filename: text('filename').notNull(),
    sha256: text('sha256').notNull(),
    rows: integer('rows').notNull(),
    created: integer('created').notNull(),
    updated: integer('updated').notNull(),
    unchanged: integer('unchanged').notNull(),
    conflicts: integer('conflicts').notNull(),
    /** running · done · failed */
    status: text('status').notNull(),
    /** Data rows applied by committed chunks (the file's first `rowsDone` rows). */
    rowsDone: integer('rows_done').notNull().default(0),
    /** Number of the last committed chunk (from 0); -1 before the first. */
    lastChunk: integer('last_chunk').notNull().default(-1),
    /** The import day (China time) every chunk uses, kept so a resumed import ends as an uninterrupted one. */
    asOf: date('as_of', { mode: 'string' }),
    /** Why the last attempt stopped (failed imports). */
    error: text('error'),
    by: uuid('by'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('roster_imports_sha_idx').on(t.source, t.sha256)],
);

/**
 * A duty-of-care contact: a community worker's or volunteer's home visit or call to an older
 * person. People with certain flags must be contacted at a set frequency (setting
 * `care.visit_frequency`); overdue ones appear on the work queue.
 */
export const careContacts = pgTable(
  'care_contacts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id')
      .notNull()
      .references(() => olderPeople.id, { onDelete: 'cascade' }),
    regionCode: text('region_code').notNull(),
    /** home_visit · phone_call · service_visit */
    kind: text('kind').notNull(),
    contactedOn: date('contacted_on', { mode: 'string' }).notNull(),
    by: uuid('by'),
    /** well · needs_help · not_reached */
    outcome: text('outcome').notNull().default('well'),
    notes: text('notes'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('care_contacts_person_idx').on(t.personId, t.contactedOn)],
);
