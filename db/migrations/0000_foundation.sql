CREATE TYPE "public"."appeal_category" AS ENUM('healthcare', 'education', 'social_protection', 'public_safety', 'housing_utilities', 'roads_transport', 'land', 'environment', 'corruption', 'other');--> statement-breakpoint
CREATE TYPE "public"."body_level" AS ENUM('central', 'regional', 'district');--> statement-breakpoint
CREATE TYPE "public"."user_role" AS ENUM('citizen', 'official', 'operator', 'moderator', 'auditor', 'admin');--> statement-breakpoint
CREATE TABLE "state_bodies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"parent_id" uuid,
	"level" "body_level" NOT NULL,
	"region" text,
	"name_kk" text NOT NULL,
	"name_ru" text NOT NULL,
	"name_en" text NOT NULL,
	"categories" "appeal_category"[] NOT NULL,
	CONSTRAINT "state_bodies_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "auth_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"password_hash" text NOT NULL,
	"full_name" text NOT NULL,
	"role" "user_role" DEFAULT 'citizen' NOT NULL,
	"body_id" uuid,
	"phone" text,
	"preferred_locale" text DEFAULT 'kk' NOT NULL,
	"disabled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_official_has_body" CHECK ("users"."role" <> 'official' or "users"."body_id" is not null)
);
--> statement-breakpoint
ALTER TABLE "state_bodies" ADD CONSTRAINT "state_bodies_parent_id_state_bodies_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."state_bodies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "auth_sessions" ADD CONSTRAINT "auth_sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_body_id_state_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."state_bodies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "state_bodies_parent_idx" ON "state_bodies" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "state_bodies_region_idx" ON "state_bodies" USING btree ("region");--> statement-breakpoint
CREATE INDEX "auth_sessions_user_idx" ON "auth_sessions" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_key" ON "users" USING btree (lower("email"));--> statement-breakpoint
CREATE INDEX "users_body_idx" ON "users" USING btree ("body_id");