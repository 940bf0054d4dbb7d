CREATE TABLE "imported_appeals" (
	"source" text NOT NULL,
	"external_id" text NOT NULL,
	"filed_at" timestamp with time zone NOT NULL,
	"due_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"status" text,
	"agency" text NOT NULL,
	"service_type" text,
	"outcome" text,
	"latitude" double precision,
	"longitude" double precision,
	"row_hash" text NOT NULL,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "imported_appeals_source_external_id_pk" PRIMARY KEY("source","external_id")
);
--> statement-breakpoint
CREATE TABLE "open_data_files" (
	"date" date NOT NULL,
	"path" text NOT NULL,
	"mime_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	CONSTRAINT "open_data_files_date_path_pk" PRIMARY KEY("date","path")
);
--> statement-breakpoint
CREATE TABLE "open_data_snapshots" (
	"date" date PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"manifest" text NOT NULL,
	"key_id" text NOT NULL,
	"public_key_pem" text NOT NULL,
	"signature" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "open_data_files" ADD CONSTRAINT "open_data_files_date_open_data_snapshots_date_fk" FOREIGN KEY ("date") REFERENCES "public"."open_data_snapshots"("date") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "imported_appeals_source_agency_idx" ON "imported_appeals" USING btree ("source","agency");