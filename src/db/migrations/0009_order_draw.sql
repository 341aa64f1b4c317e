ALTER TABLE "service_orders" ADD COLUMN "draw" jsonb;--> statement-breakpoint
-- Orders verified before this column existed kept their draw in the audit trail only: copy it over.
UPDATE "service_orders" AS o SET "draw" = a."after"
  FROM (SELECT DISTINCT ON ("entity_id") "entity_id", "after" FROM "audit_log"
         WHERE "entity_type" = 'service_order' AND "action" = 'service_order.draw'
         ORDER BY "entity_id", "id" DESC) AS a
 WHERE o."id"::text = a."entity_id";
