-- History is evidence: once written, an event or a sent answer can never be changed or removed,
-- whatever the application does. TRUNCATE is refused too.
CREATE FUNCTION refuse_history_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER appeal_events_append_only BEFORE UPDATE OR DELETE ON appeal_events
  FOR EACH ROW EXECUTE FUNCTION refuse_history_change();
--> statement-breakpoint
CREATE TRIGGER appeal_events_no_truncate BEFORE TRUNCATE ON appeal_events
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_history_change();
--> statement-breakpoint
CREATE TRIGGER appeal_answers_final BEFORE UPDATE OR DELETE ON appeal_answers
  FOR EACH ROW EXECUTE FUNCTION refuse_history_change();
--> statement-breakpoint
CREATE TRIGGER appeal_answers_no_truncate BEFORE TRUNCATE ON appeal_answers
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_history_change();
