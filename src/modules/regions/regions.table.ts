import { sql } from 'drizzle-orm';
import { index, integer, pgTable, primaryKey, smallint, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * One node of the Chinese administrative tree for one code-table year.
 * `code` is the natural code at its level: 2 (province), 4 (city), 6 (county),
 * 9 (township/street), 12 (village/community) digits, so a scope prefix such as
 * `1301` matches every descendant with `code LIKE '1301%'`.
 */
export const regions = pgTable(
  'regions',
  {
    year: smallint('year').notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    /** 1 province · 2 city · 3 county · 4 township · 5 village/community */
    level: smallint('level').notNull(),
    parentCode: text('parent_code'),
    /** Full pinyin without tones, lower case, no spaces: `shijiazhuangshi`. */
    pinyin: text('pinyin').notNull().default(''),
    /** Pinyin initials: `sjzs`. */
    initials: text('initials').notNull().default(''),
    childCount: integer('child_count').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.year, t.code] }),
    index('regions_parent_idx').on(t.year, t.parentCode),
    index('regions_name_trgm_idx').using('gin', sql`${t.name} gin_trgm_ops`),
    index('regions_pinyin_idx').on(t.pinyin.op('text_pattern_ops')),
    index('regions_initials_idx').on(t.initials.op('text_pattern_ops')),
  ],
);

/** The code tables that are loaded; exactly one is current. */
export const regionYears = pgTable('region_years', {
  year: smallint('year').primaryKey(),
  source: text('source').notNull(),
  nodeCount: integer('node_count').notNull().default(0),
  isCurrent: integer('is_current').notNull().default(0),
  loadedAt: timestamp('loaded_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A code that moved between two code-table years (renamed, merged, split or abolished). */
export const regionCodeChanges = pgTable(
  'region_code_changes',
  {
    fromYear: smallint('from_year').notNull(),
    toYear: smallint('to_year').notNull(),
    oldCode: text('old_code').notNull(),
    newCode: text('new_code'),
    /** renamed · moved · abolished · created */
    kind: text('kind').notNull(),
    note: text('note'),
  },
  (t) => [primaryKey({ columns: [t.fromYear, t.toYear, t.oldCode] })],
);

/** Population figures for one region and one statistical year. */
export const regionPopulations = pgTable(
  'region_populations',
  {
    code: text('code').notNull(),
    year: smallint('year').notNull(),
    residents: integer('residents').notNull(),
    childrenUnder3: integer('children_under_3').notNull(),
    aged60Plus: integer('aged_60_plus').notNull(),
    aged80Plus: integer('aged_80_plus').notNull(),
    source: text('source').notNull().default('import'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.code, t.year] })],
);
