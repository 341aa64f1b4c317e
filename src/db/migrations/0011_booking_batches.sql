-- SQL-language functions are planned again on every call (PostgreSQL caches no plan for them); the
-- two helpers of the booking path become PL/pgSQL, whose plans are cached per session.

-- A stored Idempotency-Key with its answer, or NULL.
CREATE OR REPLACE FUNCTION stored_answer(p_account uuid, p_key text) RETURNS jsonb
LANGUAGE plpgsql STABLE SET plan_cache_mode = force_generic_plan AS $$
BEGIN
  RETURN (SELECT jsonb_build_object('operation', k.operation, 'requestHash', k.request_hash,
                                    'responseStatus', k.response_status, 'responseBody', k.response_body)
            FROM idempotency_keys k WHERE k.account_id = p_account AND k.key = p_key);
END $$;
--> statement-breakpoint

-- A member's live bookings of a service on the days of p_offers, as spans (for the overlap rule). The
-- days are read first: as a semi-join, PostgreSQL would walk every offer of the day per booking.
CREATE OR REPLACE FUNCTION live_spans(p_member uuid, p_service text, p_offers uuid[]) RETURNS jsonb
LANGUAGE plpgsql STABLE SET plan_cache_mode = force_generic_plan AS $$
DECLARE
  v_days date[] := ARRAY(SELECT DISTINCT x.day FROM offers x WHERE x.id = ANY (p_offers));
BEGIN
  RETURN (SELECT coalesce(jsonb_agg(jsonb_build_object('day', o.day, 'startsMin', o.starts_min,
                                                       'endsMin', o.ends_min)), '[]')
            FROM bookings b
            JOIN booking_offers bo ON bo.booking_id = b.id
            JOIN offers o ON o.id = bo.offer_id
           WHERE b.member_id = p_member AND b.service = p_service AND b.status IN ('confirmed', 'held')
             AND o.day = ANY (v_days));
END $$;
--> statement-breakpoint

-- A per-half-hour count array with one more in each of p_slots (0-based; a slot named twice counts twice).
CREATE OR REPLACE FUNCTION slots_plus(p_present smallint[], p_slots int[]) RETURNS smallint[]
LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  RETURN (SELECT array_agg((u.v + (SELECT count(*) FROM unnest(p_slots) AS s WHERE s = u.k - 1))::smallint ORDER BY u.k)
            FROM unnest(p_present) WITH ORDINALITY AS u(v, k));
END $$;
--> statement-breakpoint

