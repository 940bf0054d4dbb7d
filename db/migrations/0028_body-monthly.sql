CREATE TABLE "metrics_body_monthly" (
	"body_id" uuid NOT NULL,
	"month" date NOT NULL,
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
	CONSTRAINT "metrics_body_monthly_body_id_month_pk" PRIMARY KEY("body_id","month")
);
--> statement-breakpoint
ALTER TABLE "metrics_body_monthly" ADD CONSTRAINT "metrics_body_monthly_body_id_state_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."state_bodies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "metrics_body_monthly_month_idx" ON "metrics_body_monthly" USING btree ("month");--> statement-breakpoint
CREATE INDEX "metrics_body_monthly_region_month_idx" ON "metrics_body_monthly" USING btree ("region","month");--> statement-breakpoint
INSERT INTO "metrics_body_monthly" ("body_id", "month", "region", "received", "application", "message", "response", "proposal", "request", "complaint", "due", "answered", "on_time", "overdue", "forwarded", "ping_pong", "extended", "clarified", "rated", "resolved", "partly", "not_resolved", "quality_sum", "heard", "complained", "complaint_upheld", "formal", "declined", "hidden", "redacted", "reversed")
SELECT "body_id", "month", "region", sum("received"), sum("application"), sum("message"), sum("response"), sum("proposal"), sum("request"), sum("complaint"), sum("due"), sum("answered"), sum("on_time"), sum("overdue"), sum("forwarded"), sum("ping_pong"), sum("extended"), sum("clarified"), sum("rated"), sum("resolved"), sum("partly"), sum("not_resolved"), sum("quality_sum"), sum("heard"), sum("complained"), sum("complaint_upheld"), sum("formal"), sum("declined"), sum("hidden"), sum("redacted"), sum("reversed")
FROM "metrics_monthly" GROUP BY "body_id", "month", "region";
