CREATE TABLE "metrics_answer_monthly" (
	"body_id" uuid NOT NULL,
	"month" date NOT NULL,
	"region" text,
	"decision" "answer_decision" NOT NULL,
	"outcome" "rating_outcome",
	"answered" integer NOT NULL,
	"checked" integer NOT NULL,
	"lawful" integer NOT NULL,
	"grounded" integer NOT NULL,
	"formal" integer NOT NULL,
	CONSTRAINT "metrics_answer_monthly_key" UNIQUE NULLS NOT DISTINCT("body_id","month","decision","outcome")
);
--> statement-breakpoint
CREATE TABLE "metrics_came_back_monthly" (
	"body_id" uuid NOT NULL,
	"month" date NOT NULL,
	"region" text,
	"came_back" integer NOT NULL,
	"came_back_base" integer NOT NULL,
	CONSTRAINT "metrics_came_back_monthly_body_id_month_pk" PRIMARY KEY("body_id","month")
);
--> statement-breakpoint
ALTER TABLE "metrics_appeal_facts" ADD COLUMN "decision" "answer_decision";--> statement-breakpoint
ALTER TABLE "metrics_appeal_facts" ADD COLUMN "lawful_language" boolean;--> statement-breakpoint
ALTER TABLE "metrics_appeal_facts" ADD COLUMN "names_legal_ground" boolean;--> statement-breakpoint
ALTER TABLE "metrics_state" ADD COLUMN "came_back_counted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "metrics_answer_monthly" ADD CONSTRAINT "metrics_answer_monthly_body_id_state_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."state_bodies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "metrics_came_back_monthly" ADD CONSTRAINT "metrics_came_back_monthly_body_id_state_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."state_bodies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "metrics_answer_monthly_month_idx" ON "metrics_answer_monthly" USING btree ("month");--> statement-breakpoint
CREATE INDEX "metrics_came_back_monthly_month_idx" ON "metrics_came_back_monthly" USING btree ("month");--> statement-breakpoint
-- The new facts columns and rollup are filled by a rebuild: the next refresh sees no calendar version and rebuilds.
UPDATE "metrics_state" SET "calendar_version" = NULL;
