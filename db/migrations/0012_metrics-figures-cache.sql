-- Unlogged: a cache needs no write-ahead log, and after a crash it is rebuilt from the summaries.
CREATE UNLOGGED TABLE "metrics_figures_cache" (
	"key" text PRIMARY KEY NOT NULL,
	"refreshed_at" timestamp with time zone NOT NULL,
	"value" jsonb NOT NULL
);
