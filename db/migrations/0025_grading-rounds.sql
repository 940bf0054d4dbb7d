CREATE TYPE "public"."grading_round_status" AS ENUM('committed', 'grading', 'closed');--> statement-breakpoint
ALTER TYPE "public"."moderation_action" ADD VALUE 'grading_seed_committed';--> statement-breakpoint
ALTER TYPE "public"."moderation_action" ADD VALUE 'grading_seed_revealed';--> statement-breakpoint
CREATE TABLE "grading_grades" (
	"item_id" uuid NOT NULL,
	"grader_id" uuid NOT NULL,
	"scores" jsonb NOT NULL,
	"graded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "grading_grades_item_id_grader_id_pk" PRIMARY KEY("item_id","grader_id")
);
--> statement-breakpoint
CREATE TABLE "grading_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"appeal_id" uuid NOT NULL,
	"body_id" uuid NOT NULL,
	"population_index" integer NOT NULL,
	"label" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "grading_rounds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"status" "grading_round_status" DEFAULT 'committed' NOT NULL,
	"period_from" text NOT NULL,
	"period_to" text NOT NULL,
	"body_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"margin_of_error" double precision NOT NULL,
	"confidence" double precision NOT NULL,
	"rubric_version" text NOT NULL,
	"rubric" jsonb NOT NULL,
	"seed" text NOT NULL,
	"seed_sha256" text NOT NULL,
	"commit_seq" bigint NOT NULL,
	"reveal_seq" bigint,
	"strata" jsonb,
	"sample_sha256" text,
	"opened_by_id" uuid NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"drawn_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	CONSTRAINT "grading_rounds_margin" CHECK ("grading_rounds"."margin_of_error" > 0 and "grading_rounds"."margin_of_error" < 1),
	CONSTRAINT "grading_rounds_confidence" CHECK ("grading_rounds"."confidence" > 0 and "grading_rounds"."confidence" < 1)
);
--> statement-breakpoint
ALTER TABLE "moderation_log" ALTER COLUMN "appeal_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "grading_grades" ADD CONSTRAINT "grading_grades_item_id_grading_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."grading_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grading_grades" ADD CONSTRAINT "grading_grades_grader_id_users_id_fk" FOREIGN KEY ("grader_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grading_items" ADD CONSTRAINT "grading_items_round_id_grading_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."grading_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grading_items" ADD CONSTRAINT "grading_items_appeal_id_appeals_id_fk" FOREIGN KEY ("appeal_id") REFERENCES "public"."appeals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grading_items" ADD CONSTRAINT "grading_items_body_id_state_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."state_bodies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grading_rounds" ADD CONSTRAINT "grading_rounds_opened_by_id_users_id_fk" FOREIGN KEY ("opened_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "grading_grades_grader_idx" ON "grading_grades" USING btree ("grader_id");--> statement-breakpoint
CREATE UNIQUE INDEX "grading_items_round_appeal_idx" ON "grading_items" USING btree ("round_id","appeal_id");--> statement-breakpoint
CREATE UNIQUE INDEX "grading_items_round_label_idx" ON "grading_items" USING btree ("round_id","label");--> statement-breakpoint
ALTER TABLE "moderation_log" ADD CONSTRAINT "moderation_log_appeal_unless_grading" CHECK (("moderation_log"."appeal_id" is null) = starts_with("moderation_log"."action"::text, 'grading_'));--> statement-breakpoint
-- A grade, once given, and a drawn sample are history: the published agreement and results rest on them.
CREATE TRIGGER grading_grades_append_only BEFORE UPDATE OR DELETE ON grading_grades
  FOR EACH ROW EXECUTE FUNCTION refuse_history_change();
--> statement-breakpoint
CREATE TRIGGER grading_items_append_only BEFORE UPDATE OR DELETE ON grading_items
  FOR EACH ROW EXECUTE FUNCTION refuse_history_change();

