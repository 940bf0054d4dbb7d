ALTER TYPE "public"."answer_decision" ADD VALUE 'explained';--> statement-breakpoint
ALTER TYPE "public"."answer_decision" ADD VALUE 'left_without_consideration';--> statement-breakpoint
CREATE TABLE "answer_signatures" (
	"appeal_id" uuid PRIMARY KEY NOT NULL,
	"body_id" uuid NOT NULL,
	"answered_at" timestamp with time zone NOT NULL,
	"minhash" integer[] NOT NULL,
	"bands" integer[] NOT NULL,
	"near_copies" smallint NOT NULL
);
--> statement-breakpoint
ALTER TABLE "appeal_answers" ADD COLUMN "without_consideration_ground" text;--> statement-breakpoint
ALTER TABLE "appeal_answers" ADD COLUMN "language" text;--> statement-breakpoint
ALTER TABLE "appeal_answers" ADD COLUMN "lawful_language" boolean;--> statement-breakpoint
ALTER TABLE "appeal_answers" ADD COLUMN "names_legal_ground" boolean;--> statement-breakpoint
ALTER TABLE "appeal_answers" ADD COLUMN "check_missing" text[];--> statement-breakpoint
ALTER TABLE "answer_signatures" ADD CONSTRAINT "answer_signatures_appeal_id_appeals_id_fk" FOREIGN KEY ("appeal_id") REFERENCES "public"."appeals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "answer_signatures" ADD CONSTRAINT "answer_signatures_body_id_state_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."state_bodies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "answer_signatures_bands_idx" ON "answer_signatures" USING gin ("bands");--> statement-breakpoint
CREATE INDEX "answer_signatures_body_answered_idx" ON "answer_signatures" USING btree ("body_id","answered_at");--> statement-breakpoint
ALTER TABLE "appeal_answers" ADD CONSTRAINT "appeal_answers_ground_with_decision" CHECK (("appeal_answers"."decision"::text = 'left_without_consideration') = ("appeal_answers"."without_consideration_ground" is not null));