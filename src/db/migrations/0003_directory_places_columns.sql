ALTER TABLE "institutions" ADD COLUMN "class_capacity" integer;--> statement-breakpoint
ALTER TABLE "institutions" ADD COLUMN "class_free" integer;--> statement-breakpoint
ALTER TABLE "institutions" ADD COLUMN "class_types" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "institutions" ADD COLUMN "childcare_capacity" integer;--> statement-breakpoint
ALTER TABLE "institutions" ADD COLUMN "elderly_capacity" integer;--> statement-breakpoint
ALTER TABLE "institutions" ADD COLUMN "geo_cell" integer GENERATED ALWAYS AS ((floor((lat + 90::float8) / 0.05::float8) * 10000 + floor((lng + 180::float8) / 0.05::float8))::integer) STORED;