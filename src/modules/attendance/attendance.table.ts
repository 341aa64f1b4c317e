import { date, index, jsonb, pgTable, smallint, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { householdMembers } from '../households/households.table.js';
import { classes } from '../institutions/classes.table.js';
import { institutions } from '../institutions/institutions.table.js';
import { staff } from '../institutions/staff.table.js';

/**
 * Which carer is rostered in which class, on which day, from when to when (minutes after
 * midnight). The bookings engine reads the roster into `class_days.carers` per half hour, so a
 * place is sold only while the rostered carers meet the ratio.
 */
export const staffRosters = pgTable(
  'staff_rosters',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id, { onDelete: 'cascade' }),
    classId: uuid('class_id')
      .notNull()
      .references(() => classes.id, { onDelete: 'cascade' }),
    staffId: uuid('staff_id')
      .notNull()
      .references(() => staff.id, { onDelete: 'cascade' }),
    day: date('day', { mode: 'string' }).notNull(),
    startsMin: smallint('starts_min').notNull(),
    endsMin: smallint('ends_min').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('staff_rosters_class_day_idx').on(t.classId, t.day),
    index('staff_rosters_staff_day_idx').on(t.staffId, t.day),
  ],
);

/**
 * A child's day at an institution: check-in with who dropped off, check-out with who picked up
 * (both from the household's authorised list), and the morning and midday health checks.
 */
export const attendanceRecords = pgTable(
  'attendance_records',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id, { onDelete: 'cascade' }),
    classId: uuid('class_id')
      .notNull()
      .references(() => classes.id, { onDelete: 'cascade' }),
    memberId: uuid('member_id')
      .notNull()
      .references(() => householdMembers.id, { onDelete: 'cascade' }),
    bookingId: uuid('booking_id'),
    day: date('day', { mode: 'string' }).notNull(),
    checkedInAt: timestamp('checked_in_at', { withTimezone: true }),
    droppedOffBy: uuid('dropped_off_by'),
    checkedOutAt: timestamp('checked_out_at', { withTimezone: true }),
    pickedUpBy: uuid('picked_up_by'),
    /** { temperature, result: normal|abnormal, findings, checkedBy, at } */
    morningCheck: jsonb('morning_check'),
    middayCheck: jsonb('midday_check'),
    recordedBy: uuid('recorded_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('attendance_member_day_idx').on(t.memberId, t.day),
    index('attendance_class_day_idx').on(t.classId, t.day),
  ],
);

/** A carer's presence in a room: signed in and out, for the live room board. */
export const staffPresence = pgTable(
  'staff_presence',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id, { onDelete: 'cascade' }),
    classId: uuid('class_id')
      .notNull()
      .references(() => classes.id, { onDelete: 'cascade' }),
    staffId: uuid('staff_id')
      .notNull()
      .references(() => staff.id, { onDelete: 'cascade' }),
    day: date('day', { mode: 'string' }).notNull(),
    inAt: timestamp('in_at', { withTimezone: true }).notNull(),
    outAt: timestamp('out_at', { withTimezone: true }),
  },
  (t) => [index('staff_presence_class_day_idx').on(t.classId, t.day)],
);
