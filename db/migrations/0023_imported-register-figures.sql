CREATE TABLE "imported_registers" (
	"source" text PRIMARY KEY NOT NULL,
	"time_zone" text NOT NULL,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL,
	"figures" jsonb,
	"figures_calendar" text
);
--> statement-breakpoint
ALTER TABLE "imported_appeals" ADD COLUMN "filed_on" date;--> statement-breakpoint
ALTER TABLE "imported_appeals" ADD COLUMN "closed_on" date;--> statement-breakpoint
-- Rows imported before registers kept their time zone: their days are the Almaty days the figures counted
-- them on until now; importing the register again rewrites them in its own zone.
UPDATE "imported_appeals" SET "filed_on" = ("filed_at" AT TIME ZONE 'Asia/Almaty')::date, "closed_on" = ("closed_at" AT TIME ZONE 'Asia/Almaty')::date;--> statement-breakpoint
ALTER TABLE "imported_appeals" ALTER COLUMN "filed_on" SET NOT NULL;--> statement-breakpoint
INSERT INTO "imported_registers" ("source", "time_zone", "imported_at")
	SELECT "source", 'Asia/Almaty', max("imported_at") FROM "imported_appeals" GROUP BY "source";

