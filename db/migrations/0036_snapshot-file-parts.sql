CREATE TABLE "open_data_file_parts" (
	"date" date NOT NULL,
	"path" text NOT NULL,
	"part" integer NOT NULL,
	"content" "bytea" NOT NULL,
	CONSTRAINT "open_data_file_parts_date_path_part_pk" PRIMARY KEY("date","path","part")
);
--> statement-breakpoint
ALTER TABLE "open_data_files" ALTER COLUMN "size" SET DATA TYPE bigint;--> statement-breakpoint
ALTER TABLE "open_data_files" ALTER COLUMN "content" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "open_data_file_parts" ADD CONSTRAINT "open_data_file_parts_date_path_open_data_files_date_path_fk" FOREIGN KEY ("date","path") REFERENCES "public"."open_data_files"("date","path") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- The parts of a published file are evidence like the file (0018): never changed or removed.
CREATE TRIGGER open_data_file_parts_immutable BEFORE UPDATE OR DELETE ON open_data_file_parts
  FOR EACH ROW EXECUTE FUNCTION refuse_history_change();
--> statement-breakpoint
CREATE TRIGGER open_data_file_parts_no_truncate BEFORE TRUNCATE ON open_data_file_parts
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_history_change();
