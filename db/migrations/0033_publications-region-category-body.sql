ALTER TABLE "appeal_publications" ADD COLUMN "region" text;--> statement-breakpoint
ALTER TABLE "appeal_publications" ADD COLUMN "category" "appeal_category";--> statement-breakpoint
ALTER TABLE "appeal_publications" ADD COLUMN "body_id" uuid;--> statement-breakpoint
UPDATE "appeal_publications" p SET "region" = a."region", "category" = a."category", "body_id" = a."body_id"
  FROM "appeals" a WHERE a."id" = p."appeal_id";--> statement-breakpoint
ALTER TABLE "appeal_publications" ALTER COLUMN "category" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "appeal_publications" ALTER COLUMN "body_id" SET NOT NULL;--> statement-breakpoint
-- The publication's copy of its appeal's place follows the appeal whoever changes it (a forward, a
-- complaint passed up, an operator's correction, plain SQL): a search filtered by a stale body or region
-- would hide an appeal from the public.
CREATE FUNCTION follow_appeal_place() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE appeal_publications SET region = NEW.region, category = NEW.category, body_id = NEW.body_id
    WHERE appeal_id = NEW.id;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER appeals_place_to_publication AFTER UPDATE OF region, category, body_id ON appeals
  FOR EACH ROW WHEN (OLD.region IS DISTINCT FROM NEW.region OR OLD.category IS DISTINCT FROM NEW.category
    OR OLD.body_id IS DISTINCT FROM NEW.body_id)
  EXECUTE FUNCTION follow_appeal_place();
