CREATE TYPE "public"."contest_status" AS ENUM('open', 'upheld', 'reversed');--> statement-breakpoint
CREATE TYPE "public"."moderation_action" AS ENUM('publish', 'publish_redacted', 'decline', 'hide', 'restore', 'contest_upheld', 'contest_reversed');--> statement-breakpoint
CREATE TYPE "public"."public_visibility" AS ENUM('pending', 'published', 'published_redacted', 'declined', 'hidden');--> statement-breakpoint
CREATE TABLE "appeal_publications" (
	"appeal_id" uuid PRIMARY KEY NOT NULL,
	"visibility" "public_visibility" DEFAULT 'pending' NOT NULL,
	"redactions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"log_seq" bigint,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"changed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "log_checkpoints" (
	"tree_size" integer PRIMARY KEY NOT NULL,
	"root_hash" text NOT NULL,
	"signed_at" timestamp with time zone NOT NULL,
	"key_id" text NOT NULL,
	"signature" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "moderation_binding_salts" (
	"seq" bigint PRIMARY KEY NOT NULL,
	"salt" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "moderation_contests" (
	"appeal_id" uuid PRIMARY KEY NOT NULL,
	"contested_seq" bigint NOT NULL,
	"reason" text NOT NULL,
	"status" "contest_status" DEFAULT 'open' NOT NULL,
	"decided_seq" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "moderation_log" (
	"seq" bigint PRIMARY KEY NOT NULL,
	"appeal_id" uuid NOT NULL,
	"action" "moderation_action" NOT NULL,
	"canonical" text NOT NULL,
	"entry_hash" text NOT NULL,
	"leaf_hash" text NOT NULL,
	"moderator_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "moderation_log_seq_positive" CHECK ("moderation_log"."seq" > 0)
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "pseudonym" text;--> statement-breakpoint
ALTER TABLE "appeal_publications" ADD CONSTRAINT "appeal_publications_appeal_id_appeals_id_fk" FOREIGN KEY ("appeal_id") REFERENCES "public"."appeals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "moderation_contests" ADD CONSTRAINT "moderation_contests_appeal_id_appeals_id_fk" FOREIGN KEY ("appeal_id") REFERENCES "public"."appeals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "moderation_log" ADD CONSTRAINT "moderation_log_appeal_id_appeals_id_fk" FOREIGN KEY ("appeal_id") REFERENCES "public"."appeals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "moderation_log" ADD CONSTRAINT "moderation_log_moderator_id_users_id_fk" FOREIGN KEY ("moderator_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "moderation_log_appeal_idx" ON "moderation_log" USING btree ("appeal_id");--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_pseudonym_unique" UNIQUE("pseudonym");