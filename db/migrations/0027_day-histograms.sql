CREATE TABLE "metrics_day_histograms" (
	"body_id" uuid NOT NULL,
	"month" date NOT NULL,
	"measure" "metrics_day_measure" NOT NULL,
	"region" text,
	"histogram" text NOT NULL,
	CONSTRAINT "metrics_day_histograms_body_id_month_measure_pk" PRIMARY KEY("body_id","month","measure")
);
--> statement-breakpoint
ALTER TABLE "metrics_day_histograms" ADD CONSTRAINT "metrics_day_histograms_body_id_state_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."state_bodies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "metrics_day_histograms_month_idx" ON "metrics_day_histograms" USING btree ("measure","month");--> statement-breakpoint
INSERT INTO "metrics_day_histograms" ("body_id", "month", "measure", "region", "histogram")
SELECT "body_id", "month", "measure", "region", string_agg("days" || ':' || "count", ' ' ORDER BY "days")
FROM "metrics_day_counts" GROUP BY "body_id", "month", "measure", "region";--> statement-breakpoint
DROP TABLE "metrics_day_counts" CASCADE;
