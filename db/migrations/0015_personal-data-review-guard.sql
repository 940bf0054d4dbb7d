-- What the public reads now includes the reviewed subject and answer: changing their redactions, or
-- marking the answer reviewed, is a change of what the public sees and must cite a new log entry too.
CREATE OR REPLACE FUNCTION require_moderation_log_entry() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF NEW.visibility = 'pending' AND NEW.redactions = '[]'::jsonb AND NEW.subject_redactions = '[]'::jsonb
       AND NEW.answer_redactions = '{}'::jsonb AND NEW.answer_log_seq IS NULL THEN
      RETURN NEW;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM moderation_log WHERE seq = NEW.log_seq AND appeal_id = NEW.appeal_id) THEN
      RAISE EXCEPTION 'visibility of appeal % cites no log entry about it', NEW.appeal_id
        USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
  END IF;
  IF NEW.visibility = OLD.visibility AND NEW.redactions = OLD.redactions
     AND NEW.subject_redactions = OLD.subject_redactions AND NEW.answer_redactions = OLD.answer_redactions
     AND NEW.answer_log_seq IS NOT DISTINCT FROM OLD.answer_log_seq THEN
    RETURN NEW;
  END IF;
  IF NEW.log_seq IS NOT DISTINCT FROM OLD.log_seq AND NEW.answer_log_seq IS NOT DISTINCT FROM OLD.answer_log_seq THEN
    RAISE EXCEPTION 'visibility of appeal % changed without a moderation log entry', NEW.appeal_id
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF NEW.log_seq IS DISTINCT FROM OLD.log_seq
     AND NOT EXISTS (SELECT 1 FROM moderation_log WHERE seq = NEW.log_seq AND appeal_id = NEW.appeal_id) THEN
    RAISE EXCEPTION 'visibility of appeal % cites no log entry about it', NEW.appeal_id
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF NEW.answer_log_seq IS DISTINCT FROM OLD.answer_log_seq
     AND NOT EXISTS (SELECT 1 FROM moderation_log WHERE seq = NEW.answer_log_seq AND appeal_id = NEW.appeal_id) THEN
    RAISE EXCEPTION 'the answer review of appeal % cites no log entry about it', NEW.appeal_id
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$;
