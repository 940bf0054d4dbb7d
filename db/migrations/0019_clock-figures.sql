CREATE TYPE "public"."metrics_clock_measure" AS ENUM('answered', 'open_since', 'censored', 'body_answer', 'paused', 'paused_since', 'stay');--> statement-breakpoint
CREATE TABLE "metrics_clock_days" (
	"body_id" uuid NOT NULL,
	"month" date NOT NULL,
	"measure" "metrics_clock_measure" NOT NULL,
	"days" integer NOT NULL,
	"region" text,
	"count" integer NOT NULL,
	CONSTRAINT "metrics_clock_days_body_id_month_measure_days_pk" PRIMARY KEY("body_id","month","measure","days")
);
--> statement-breakpoint
CREATE TABLE "metrics_clock_facts" (
	"appeal_id" uuid PRIMARY KEY NOT NULL,
	"body_id" uuid NOT NULL,
	"region" text,
	"month" date NOT NULL,
	"answer_days" integer,
	"body_answer_days" integer,
	"open_since_ordinal" integer,
	"censored_days" integer,
	"on_time_original" boolean NOT NULL,
	"paused_now" boolean NOT NULL,
	"paused_ever" boolean NOT NULL,
	"paused_past_due" boolean NOT NULL,
	"paused_days" integer,
	"paused_since_ordinal" integer,
	"returned" boolean NOT NULL,
	"to_accused" boolean NOT NULL,
	"complaint_decided" boolean NOT NULL,
	"refreshed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "metrics_clock_monthly" (
	"body_id" uuid NOT NULL,
	"month" date NOT NULL,
	"region" text,
	"on_time_original" integer NOT NULL,
	"paused_now" integer NOT NULL,
	"paused_ever" integer NOT NULL,
	"paused_past_due" integer NOT NULL,
	"returned" integer NOT NULL,
	"to_accused" integer NOT NULL,
	"complaint_decided" integer NOT NULL,
	"forwarded_away" integer NOT NULL,
	"forwards_late" integer NOT NULL,
	"forwards_after_due" integer NOT NULL,
	"forwards_returned" integer NOT NULL,
	"forwards_to_accused" integer NOT NULL,
	CONSTRAINT "metrics_clock_monthly_body_id_month_pk" PRIMARY KEY("body_id","month")
);
--> statement-breakpoint
CREATE TABLE "metrics_forward_facts" (
	"event_id" bigint PRIMARY KEY NOT NULL,
	"appeal_id" uuid NOT NULL,
	"from_body_id" uuid NOT NULL,
	"region" text,
	"month" date NOT NULL,
	"late" boolean NOT NULL,
	"after_due" boolean NOT NULL,
	"stay_days" integer,
	"returned" boolean NOT NULL,
	"to_accused" boolean NOT NULL
);
--> statement-breakpoint
ALTER TABLE "metrics_clock_days" ADD CONSTRAINT "metrics_clock_days_body_id_state_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."state_bodies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "metrics_clock_facts" ADD CONSTRAINT "metrics_clock_facts_appeal_id_appeals_id_fk" FOREIGN KEY ("appeal_id") REFERENCES "public"."appeals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "metrics_clock_facts" ADD CONSTRAINT "metrics_clock_facts_body_id_state_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."state_bodies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "metrics_clock_monthly" ADD CONSTRAINT "metrics_clock_monthly_body_id_state_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."state_bodies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "metrics_forward_facts" ADD CONSTRAINT "metrics_forward_facts_appeal_id_appeals_id_fk" FOREIGN KEY ("appeal_id") REFERENCES "public"."appeals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "metrics_forward_facts" ADD CONSTRAINT "metrics_forward_facts_from_body_id_state_bodies_id_fk" FOREIGN KEY ("from_body_id") REFERENCES "public"."state_bodies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "metrics_clock_days_month_idx" ON "metrics_clock_days" USING btree ("measure","month");--> statement-breakpoint
CREATE INDEX "metrics_clock_facts_body_month_idx" ON "metrics_clock_facts" USING btree ("body_id","month");--> statement-breakpoint
CREATE INDEX "metrics_clock_monthly_month_idx" ON "metrics_clock_monthly" USING btree ("month");--> statement-breakpoint
CREATE INDEX "metrics_forward_facts_body_month_idx" ON "metrics_forward_facts" USING btree ("from_body_id","month");--> statement-breakpoint
CREATE INDEX "metrics_forward_facts_appeal_idx" ON "metrics_forward_facts" USING btree ("appeal_id");