CREATE TABLE "assessments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"assessor_id" uuid,
	"assessed_on" date NOT NULL,
	"reason" text NOT NULL,
	"scores" jsonb NOT NULL,
	"coma" boolean DEFAULT false NOT NULL,
	"dementia" boolean DEFAULT false NOT NULL,
	"risk_events_30d" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"total" smallint NOT NULL,
	"groups" jsonb NOT NULL,
	"initial_grade" text NOT NULL,
	"final_grade" text NOT NULL,
	"standard" text NOT NULL,
	"next_due_on" date NOT NULL,
	"notes" text,
	"minutes" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "provider_items" (
	"institution_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"price_cents" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "provider_items_institution_id_item_id_pk" PRIMARY KEY("institution_id","item_id")
);
--> statement-breakpoint
CREATE TABLE "service_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_prefix" text NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"type" text NOT NULL,
	"duration_minutes" integer NOT NULL,
	"price_cents" integer NOT NULL,
	"category" text DEFAULT 'other' NOT NULL,
	"package_name" text,
	"description" text,
	"status" text DEFAULT 'active' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "service_orders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"item_id" uuid NOT NULL,
	"provider_id" uuid,
	"caregiver_id" uuid,
	"source" text NOT NULL,
	"requested_by" uuid,
	"scheduled_on" date NOT NULL,
	"scheduled_start_min" smallint,
	"duration_minutes" integer NOT NULL,
	"price_cents" integer NOT NULL,
	"program_id" uuid,
	"entitlement_id" uuid,
	"status" text DEFAULT 'requested' NOT NULL,
	"notes" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "settlements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"provider_id" uuid NOT NULL,
	"month" text NOT NULL,
	"paid_cents" integer NOT NULL,
	"held_cents" integer NOT NULL,
	"visits_paid" integer NOT NULL,
	"visits_held" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"lines" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"generated_by" uuid,
	"generated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "visits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"order_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"provider_id" uuid NOT NULL,
	"caregiver_id" uuid NOT NULL,
	"service_type" text NOT NULL,
	"day" date NOT NULL,
	"check_in_at" timestamp with time zone,
	"check_in_lat" double precision,
	"check_in_lng" double precision,
	"check_in_distance_m" integer,
	"check_out_at" timestamp with time zone,
	"check_out_lat" double precision,
	"check_out_lng" double precision,
	"check_out_distance_m" integer,
	"status" text DEFAULT 'open' NOT NULL,
	"exceptions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"exception_reason" text,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"confirmed_at" timestamp with time zone,
	"confirmed_by" text,
	"rating" smallint,
	"rating_comment" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "care_contacts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"kind" text NOT NULL,
	"contacted_on" date NOT NULL,
	"by" uuid,
	"outcome" text DEFAULT 'well' NOT NULL,
	"notes" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "entitlements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"program_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"month" text NOT NULL,
	"amount_cents" integer DEFAULT 0 NOT NULL,
	"quota_minutes" integer DEFAULT 0 NOT NULL,
	"used_cents" integer DEFAULT 0 NOT NULL,
	"used_minutes" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "program_eligibility" (
	"program_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"eligible" boolean NOT NULL,
	"reasons" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"evaluated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "program_eligibility_program_id_person_id_pk" PRIMARY KEY("program_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "program_enrolments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"program_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"status" text DEFAULT 'enrolled' NOT NULL,
	"enrolled_on" date NOT NULL,
	"ended_on" date,
	"ended_reason" text,
	"enrolled_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "programs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_prefix" text NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"eligibility" jsonb NOT NULL,
	"benefit" jsonb NOT NULL,
	"auto_enrol" boolean DEFAULT true NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date,
	"status" text DEFAULT 'active' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "older_people" ADD COLUMN "home_lat" double precision;--> statement-breakpoint
ALTER TABLE "older_people" ADD COLUMN "home_lng" double precision;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_person_id_older_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."older_people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_assessor_id_accounts_id_fk" FOREIGN KEY ("assessor_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provider_items" ADD CONSTRAINT "provider_items_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provider_items" ADD CONSTRAINT "provider_items_item_id_service_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."service_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_orders" ADD CONSTRAINT "service_orders_person_id_older_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."older_people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_orders" ADD CONSTRAINT "service_orders_item_id_service_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."service_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_orders" ADD CONSTRAINT "service_orders_provider_id_institutions_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_orders" ADD CONSTRAINT "service_orders_caregiver_id_accounts_id_fk" FOREIGN KEY ("caregiver_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_orders" ADD CONSTRAINT "service_orders_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_orders" ADD CONSTRAINT "service_orders_entitlement_id_entitlements_id_fk" FOREIGN KEY ("entitlement_id") REFERENCES "public"."entitlements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "settlements" ADD CONSTRAINT "settlements_provider_id_institutions_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_order_id_service_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."service_orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_person_id_older_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."older_people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_provider_id_institutions_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_caregiver_id_accounts_id_fk" FOREIGN KEY ("caregiver_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_contacts" ADD CONSTRAINT "care_contacts_person_id_older_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."older_people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entitlements" ADD CONSTRAINT "entitlements_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entitlements" ADD CONSTRAINT "entitlements_person_id_older_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."older_people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_eligibility" ADD CONSTRAINT "program_eligibility_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_eligibility" ADD CONSTRAINT "program_eligibility_person_id_older_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."older_people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_enrolments" ADD CONSTRAINT "program_enrolments_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_enrolments" ADD CONSTRAINT "program_enrolments_person_id_older_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."older_people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "assessments_person_idx" ON "assessments" USING btree ("person_id","assessed_on");--> statement-breakpoint
CREATE INDEX "assessments_region_idx" ON "assessments" USING btree ("region_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "assessments_due_idx" ON "assessments" USING btree ("next_due_on");--> statement-breakpoint
CREATE UNIQUE INDEX "service_items_code_idx" ON "service_items" USING btree ("region_prefix","code");--> statement-breakpoint
CREATE INDEX "service_orders_person_idx" ON "service_orders" USING btree ("person_id","scheduled_on");--> statement-breakpoint
CREATE INDEX "service_orders_provider_idx" ON "service_orders" USING btree ("provider_id","scheduled_on");--> statement-breakpoint
CREATE INDEX "service_orders_caregiver_idx" ON "service_orders" USING btree ("caregiver_id","scheduled_on");--> statement-breakpoint
CREATE INDEX "service_orders_region_idx" ON "service_orders" USING btree ("region_code" text_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "settlements_key_idx" ON "settlements" USING btree ("provider_id","month");--> statement-breakpoint
CREATE UNIQUE INDEX "visits_order_idx" ON "visits" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "visits_caregiver_day_idx" ON "visits" USING btree ("caregiver_id","day");--> statement-breakpoint
CREATE INDEX "visits_provider_day_idx" ON "visits" USING btree ("provider_id","day");--> statement-breakpoint
CREATE INDEX "care_contacts_person_idx" ON "care_contacts" USING btree ("person_id","contacted_on");--> statement-breakpoint
CREATE UNIQUE INDEX "entitlements_key_idx" ON "entitlements" USING btree ("program_id","person_id","month");--> statement-breakpoint
CREATE INDEX "entitlements_person_idx" ON "entitlements" USING btree ("person_id","month");--> statement-breakpoint
CREATE INDEX "program_eligibility_person_idx" ON "program_eligibility" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "program_enrolments_person_idx" ON "program_enrolments" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "program_enrolments_program_idx" ON "program_enrolments" USING btree ("program_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "programs_code_idx" ON "programs" USING btree ("region_prefix","code");