-- The moderation log and its checkpoints are append-only for everyone, the application included.
CREATE TRIGGER moderation_log_append_only BEFORE UPDATE OR DELETE ON moderation_log
  FOR EACH ROW EXECUTE FUNCTION refuse_history_change();
--> statement-breakpoint
CREATE TRIGGER moderation_log_no_truncate BEFORE TRUNCATE ON moderation_log
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_history_change();
--> statement-breakpoint
CREATE TRIGGER log_checkpoints_append_only BEFORE UPDATE OR DELETE ON log_checkpoints
  FOR EACH ROW EXECUTE FUNCTION refuse_history_change();
--> statement-breakpoint
CREATE TRIGGER log_checkpoints_no_truncate BEFORE TRUNCATE ON log_checkpoints
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_history_change();
--> statement-breakpoint
-- A change of what the public sees must cite a new log entry about the same appeal: no silent gatekeeping.
CREATE FUNCTION require_moderation_log_entry() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF NEW.visibility = 'pending' AND NEW.redactions = '[]'::jsonb THEN
      RETURN NEW;
    END IF;
  ELSIF NEW.visibility = OLD.visibility AND NEW.redactions = OLD.redactions THEN
    RETURN NEW;
  ELSIF NEW.log_seq IS NOT DISTINCT FROM OLD.log_seq THEN
    RAISE EXCEPTION 'visibility of appeal % changed without a moderation log entry', NEW.appeal_id
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF NOT EXISTS (SELECT 1 FROM moderation_log WHERE seq = NEW.log_seq AND appeal_id = NEW.appeal_id) THEN
    RAISE EXCEPTION 'visibility of appeal % cites no log entry about it', NEW.appeal_id
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER appeal_publications_need_log_entry BEFORE INSERT OR UPDATE ON appeal_publications
  FOR EACH ROW EXECUTE FUNCTION require_moderation_log_entry();
--> statement-breakpoint
-- Deleting a publication row would also be a silent change of visibility.
CREATE TRIGGER appeal_publications_no_delete BEFORE DELETE ON appeal_publications
  FOR EACH ROW EXECUTE FUNCTION refuse_history_change();
