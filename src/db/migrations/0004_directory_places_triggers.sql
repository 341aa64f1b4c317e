-- Custom migration: the public directory lists each filed institution from its own row. Places
-- (classes: licensed, free, types; functions: childcare and elderly capacity) are copied onto
-- `institutions` (columns from 0003) by statement-level triggers on `classes` and
-- `institution_functions`, so every module that changes classes, enrolment or functions keeps
-- them exact in its own transaction. Each refresh locks the institutions it touches (in id
-- order) and then recounts from the source rows with a fresh snapshot, so concurrent changes to
-- one institution's classes queue there and none is lost. The distance search reads the
-- `geo_cell` btree (cells of 0.05°, see directory.cells.ts) covering every column it filters on,
-- so a search is an index-only scan of a few cells; the (lat, lng) index of 0002 is dropped.
--
-- The elderly functions here ('elderly_care', 'elderly_day_care', 'meals') are ELDERLY_FUNCTIONS
-- in directory.repo.ts: change both together.
CREATE OR REPLACE FUNCTION directory_refresh_classes(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM institutions WHERE id = ANY (ids) ORDER BY id FOR NO KEY UPDATE;
  UPDATE institutions i
     SET class_capacity = c.capacity, class_free = c.free, class_types = c.types
    FROM (SELECT x.id,
                 sum(cl.capacity)::int AS capacity,
                 (sum(greatest(cl.capacity - cl.enrolled, 0)) FILTER (WHERE cl.id IS NOT NULL))::int AS free,
                 coalesce(array_agg(DISTINCT cl.type) FILTER (WHERE cl.id IS NOT NULL), '{}'::text[]) AS types
            FROM unnest(ids) AS x(id)
            LEFT JOIN classes cl ON cl.institution_id = x.id AND cl.status = 'active'
           GROUP BY x.id) c
   WHERE i.id = c.id
     AND (i.class_capacity, i.class_free, i.class_types) IS DISTINCT FROM (c.capacity, c.free, c.types);
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION directory_refresh_functions(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM institutions WHERE id = ANY (ids) ORDER BY id FOR NO KEY UPDATE;
  UPDATE institutions i
     SET childcare_capacity = f.childcare, elderly_capacity = f.elderly
    FROM (SELECT x.id,
                 (sum(fn.capacity) FILTER (WHERE fn.function = 'childcare'))::int AS childcare,
                 (sum(fn.capacity) FILTER (WHERE fn.function IN ('elderly_care', 'elderly_day_care', 'meals')))::int AS elderly
            FROM unnest(ids) AS x(id)
            LEFT JOIN institution_functions fn ON fn.institution_id = x.id
           GROUP BY x.id) f
   WHERE i.id = f.id
     AND (i.childcare_capacity, i.elderly_capacity) IS DISTINCT FROM (f.childcare, f.elderly);
END $$;
--> statement-breakpoint
-- One trigger function per table for INSERT, UPDATE and DELETE (each its own trigger, as a trigger
-- with transition tables serves one event). An UPDATE refreshes only the institutions of rows
-- whose counted fields changed, before or after (a class moved to another institution
-- refreshes both).
CREATE OR REPLACE FUNCTION classes_directory_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM directory_refresh_classes(ARRAY(SELECT DISTINCT institution_id FROM new_rows));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM directory_refresh_classes(ARRAY(SELECT DISTINCT institution_id FROM old_rows));
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM directory_refresh_classes(ARRAY(
      SELECT institution_id FROM (
        SELECT id, institution_id, type, capacity, enrolled, status FROM new_rows
        EXCEPT SELECT id, institution_id, type, capacity, enrolled, status FROM old_rows) AS now_
      UNION
      SELECT institution_id FROM (
        SELECT id, institution_id, type, capacity, enrolled, status FROM old_rows
        EXCEPT SELECT id, institution_id, type, capacity, enrolled, status FROM new_rows) AS before_));
  ELSE -- TRUNCATE
    UPDATE institutions SET class_capacity = NULL, class_free = NULL, class_types = '{}'
     WHERE class_capacity IS NOT NULL OR class_free IS NOT NULL OR class_types <> '{}';
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION institution_functions_directory_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM directory_refresh_functions(ARRAY(SELECT DISTINCT institution_id FROM new_rows));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM directory_refresh_functions(ARRAY(SELECT DISTINCT institution_id FROM old_rows));
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM directory_refresh_functions(ARRAY(
      SELECT institution_id FROM (
        SELECT institution_id, function, capacity FROM new_rows
        EXCEPT SELECT institution_id, function, capacity FROM old_rows) AS now_
      UNION
      SELECT institution_id FROM (
        SELECT institution_id, function, capacity FROM old_rows
        EXCEPT SELECT institution_id, function, capacity FROM new_rows) AS before_));
  ELSE -- TRUNCATE
    UPDATE institutions SET childcare_capacity = NULL, elderly_capacity = NULL
     WHERE childcare_capacity IS NOT NULL OR elderly_capacity IS NOT NULL;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER classes_directory_insert AFTER INSERT ON classes REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION classes_directory_refresh();
--> statement-breakpoint
CREATE TRIGGER classes_directory_update AFTER UPDATE ON classes
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION classes_directory_refresh();
--> statement-breakpoint
CREATE TRIGGER classes_directory_delete AFTER DELETE ON classes REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION classes_directory_refresh();
--> statement-breakpoint
CREATE TRIGGER classes_directory_truncate AFTER TRUNCATE ON classes
  FOR EACH STATEMENT EXECUTE FUNCTION classes_directory_refresh();
--> statement-breakpoint
CREATE TRIGGER institution_functions_directory_insert AFTER INSERT ON institution_functions
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION institution_functions_directory_refresh();
--> statement-breakpoint
CREATE TRIGGER institution_functions_directory_update AFTER UPDATE ON institution_functions
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION institution_functions_directory_refresh();
--> statement-breakpoint
CREATE TRIGGER institution_functions_directory_delete AFTER DELETE ON institution_functions
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION institution_functions_directory_refresh();
--> statement-breakpoint
CREATE TRIGGER institution_functions_directory_truncate AFTER TRUNCATE ON institution_functions
  FOR EACH STATEMENT EXECUTE FUNCTION institution_functions_directory_refresh();
--> statement-breakpoint
-- Backfill what is there already.
UPDATE institutions i
   SET class_capacity = c.capacity, class_free = c.free, class_types = c.types
  FROM (SELECT institution_id,
               sum(capacity)::int AS capacity,
               sum(greatest(capacity - enrolled, 0))::int AS free,
               array_agg(DISTINCT type) AS types
          FROM classes WHERE status = 'active' GROUP BY institution_id) c
 WHERE i.id = c.institution_id;
--> statement-breakpoint
UPDATE institutions i
   SET childcare_capacity = f.childcare, elderly_capacity = f.elderly
  FROM (SELECT institution_id,
               (sum(capacity) FILTER (WHERE function = 'childcare'))::int AS childcare,
               (sum(capacity) FILTER (WHERE function IN ('elderly_care', 'elderly_day_care', 'meals')))::int AS elderly
          FROM institution_functions GROUP BY institution_id) f
 WHERE i.id = f.institution_id;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "institutions_directory_cell_idx" ON "institutions" USING btree ("geo_cell")
  INCLUDE ("id", "lat", "lng", "name", "kind", "region_code", "affordable", "care_forms",
    "min_age_months", "max_age_months", "grade", "class_free", "class_types", "elderly_capacity")
  WHERE "status" = 'filed';
--> statement-breakpoint
DROP INDEX IF EXISTS "institutions_directory_geo_idx";
