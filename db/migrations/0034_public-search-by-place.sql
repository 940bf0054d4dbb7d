-- GIN over plain columns (region, category, body) beside the words; part of PostgreSQL's contrib.
CREATE EXTENSION IF NOT EXISTS btree_gin;--> statement-breakpoint
DROP INDEX "appeal_publications_search_idx";--> statement-breakpoint
CREATE INDEX "appeal_publications_public_search_idx" ON "appeal_publications" USING gin ("search","region","category","body_id") WHERE "appeal_publications"."visibility" in ('published', 'published_redacted');
