CREATE TABLE "older_people" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"id_number_cipher" text NOT NULL,
	"id_number_index" text NOT NULL,
	"name" text NOT NULL,
	"sex" text NOT NULL,
	"birth_date" date NOT NULL,
	"region_code" text NOT NULL,
	"address" text,
	"phone" text,
	"household_id" uuid,
	"living_situation" text,
	"status" text DEFAULT 'active' NOT NULL,
	"closed_on" date,
	"closed_reason" text,
	"field_sources" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"seen_by" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "person_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"field" text NOT NULL,
	"old_value" jsonb,
	"new_value" jsonb,
	"source" text NOT NULL,
	"import_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor" text
);
--> statement-breakpoint
CREATE TABLE "person_flags" (
	"person_id" uuid NOT NULL,
	"flag" text NOT NULL,
	"value" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"source" text NOT NULL,
	"as_of" date NOT NULL,
	CONSTRAINT "person_flags_person_id_flag_source_pk" PRIMARY KEY("person_id","flag","source")
);
--> statement-breakpoint
CREATE TABLE "roster_conflicts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"field" text NOT NULL,
	"values" jsonb NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"resolution" jsonb,
	"resolved_by" uuid,
	"resolved_at" timestamp with time zone,
	"import_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "roster_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"source" text NOT NULL,
	"filename" text NOT NULL,
	"sha256" text NOT NULL,
	"rows" integer NOT NULL,
	"created" integer NOT NULL,
	"updated" integer NOT NULL,
	"unchanged" integer NOT NULL,
	"conflicts" integer NOT NULL,
	"status" text NOT NULL,
	"by" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "person_changes" ADD CONSTRAINT "person_changes_person_id_older_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."older_people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_flags" ADD CONSTRAINT "person_flags_person_id_older_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."older_people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roster_conflicts" ADD CONSTRAINT "roster_conflicts_person_id_older_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."older_people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "older_people_id_index_idx" ON "older_people" USING btree ("id_number_index");--> statement-breakpoint
CREATE INDEX "older_people_region_idx" ON "older_people" USING btree ("region_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "older_people_name_idx" ON "older_people" USING btree ("name");--> statement-breakpoint
CREATE INDEX "person_changes_person_idx" ON "person_changes" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "person_flags_flag_idx" ON "person_flags" USING btree ("flag");--> statement-breakpoint
CREATE INDEX "roster_conflicts_person_idx" ON "roster_conflicts" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "roster_conflicts_region_idx" ON "roster_conflicts" USING btree ("region_code" text_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "roster_imports_sha_idx" ON "roster_imports" USING btree ("source","sha256");