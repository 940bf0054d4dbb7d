ALTER TYPE "public"."contest_status" ADD VALUE 'amended';--> statement-breakpoint
ALTER TYPE "public"."moderation_action" ADD VALUE 'publish_answer';--> statement-breakpoint
ALTER TYPE "public"."moderation_action" ADD VALUE 'contest_amended';--> statement-breakpoint
ALTER TABLE "moderation_contests" DROP CONSTRAINT "moderation_contests_pkey";--> statement-breakpoint
ALTER TABLE "moderation_contests" ADD PRIMARY KEY ("contested_seq");--> statement-breakpoint
ALTER TABLE "appeal_publications" ADD COLUMN "subject_redactions" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "appeal_publications" ADD COLUMN "answer_redactions" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "appeal_publications" ADD COLUMN "answer_log_seq" bigint;--> statement-breakpoint
CREATE UNIQUE INDEX "moderation_contests_one_open_idx" ON "moderation_contests" USING btree ("appeal_id") WHERE "moderation_contests"."status" = 'open';