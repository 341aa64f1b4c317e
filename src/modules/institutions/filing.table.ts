import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { accounts } from '../accounts/accounts.table.js';
import { institutions } from './institutions.table.js';

/**
 * One filing (备案) with the authority: the first filing, a change filing or a deregistration.
 * Deadlines are computed in working days on China's official calendar when it is submitted.
 */
export const filings = pgTable(
  'filings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id, { onDelete: 'cascade' }),
    /** initial · change · deregistration */
    kind: text('kind').notNull().default('initial'),
    /** draft · submitted · acknowledged · returned · resubmitted · filed · withdrawn */
    status: text('status').notNull().default('draft'),
    /** The county (6 digits) whose authority handles it. */
    countyCode: text('county_code').notNull(),
    /** For a change filing: the fields changed, { field: newValue }. */
    changes: jsonb('changes').$type<Record<string, unknown>>(),
    /** Materials the authority found missing or wrong when it returned the filing. */
    missingMaterials: jsonb('missing_materials').$type<string[]>().notNull().default([]),
    comment: text('comment'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    /** Acknowledge by (5 working days after submission). */
    acknowledgeBy: text('acknowledge_by'),
    /** Name missing materials by (15 working days after submission). */
    reviewBy: text('review_by'),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
    returnedAt: timestamp('returned_at', { withTimezone: true }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    round: integer('round').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('filings_county_status_idx').on(t.countyCode, t.status),
    index('filings_institution_idx').on(t.institutionId),
  ],
);

/** Every step of a filing: who did what, from which state to which. */
export const filingEvents = pgTable(
  'filing_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    filingId: uuid('filing_id')
      .notNull()
      .references(() => filings.id, { onDelete: 'cascade' }),
    action: text('action').notNull(),
    fromStatus: text('from_status').notNull(),
    toStatus: text('to_status').notNull(),
    actorId: uuid('actor_id').references(() => accounts.id),
    comment: text('comment'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('filing_events_filing_idx').on(t.filingId, t.at)],
);

/**
 * A stored file: a filing material, a certificate scan or a photo. Content type is checked
 * from the bytes, not the name; the file lives under `<dataDir>/uploads/<sha256 prefix>/…`.
 */
export const uploads = pgTable(
  'uploads',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    institutionId: uuid('institution_id').references(() => institutions.id, { onDelete: 'cascade' }),
    /** Material kind (business_licence, premises_proof, …) or photo · certificate. */
    kind: text('kind').notNull(),
    filingId: uuid('filing_id').references(() => filings.id, { onDelete: 'set null' }),
    filename: text('filename').notNull(),
    mime: text('mime').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    storagePath: text('storage_path').notNull(),
    uploadedBy: uuid('uploaded_by'),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('uploads_institution_idx').on(t.institutionId, t.kind)],
);
