CREATE TABLE "classes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"institution_id" uuid NOT NULL,
	"name" text NOT NULL,
	"type" text NOT NULL,
	"capacity" smallint NOT NULL,
	"enrolled" integer DEFAULT 0 NOT NULL,
	"room" text,
	"status" text DEFAULT 'active' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "filing_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"filing_id" uuid NOT NULL,
	"action" text NOT NULL,
	"from_status" text NOT NULL,
	"to_status" text NOT NULL,
	"actor_id" uuid,
	"comment" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "filings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"institution_id" uuid NOT NULL,
	"kind" text DEFAULT 'initial' NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"county_code" text NOT NULL,
	"changes" jsonb,
	"missing_materials" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"comment" text,
	"submitted_at" timestamp with time zone,
	"acknowledge_by" text,
	"review_by" text,
	"acknowledged_at" timestamp with time zone,
	"returned_at" timestamp with time zone,
	"decided_at" timestamp with time zone,
	"round" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "uploads" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"institution_id" uuid,
	"kind" text NOT NULL,
	"filing_id" uuid,
	"filename" text NOT NULL,
	"mime" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"storage_path" text NOT NULL,
	"uploaded_by" uuid,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "institution_functions" (
	"institution_id" uuid NOT NULL,
	"function" text NOT NULL,
	"capacity" integer DEFAULT 0 NOT NULL,
	"unit" text DEFAULT 'places' NOT NULL,
	CONSTRAINT "institution_functions_institution_id_function_pk" PRIMARY KEY("institution_id","function")
);
--> statement-breakpoint
CREATE TABLE "staff" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"institution_id" uuid NOT NULL,
	"name" text NOT NULL,
	"role" text NOT NULL,
	"id_number_cipher" text,
	"id_number_index" text,
	"phone" text,
	"education" text,
	"management_years" smallint,
	"class_id" uuid,
	"hired_on" date,
	"status" text DEFAULT 'active' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "staff_certificates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"staff_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"number" text,
	"issued_on" date NOT NULL,
	"expires_on" date,
	"upload_id" uuid,
	"hours" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "region_settings" (
	"key" text NOT NULL,
	"region_prefix" text DEFAULT '' NOT NULL,
	"effective_from" text DEFAULT '1970-01-01' NOT NULL,
	"value" jsonb NOT NULL,
	"note" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "region_settings_key_region_prefix_effective_from_pk" PRIMARY KEY("key","region_prefix","effective_from")
);
--> statement-breakpoint
ALTER TABLE "institutions" ADD COLUMN "operator" text DEFAULT 'private_nonprofit' NOT NULL;--> statement-breakpoint
ALTER TABLE "institutions" ADD COLUMN "credit_code" text;--> statement-breakpoint
ALTER TABLE "institutions" ADD COLUMN "legal_representative" text;--> statement-breakpoint
ALTER TABLE "institutions" ADD COLUMN "affordable" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "institutions" ADD COLUMN "price_cap" integer;--> statement-breakpoint
ALTER TABLE "institutions" ADD COLUMN "address" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "institutions" ADD COLUMN "lat" double precision;--> statement-breakpoint
ALTER TABLE "institutions" ADD COLUMN "lng" double precision;--> statement-breakpoint
ALTER TABLE "institutions" ADD COLUMN "floor" smallint;--> statement-breakpoint
ALTER TABLE "institutions" ADD COLUMN "phone" text;--> statement-breakpoint
ALTER TABLE "institutions" ADD COLUMN "opening_hours" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "institutions" ADD COLUMN "care_forms" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "institutions" ADD COLUMN "prices" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "institutions" ADD COLUMN "min_age_months" smallint;--> statement-breakpoint
ALTER TABLE "institutions" ADD COLUMN "max_age_months" smallint;--> statement-breakpoint
ALTER TABLE "institutions" ADD COLUMN "description" text;--> statement-breakpoint
ALTER TABLE "institutions" ADD COLUMN "chain_operator" text;--> statement-breakpoint
ALTER TABLE "institutions" ADD COLUMN "entrusted_by" text;--> statement-breakpoint
ALTER TABLE "institutions" ADD COLUMN "grade" text;--> statement-breakpoint
ALTER TABLE "institutions" ADD COLUMN "stars" smallint;--> statement-breakpoint
ALTER TABLE "institutions" ADD COLUMN "filed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "institutions" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "classes" ADD CONSTRAINT "classes_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "filing_events" ADD CONSTRAINT "filing_events_filing_id_filings_id_fk" FOREIGN KEY ("filing_id") REFERENCES "public"."filings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "filing_events" ADD CONSTRAINT "filing_events_actor_id_accounts_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "filings" ADD CONSTRAINT "filings_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "uploads" ADD CONSTRAINT "uploads_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "uploads" ADD CONSTRAINT "uploads_filing_id_filings_id_fk" FOREIGN KEY ("filing_id") REFERENCES "public"."filings"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "institution_functions" ADD CONSTRAINT "institution_functions_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff" ADD CONSTRAINT "staff_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff" ADD CONSTRAINT "staff_class_id_classes_id_fk" FOREIGN KEY ("class_id") REFERENCES "public"."classes"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_certificates" ADD CONSTRAINT "staff_certificates_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_certificates" ADD CONSTRAINT "staff_certificates_upload_id_uploads_id_fk" FOREIGN KEY ("upload_id") REFERENCES "public"."uploads"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "classes_institution_idx" ON "classes" USING btree ("institution_id");--> statement-breakpoint
CREATE INDEX "filing_events_filing_idx" ON "filing_events" USING btree ("filing_id","at");--> statement-breakpoint
CREATE INDEX "filings_county_status_idx" ON "filings" USING btree ("county_code","status");--> statement-breakpoint
CREATE INDEX "filings_institution_idx" ON "filings" USING btree ("institution_id");--> statement-breakpoint
CREATE INDEX "uploads_institution_idx" ON "uploads" USING btree ("institution_id","kind");--> statement-breakpoint
CREATE INDEX "staff_institution_idx" ON "staff" USING btree ("institution_id");--> statement-breakpoint
CREATE INDEX "staff_id_index_idx" ON "staff" USING btree ("id_number_index");--> statement-breakpoint
CREATE INDEX "staff_certificates_staff_idx" ON "staff_certificates" USING btree ("staff_id");--> statement-breakpoint
CREATE INDEX "staff_certificates_expiry_idx" ON "staff_certificates" USING btree ("expires_on");--> statement-breakpoint
CREATE INDEX "institutions_region_idx" ON "institutions" USING btree ("region_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "institutions_status_kind_idx" ON "institutions" USING btree ("status","kind");--> statement-breakpoint
CREATE INDEX "institutions_name_trgm_idx" ON "institutions" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "institutions_geo_idx" ON "institutions" USING btree ("lat","lng");