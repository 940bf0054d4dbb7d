-- Formal replies are near-copies by trigram similarity (docs/metrics.md); pg_trgm ships with PostgreSQL.
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
-- The refresh compares a new answer with the answers of the same body in the same quarter.
CREATE INDEX IF NOT EXISTS "appeal_answers_body_answered_idx" ON "appeal_answers" USING btree ("body_id", "answered_at");--> statement-breakpoint
-- A complaint is looked up from the appeal it is about.
CREATE INDEX IF NOT EXISTS "appeals_complaint_of_idx" ON "appeals" USING btree ("complaint_of_id") WHERE "complaint_of_id" IS NOT NULL;--> statement-breakpoint
INSERT INTO "metrics_state" ("id") VALUES (1) ON CONFLICT DO NOTHING;
