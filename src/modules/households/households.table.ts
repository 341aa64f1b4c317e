import { boolean, date, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { accounts } from '../accounts/accounts.table.js';

/** A resident's household: the account that signed up owns it; children and older members hang off it. */
export const households = pgTable(
  'households',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ownerAccountId: uuid('owner_account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    /** The 12-digit community the household lives in, when given. */
    regionCode: text('region_code'),
    address: text('address'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('households_owner_idx').on(t.ownerAccountId)],
);

/**
 * A person in a household: the signing-up resident (`relation = self`), children, older family
 * members and other adults. Adults with `canPickUp` are on the authorised drop-off / pick-up list.
 * The ID number is stored only as ciphertext with a blind index and a masked copy for lists.
 */
export const householdMembers = pgTable(
  'household_members',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id, { onDelete: 'cascade' }),
    /** self · child · grandchild · spouse · parent · grandparent · other */
    relation: text('relation').notNull(),
    /** child (under 3 care) · older (60+) · adult — derived from birth date when added */
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    /** male · female (from the ID number when given) */
    sex: text('sex'),
    birthDate: date('birth_date', { mode: 'string' }).notNull(),
    idNumberCipher: text('id_number_cipher'),
    idNumberIndex: text('id_number_index'),
    idNumberMasked: text('id_number_masked'),
    phone: text('phone'),
    /** Children: up_to_date · incomplete · unknown, as last checked. */
    vaccinationStatus: text('vaccination_status'),
    vaccinationCheckedOn: date('vaccination_checked_on', { mode: 'string' }),
    /** Children: the day of the last admission health check and its result (passed · failed). */
    healthCheckOn: date('health_check_on', { mode: 'string' }),
    healthCheckResult: text('health_check_result'),
    /** Adults on the household's authorised drop-off / pick-up list. */
    canPickUp: boolean('can_pick_up').notNull().default(false),
    /** active · removed */
    status: text('status').notNull().default('active'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('household_members_household_idx').on(t.householdId),
    index('household_members_id_index_idx').on(t.idNumberIndex),
  ],
);