-- The records of decided bookings, each item as booking_write takes it: the booking and its offers, its
-- audit entries, and its notifications with their outbound deliveries. Used by booking_write (one item)
-- and booking_commit_batch (the bookings it accepted).
CREATE OR REPLACE FUNCTION booking_records(p_items jsonb) RETURNS void
LANGUAGE plpgsql SET plan_cache_mode = force_generic_plan AS $$
BEGIN
  INSERT INTO bookings (id, account_id, household_id, member_id, institution_id, class_id, service, form,
                        first_day, last_day, starts_min, ends_min, status, price_cents, subsidy_cents,
                        due_cents, meal_mode, notes, replaces_id, created_at, updated_at)
  SELECT b.id, b."accountId", b."householdId", b."memberId", b."institutionId", b."classId", b.service,
         b.form, b."firstDay", b."lastDay", b."startsMin", b."endsMin", b.status, b."priceCents",
         b."subsidyCents", b."dueCents", b."mealMode", b.notes, b."replacesId", b."createdAt", b."updatedAt"
    FROM jsonb_array_elements(p_items) WITH ORDINALITY AS t(x, i),
         jsonb_to_record(t.x->'booking') AS b(
           id uuid, "accountId" uuid, "householdId" uuid, "memberId" uuid, "institutionId" uuid,
           "classId" uuid, service text, form text, "firstDay" date, "lastDay" date, "startsMin" smallint,
           "endsMin" smallint, status text, "priceCents" integer, "subsidyCents" integer, "dueCents" integer,
           "mealMode" text, notes text, "replacesId" uuid, "createdAt" timestamptz, "updatedAt" timestamptz)
   WHERE t.x ? 'booking'
   ORDER BY t.i;
  INSERT INTO booking_offers (booking_id, offer_id)
  SELECT (t.x->'booking'->>'id')::uuid, v::uuid
    FROM jsonb_array_elements(p_items) AS t(x), jsonb_array_elements_text(coalesce(t.x->'offerIds', '[]')) AS v;
  INSERT INTO audit_log (actor_id, actor_name, actor_role, action, entity_type, entity_id, region_code,
                         institution_id, before, after, ip, user_agent)
  SELECT a."actorId", a."actorName", a."actorRole", a.action, a."entityType", a."entityId", a."regionCode",
         a."institutionId", a.before, a.after, a.ip, a."userAgent"
    FROM jsonb_array_elements(p_items) WITH ORDINALITY AS t(x, i),
         jsonb_to_recordset(coalesce(t.x->'audit', '[]')) AS a(
           "actorId" uuid, "actorName" text, "actorRole" text, action text, "entityType" text, "entityId" text,
           "regionCode" text, "institutionId" uuid, before jsonb, after jsonb, ip text, "userAgent" text)
   ORDER BY t.i;
  INSERT INTO notifications (id, account_id, kind, params, entity_type, entity_id)
  SELECT n.id, n."accountId", n.kind, coalesce(n.params, '{}'), n."entityType", n."entityId"
    FROM jsonb_array_elements(p_items) AS t(x),
         jsonb_to_recordset(coalesce(t.x->'notifications', '[]')) AS n(
           id uuid, "accountId" uuid, kind text, params jsonb, "entityType" text, "entityId" uuid);
  INSERT INTO notification_deliveries (notification_id, channel)
  SELECT d."notificationId", d.channel
    FROM jsonb_array_elements(p_items) AS t(x),
         jsonb_to_recordset(coalesce(t.x->'deliveries', '[]')) AS d("notificationId" uuid, channel text);
END $$;
--> statement-breakpoint

-- booking_write (migration 0010) with its records written by booking_records: the place counters (absolute,
-- as decided on the locked rows), the records, and the Idempotency-Key's answer.
CREATE OR REPLACE FUNCTION booking_write(p jsonb) RETURNS void
LANGUAGE plpgsql SET plan_cache_mode = force_generic_plan AS $$
BEGIN
  UPDATE offers AS o SET taken = d.taken, updated_at = now()
    FROM jsonb_to_recordset(coalesce(p->'offers', '[]')) AS d(id uuid, taken smallint)
   WHERE o.id = d.id;
  UPDATE class_days AS c SET present = d.present
    FROM jsonb_to_recordset(coalesce(p->'classDays', '[]')) AS d("classId" uuid, day date, present smallint[])
   WHERE c.class_id = d."classId" AND c.day = d.day;
  UPDATE institution_days AS i SET present = d.present
    FROM jsonb_to_recordset(coalesce(p->'institutionDays', '[]')) AS d("institutionId" uuid, day date, present smallint[])
   WHERE i.institution_id = d."institutionId" AND i.day = d.day;
  PERFORM booking_records(jsonb_build_array(p));
  UPDATE idempotency_keys AS k
     SET response_status = (p->'idempotency'->>'status')::integer, response_body = p->'idempotency'->'body'
   WHERE p ? 'idempotency'
     AND k.account_id = (p->'idempotency'->>'accountId')::uuid AND k.key = p->'idempotency'->>'key';
END $$;
--> statement-breakpoint

