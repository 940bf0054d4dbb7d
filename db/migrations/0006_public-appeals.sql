CREATE TABLE "appeal_supports" (
	"appeal_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "appeal_supports_appeal_id_user_id_pk" PRIMARY KEY("appeal_id","user_id")
);
--> statement-breakpoint
ALTER TABLE "appeal_publications" ADD COLUMN "public_subject" text;--> statement-breakpoint
ALTER TABLE "appeal_publications" ADD COLUMN "public_text" text;--> statement-breakpoint
ALTER TABLE "appeal_publications" ADD COLUMN "search" "tsvector" GENERATED ALWAYS AS (
  to_tsvector('simple', coalesce("appeal_publications"."public_subject", '') || ' ' || coalesce("appeal_publications"."public_text", ''))
  || to_tsvector('russian', coalesce("appeal_publications"."public_subject", '') || ' ' || coalesce("appeal_publications"."public_text", ''))
  || to_tsvector('english', coalesce("appeal_publications"."public_subject", '') || ' ' || coalesce("appeal_publications"."public_text", ''))) STORED;--> statement-breakpoint
ALTER TABLE "appeal_supports" ADD CONSTRAINT "appeal_supports_appeal_id_appeals_id_fk" FOREIGN KEY ("appeal_id") REFERENCES "public"."appeals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appeal_supports" ADD CONSTRAINT "appeal_supports_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "appeal_publications_search_idx" ON "appeal_publications" USING gin ("search");--> statement-breakpoint
CREATE INDEX "appeal_publications_visibility_idx" ON "appeal_publications" USING btree ("visibility");