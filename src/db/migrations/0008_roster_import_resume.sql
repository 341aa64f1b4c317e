ALTER TABLE "roster_imports" ADD COLUMN "rows_done" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "roster_imports" ADD COLUMN "last_chunk" integer DEFAULT -1 NOT NULL;--> statement-breakpoint
ALTER TABLE "roster_imports" ADD COLUMN "as_of" date;--> statement-breakpoint
ALTER TABLE "roster_imports" ADD COLUMN "error" text;--> statement-breakpoint
ALTER TABLE "roster_imports" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
-- Imports applied before chunking were whole-file transactions: finished.
UPDATE "roster_imports" SET "status" = 'done', "rows_done" = "rows", "as_of" = ("at" AT TIME ZONE 'Asia/Shanghai')::date WHERE "status" = 'applied';