-- Many optimistic bookings (each as booking_commit takes it) in one statement and one commit: the
-- server gathers the bookings that reach their commit at the same moment. It locks the rows of all
-- of them in the engine's global order, then accepts, in the order given, each booking that still
-- fits every limit counting the bookings before it in the batch (offer open and not full; per half
-- hour: class size, licensed capacity, carer ratio; the member active and not booked at an
-- overlapping time), claims the accepted bookings' Idempotency-Keys with their answers, and writes
-- them all set by set. A booking not accepted is answered 'retry' and nothing of it is written: the
-- server then commits it alone with booking_commit, which decides exactly (it may fit after all:
-- the count here includes bookings before it that were themselves refused, so it errs on the side of
-- never overselling). So do a second booking of the same member or the same key in one batch, and
-- a key already stored. Returns one answer per booking, in order: {"ok": true} or {"retry": true}.
CREATE OR REPLACE FUNCTION booking_commit_batch(p jsonb) RETURNS jsonb
LANGUAGE plpgsql SET plan_cache_mode = force_generic_plan SET enable_hashjoin = off SET enable_mergejoin = off AS $$
DECLARE
  v_fits int[];
  v_ok int[];
BEGIN
  PERFORM 1 FROM institution_days d
   WHERE (d.institution_id, d.day) IN (
           SELECT (s->>'institutionId')::uuid, (s->>'day')::date
             FROM jsonb_array_elements(p) AS t(x), jsonb_array_elements(t.x->'institutionSlots') AS s)
   ORDER BY d.institution_id, d.day FOR UPDATE;
  PERFORM 1 FROM class_days d
   WHERE (d.class_id, d.day) IN (
           SELECT (s->>'classId')::uuid, (s->>'day')::date
             FROM jsonb_array_elements(p) AS t(x), jsonb_array_elements(t.x->'classSlots') AS s)
   ORDER BY d.class_id, d.day FOR UPDATE;
  PERFORM 1 FROM offers
   WHERE id IN (SELECT o::uuid FROM jsonb_array_elements(p) AS t(x), jsonb_array_elements_text(t.x->'offerIds') AS o)
   ORDER BY id FOR UPDATE;
  PERFORM 1 FROM household_members
   WHERE id IN (SELECT (t.x->>'memberId')::uuid FROM jsonb_array_elements(p) AS t(x))
   ORDER BY id FOR UPDATE;

  -- Read under the locks just taken (a new statement: what committed meanwhile is seen).
  WITH it AS (
    SELECT t.i::int AS i, t.x, (t.x->>'memberId')::uuid AS member_id, (t.x->>'accountId')::uuid AS account_id
      FROM jsonb_array_elements(p) WITH ORDINALITY AS t(x, i)
  ), cand AS (
    SELECT it.* FROM it
     WHERE NOT EXISTS (SELECT 1 FROM it e
                        WHERE e.i < it.i
                          AND (e.member_id = it.member_id
                               OR (e.account_id = it.account_id AND e.x->>'key' = it.x->>'key')))
       AND (it.x->>'key' IS NULL
            OR NOT EXISTS (SELECT 1 FROM idempotency_keys k
                            WHERE k.account_id = it.account_id AND k.key = it.x->>'key'))
       AND (SELECT m.status FROM household_members m WHERE m.id = it.member_id) = 'active'
       AND NOT EXISTS (
             SELECT 1
               FROM bookings b
               JOIN booking_offers bo ON bo.booking_id = b.id
               JOIN offers o ON o.id = bo.offer_id
               JOIN jsonb_to_recordset(it.x->'spans') AS s(day date, "startsMin" int, "endsMin" int)
                 ON s.day = o.day AND o.starts_min < s."endsMin" AND o.ends_min > s."startsMin"
              WHERE b.member_id = it.member_id AND b.service = it.x->>'service'
                AND b.status IN ('confirmed', 'held'))
  ), want_offer AS (
    SELECT c.i, v::uuid AS offer_id FROM cand c, jsonb_array_elements_text(c.x->'offerIds') AS v
  ), want_class AS (
    SELECT c.i, (s->>'classId')::uuid AS class_id, (s->>'day')::date AS day, v::int AS slot
      FROM cand c, jsonb_array_elements(c.x->'classSlots') AS s, jsonb_array_elements_text(s->'slots') AS v
  ), want_institution AS (
    SELECT c.i, (s->>'institutionId')::uuid AS institution_id, (s->>'day')::date AS day, v::int AS slot
      FROM cand c, jsonb_array_elements(c.x->'institutionSlots') AS s, jsonb_array_elements_text(s->'slots') AS v
  ), bad AS (
    SELECT q.i FROM (
      SELECT w.i, o.id AS found, o.status, o.capacity - o.taken AS room,
             count(*) OVER (PARTITION BY w.offer_id ORDER BY w.i) AS need
        FROM want_offer w LEFT JOIN offers o ON o.id = w.offer_id) q
     WHERE q.found IS NULL OR q.status <> 'open' OR q.need > q.room
    UNION
    SELECT q.i FROM (
      SELECT w.i, d.class_id AS found, coalesce(d.present[w.slot + 1], 0) AS present, d.size_limit,
             coalesce(d.carers[w.slot + 1], 0) * d.children_per_carer AS ratio_room,
             count(*) OVER (PARTITION BY w.class_id, w.day, w.slot ORDER BY w.i) AS need
        FROM want_class w LEFT JOIN class_days d ON d.class_id = w.class_id AND d.day = w.day) q
     WHERE q.found IS NULL OR q.present + q.need > q.size_limit OR q.present + q.need > q.ratio_room
    UNION
    SELECT q.i FROM (
      SELECT w.i, d.institution_id AS found, coalesce(d.present[w.slot + 1], 0) AS present, d.capacity,
             count(*) OVER (PARTITION BY w.institution_id, w.day, w.slot ORDER BY w.i) AS need
        FROM want_institution w
        LEFT JOIN institution_days d ON d.institution_id = w.institution_id AND d.day = w.day) q
     WHERE q.found IS NULL OR q.present + q.need > q.capacity
  )
  SELECT coalesce(array_agg(c.i ORDER BY c.i), '{}') INTO v_fits
    FROM cand c
   WHERE c.i NOT IN (SELECT i FROM bad);

  -- Claim the keys with their answers; a key claimed meanwhile by another request is not ours.
  WITH claimed AS (
    INSERT INTO idempotency_keys (account_id, key, operation, request_hash, response_status, response_body)
    SELECT (t.x->>'accountId')::uuid, t.x->>'key', t.x->>'operation', t.x->>'requestHash',
           (t.x->'idempotency'->>'status')::integer, t.x->'idempotency'->'body'
      FROM jsonb_array_elements(p) WITH ORDINALITY AS t(x, i)
     WHERE t.i = ANY (v_fits) AND t.x->>'key' IS NOT NULL
    ON CONFLICT DO NOTHING
    RETURNING account_id, key
  )
  SELECT coalesce(array_agg(t.i::int ORDER BY t.i), '{}') INTO v_ok
    FROM jsonb_array_elements(p) WITH ORDINALITY AS t(x, i)
   WHERE t.i = ANY (v_fits)
     AND (t.x->>'key' IS NULL
          OR EXISTS (SELECT 1 FROM claimed k
                      WHERE k.account_id = (t.x->>'accountId')::uuid AND k.key = t.x->>'key'));

  IF cardinality(v_ok) > 0 THEN
    UPDATE offers AS o SET taken = o.taken + n.c, updated_at = now()
      FROM (SELECT v::uuid AS id, count(*)::int AS c
              FROM jsonb_array_elements(p) WITH ORDINALITY AS t(x, i), jsonb_array_elements_text(t.x->'offerIds') AS v
             WHERE t.i = ANY (v_ok) GROUP BY 1) n
     WHERE o.id = n.id;
    UPDATE class_days AS d SET present = slots_plus(d.present, n.slots)
      FROM (SELECT (s->>'classId')::uuid AS class_id, (s->>'day')::date AS day, array_agg(v::int) AS slots
              FROM jsonb_array_elements(p) WITH ORDINALITY AS t(x, i), jsonb_array_elements(t.x->'classSlots') AS s,
                   jsonb_array_elements_text(s->'slots') AS v
             WHERE t.i = ANY (v_ok) GROUP BY 1, 2) n
     WHERE d.class_id = n.class_id AND d.day = n.day;
    UPDATE institution_days AS d SET present = slots_plus(d.present, n.slots)
      FROM (SELECT (s->>'institutionId')::uuid AS institution_id, (s->>'day')::date AS day, array_agg(v::int) AS slots
              FROM jsonb_array_elements(p) WITH ORDINALITY AS t(x, i),
                   jsonb_array_elements(t.x->'institutionSlots') AS s, jsonb_array_elements_text(s->'slots') AS v
             WHERE t.i = ANY (v_ok) GROUP BY 1, 2) n
     WHERE d.institution_id = n.institution_id AND d.day = n.day;
    PERFORM booking_records((SELECT jsonb_agg(t.x ORDER BY t.i)
                               FROM jsonb_array_elements(p) WITH ORDINALITY AS t(x, i)
                              WHERE t.i = ANY (v_ok)));
  END IF;

  RETURN (SELECT jsonb_agg(CASE WHEN t.i = ANY (v_ok) THEN '{"ok": true}'::jsonb ELSE '{"retry": true}'::jsonb END
                           ORDER BY t.i)
            FROM jsonb_array_elements(p) WITH ORDINALITY AS t(x, i));
