CREATE TYPE "public"."metrics_day_measure" AS ENUM('answer', 'overdue');--> statement-breakpoint
CREATE TABLE "metrics_appeal_facts" (
	"appeal_id" uuid PRIMARY KEY NOT NULL,
	"body_id" uuid NOT NULL,
	"region" text,
	"category" "appeal_category" NOT NULL,
	"kind" "appeal_kind" NOT NULL,
	"month" date NOT NULL,
	"due" boolean NOT NULL,
	"answered" boolean NOT NULL,
	"on_time" boolean NOT NULL,
	"overdue" boolean NOT NULL,
	"overdue_days" integer,
	"answer_days" integer,
	"forwards" integer NOT NULL,
	"extended" boolean NOT NULL,
	"clarified" boolean NOT NULL,
	"outcome" "rating_outcome",
	"quality" smallint,
	"heard" boolean,
	"complained" boolean NOT NULL,
	"complaint_upheld" boolean NOT NULL,
	"similar_answers" integer,
	"declined" boolean NOT NULL,
	"hidden" boolean NOT NULL,
	"redacted" boolean NOT NULL,
	"reversed" boolean NOT NULL,
	"refreshed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "metrics_day_counts" (
	"body_id" uuid NOT NULL,
	"month" date NOT NULL,
	"measure" "metrics_day_measure" NOT NULL,
	"days" integer NOT NULL,
	"region" text,
	"count" integer NOT NULL,
	CONSTRAINT "metrics_day_counts_body_id_month_measure_days_pk" PRIMARY KEY("body_id","month","measure","days")
);
--> statement-breakpoint
CREATE TABLE "metrics_monthly" (
	"body_id" uuid NOT NULL,
	"month" date NOT NULL,
	"category" "appeal_category" NOT NULL,
	"region" text,
	"received" integer NOT NULL,
	"application" integer NOT NULL,
	"message" integer NOT NULL,
	"response" integer NOT NULL,
	"proposal" integer NOT NULL,
	"request" integer NOT NULL,
	"complaint" integer NOT NULL,
	"due" integer NOT NULL,
	"answered" integer NOT NULL,
	"on_time" integer NOT NULL,
	"overdue" integer NOT NULL,
	"forwarded" integer NOT NULL,
	"ping_pong" integer NOT NULL,
	"extended" integer NOT NULL,
	"clarified" integer NOT NULL,
	"rated" integer NOT NULL,
	"resolved" integer NOT NULL,
	"partly" integer NOT NULL,
	"not_resolved" integer NOT NULL,
	"quality_sum" integer NOT NULL,
	"heard" integer NOT NULL,
	"complained" integer NOT NULL,
	"complaint_upheld" integer NOT NULL,
	"formal" integer NOT NULL,
	"declined" integer NOT NULL,
	"hidden" integer NOT NULL,
	"redacted" integer NOT NULL,
	"reversed" integer NOT NULL,
	CONSTRAINT "metrics_monthly_body_id_month_category_pk" PRIMARY KEY("body_id","month","category")
);
--> statement-breakpoint
CREATE TABLE "metrics_state" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"last_event_id" bigint DEFAULT 0 NOT NULL,
	"last_log_seq" bigint DEFAULT 0 NOT NULL,
	"refreshed_at" timestamp with time zone,
	"calendar_version" text
);
--> statement-breakpoint
CREATE TABLE "metrics_working_days" (
	"date" date PRIMARY KEY NOT NULL,
	"ordinal" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "metrics_appeal_facts" ADD CONSTRAINT "metrics_appeal_facts_appeal_id_appeals_id_fk" FOREIGN KEY ("appeal_id") REFERENCES "public"."appeals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "metrics_appeal_facts" ADD CONSTRAINT "metrics_appeal_facts_body_id_state_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."state_bodies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "metrics_day_counts" ADD CONSTRAINT "metrics_day_counts_body_id_state_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."state_bodies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "metrics_monthly" ADD CONSTRAINT "metrics_monthly_body_id_state_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."state_bodies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "metrics_appeal_facts_body_month_idx" ON "metrics_appeal_facts" USING btree ("body_id","month");--> statement-breakpoint
CREATE INDEX "metrics_appeal_facts_overdue_idx" ON "metrics_appeal_facts" USING btree ("appeal_id") WHERE "metrics_appeal_facts"."overdue";--> statement-breakpoint
CREATE INDEX "metrics_day_counts_month_idx" ON "metrics_day_counts" USING btree ("measure","month");--> statement-breakpoint
CREATE INDEX "metrics_monthly_month_idx" ON "metrics_monthly" USING btree ("month");--> statement-breakpoint
CREATE INDEX "metrics_monthly_region_month_idx" ON "metrics_monthly" USING btree ("region","month");