-- A published snapshot is evidence: once written, its manifest and files can never be changed or removed,
-- whatever the application does (docs/open-data.md). refuse_history_change() is from 0002.
CREATE TRIGGER open_data_snapshots_immutable BEFORE UPDATE OR DELETE ON open_data_snapshots
  FOR EACH ROW EXECUTE FUNCTION refuse_history_change();
--> statement-breakpoint
CREATE TRIGGER open_data_snapshots_no_truncate BEFORE TRUNCATE ON open_data_snapshots
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_history_change();
--> statement-breakpoint
CREATE TRIGGER open_data_files_immutable BEFORE UPDATE OR DELETE ON open_data_files
  FOR EACH ROW EXECUTE FUNCTION refuse_history_change();
--> statement-breakpoint
CREATE TRIGGER open_data_files_no_truncate BEFORE TRUNCATE ON open_data_files
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_history_change();