END $$;
--> statement-breakpoint

-- The optimistic first looks of many bookings in one statement: for each {accountId, memberId,
-- offerIds}, what booking_open with p_lock false returns (same keys, same shapes), read set by set.
CREATE OR REPLACE FUNCTION booking_open_batch(p jsonb, p_setting_keys text[]) RETURNS jsonb
LANGUAGE plpgsql SET plan_cache_mode = force_generic_plan SET enable_hashjoin = off SET enable_mergejoin = off AS $$
BEGIN
  RETURN (
    WITH it AS (
      SELECT t.i, (t.x->>'accountId')::uuid AS account_id, (t.x->>'memberId')::uuid AS member_id,
             ARRAY(SELECT v::uuid FROM jsonb_array_elements_text(t.x->'offerIds') AS v) AS offer_ids
        FROM jsonb_array_elements(p) WITH ORDINALITY AS t(x, i)
    ), item AS (
      SELECT it.*, ARRAY(SELECT DISTINCT o.day FROM offers o WHERE o.id = ANY (it.offer_ids)) AS days
        FROM it
    )
    SELECT jsonb_agg(
             CASE WHEN m.id IS NULL THEN '{"member": null}'::jsonb
             ELSE jsonb_build_object(
               'member', to_jsonb(m), 'householdId', h.id, 'regionCode', h.region_code,
               'offers', o.offers, 'institution', to_jsonb(inst), 'classType', c.type,
               'settings', st.settings,
               'state', jsonb_build_object('institutionDays', idays.rows, 'classDays', cdays.rows,
                                           'offers', o.state),
               'memberStatus', m.status, 'liveSpans', ls.spans)
             END ORDER BY item.i)
      FROM item
      LEFT JOIN household_members m ON m.id = item.member_id AND m.status = 'active'
                                   AND EXISTS (SELECT 1 FROM households hh
                                                WHERE hh.id = m.household_id AND hh.owner_account_id = item.account_id)
      LEFT JOIN households h ON h.id = m.household_id
      LEFT JOIN LATERAL (
        SELECT coalesce(jsonb_agg(to_jsonb(x)), '[]') AS offers,
               coalesce(jsonb_agg(jsonb_build_object(
                 'id', x.id, 'institutionId', x.institution_id, 'classId', x.class_id, 'service', x.service,
                 'form', x.form, 'day', x.day, 'startsMin', x.starts_min, 'endsMin', x.ends_min,
                 'capacity', x.capacity, 'taken', x.taken, 'status', x.status) ORDER BY x.id), '[]') AS state
          FROM offers x WHERE x.id = ANY (item.offer_ids)) o ON m.id IS NOT NULL
      LEFT JOIN LATERAL (
        SELECT x.institution_id, x.class_id, x.service FROM offers x
         WHERE x.id = ANY (item.offer_ids) ORDER BY x.day, x.starts_min LIMIT 1) f ON m.id IS NOT NULL
      LEFT JOIN institutions inst ON inst.id = f.institution_id
      LEFT JOIN classes c ON c.id = f.class_id
      LEFT JOIN LATERAL (
        SELECT coalesce(jsonb_agg(to_jsonb(s)), '[]') AS settings
          FROM region_settings s
         WHERE s.key = ANY (p_setting_keys)
           AND (left(coalesce(h.region_code, ''), length(s.region_prefix)) = s.region_prefix
                OR left(coalesce(inst.region_code, ''), length(s.region_prefix)) = s.region_prefix)) st
        ON m.id IS NOT NULL
      LEFT JOIN LATERAL (
        SELECT coalesce(jsonb_agg(jsonb_build_object(
                 'institutionId', d.institution_id, 'day', d.day, 'capacity', d.capacity, 'present', d.present)
                 ORDER BY d.institution_id, d.day), '[]') AS rows
          FROM institution_days d
         WHERE (d.institution_id, d.day) IN (SELECT x.institution_id, x.day FROM offers x
                                               WHERE x.id = ANY (item.offer_ids) AND x.service = 'childcare'
                                                 AND x.class_id IS NOT NULL)) idays ON m.id IS NOT NULL
      LEFT JOIN LATERAL (
        SELECT coalesce(jsonb_agg(jsonb_build_object(
                 'classId', d.class_id, 'day', d.day, 'institutionId', d.institution_id, 'classType', d.class_type,
                 'sizeLimit', d.size_limit, 'childrenPerCarer', d.children_per_carer,
                 'minAgeMonths', d.min_age_months, 'maxAgeMonths', d.max_age_months,
                 'present', d.present, 'carers', d.carers)
                 ORDER BY d.class_id, d.day), '[]') AS rows
          FROM class_days d
         WHERE (d.class_id, d.day) IN (SELECT x.class_id, x.day FROM offers x
                                        WHERE x.id = ANY (item.offer_ids) AND x.service = 'childcare'
                                          AND x.class_id IS NOT NULL)) cdays ON m.id IS NOT NULL
      LEFT JOIN LATERAL (
        SELECT coalesce(jsonb_agg(jsonb_build_object('day', x.day, 'startsMin', x.starts_min,
                                                     'endsMin', x.ends_min)), '[]') AS spans
          FROM bookings b
          JOIN booking_offers bo ON bo.booking_id = b.id
          JOIN offers x ON x.id = bo.offer_id
         WHERE b.member_id = item.member_id AND b.service = f.service AND b.status IN ('confirmed', 'held')
           AND x.day = ANY (item.days)) ls ON m.id IS NOT NULL);
END $$;
--> statement-breakpoint

-- Before a request with an Idempotency-Key is refused on an unlocked read: the key's stored answer
-- (the request is a retry, to be replayed), or NULL when the key is free. The key is claimed and the
-- claim undone, so a request with the same key still running is waited for, then seen.
CREATE OR REPLACE FUNCTION idempotency_probe(p_account uuid, p_key text, p_operation text, p_hash text)
RETURNS jsonb
LANGUAGE plpgsql SET plan_cache_mode = force_generic_plan AS $$
BEGIN
  BEGIN
    INSERT INTO idempotency_keys (account_id, key, operation, request_hash)
    VALUES (p_account, p_key, p_operation, p_hash)
    ON CONFLICT DO NOTHING;
    IF FOUND THEN
      RAISE EXCEPTION 'probe';
    END IF;
  EXCEPTION WHEN raise_exception THEN
    RETURN NULL;
  END;
  RETURN stored_answer(p_account, p_key);
END $$;
