CREATE TABLE "metrics_day_histograms" (
	"body_id" uuid NOT NULL,
	"month" date NOT NULL,
	"measure" "metrics_day_measure" NOT NULL,
	"region" text,
	"days" integer[] NOT NULL,
	"counts" integer[] NOT NULL,
	CONSTRAINT "metrics_day_histograms_body_id_month_measure_pk" PRIMARY KEY("body_id","month","measure")
);
--> statement-breakpoint
ALTER TABLE "metrics_day_histograms" ADD CONSTRAINT "metrics_day_histograms_body_id_state_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."state_bodies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "metrics_day_histograms_month_idx" ON "metrics_day_histograms" USING btree ("measure","month");--> statement-breakpoint
INSERT INTO "metrics_day_histograms" ("body_id", "month", "measure", "region", "days", "counts")
SELECT "body_id", "month", "measure", "region", array_agg("days" ORDER BY "days"), array_agg("count" ORDER BY "days")
FROM "metrics_day_counts" GROUP BY "body_id", "month", "measure", "region";--> statement-breakpoint
DROP TABLE "metrics_day_counts" CASCADE;
