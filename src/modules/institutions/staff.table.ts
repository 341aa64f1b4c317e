import { date, index, integer, pgTable, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { classes } from './classes.table.js';
import { uploads } from './filing.table.js';
import { institutions } from './institutions.table.js';

/** A staff member of an institution. The ID number is stored encrypted with a blind index. */
export const staff = pgTable(
  'staff',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    /** head · carer · health · guard · cook · teacher · other */
    role: text('role').notNull(),
    idNumberCipher: text('id_number_cipher'),
    idNumberIndex: text('id_number_index'),
    phone: text('phone'),
    /** none · secondary · college · bachelor · master */
    education: text('education'),
    managementYears: smallint('management_years'),
    /** The class a carer is assigned to, for ratio checks. */
    classId: uuid('class_id').references(() => classes.id, { onDelete: 'set null' }),
    hiredOn: date('hired_on'),
    status: text('status').notNull().default('active'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('staff_institution_idx').on(t.institutionId),
    index('staff_id_index_idx').on(t.idNumberIndex),
  ],
);

/** A certificate or training record of a staff member, with its validity. */
export const staffCertificates = pgTable(
  'staff_certificates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    staffId: uuid('staff_id')
      .notNull()
      .references(() => staff.id, { onDelete: 'cascade' }),
    /** health_certificate · no_criminal_record · carer_training · head_training · first_aid · fire_safety · food_safety · guard_licence · health_staff_training · diploma */
    kind: text('kind').notNull(),
    number: text('number'),
    issuedOn: date('issued_on').notNull(),
    /** null = does not expire */
    expiresOn: date('expires_on'),
    uploadId: uuid('upload_id').references(() => uploads.id, { onDelete: 'set null' }),
    hours: integer('hours'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('staff_certificates_staff_idx').on(t.staffId),
    index('staff_certificates_expiry_idx').on(t.expiresOn),
  ],
);
