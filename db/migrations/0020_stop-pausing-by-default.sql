-- No confirmed legal basis stops the APPC term while the applicant clarifies (docs/metrics.md, "Parked
-- appeals"): policies still at the seeded value, never changed by an administrator, stop pausing.
UPDATE "deadline_policies" SET "clarification_pauses_clock" = false WHERE "updated_by" IS NULL;
