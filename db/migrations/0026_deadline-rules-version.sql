CREATE TABLE "deadline_rules_version" (
	"one" boolean PRIMARY KEY DEFAULT true NOT NULL,
	"token" uuid DEFAULT gen_random_uuid() NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "deadline_rules_version_one_row" CHECK ("deadline_rules_version"."one")
);
--> statement-breakpoint
INSERT INTO "deadline_rules_version" DEFAULT VALUES;
--> statement-breakpoint
-- Per statement, not per row: one new token per change, however many days it touched.
CREATE FUNCTION renew_deadline_rules_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE deadline_rules_version SET token = gen_random_uuid(), changed_at = now();
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER calendar_days_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON calendar_days
  FOR EACH STATEMENT EXECUTE FUNCTION renew_deadline_rules_version();
--> statement-breakpoint
CREATE TRIGGER deadline_policies_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON deadline_policies
  FOR EACH STATEMENT EXECUTE FUNCTION renew_deadline_rules_version();
--> statement-breakpoint
-- Called inside the filing statement: a deadline computed by rules that have since changed refuses the
-- whole statement (its number included), and the filer reloads the rules and tries again.
CREATE FUNCTION require_deadline_rules_version(expected uuid) RETURNS boolean LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM deadline_rules_version WHERE token = expected) THEN
    RAISE EXCEPTION 'the calendar or the deadline policies changed' USING ERRCODE = 'TY001';
  END IF;
  RETURN true;
END;
$$;

