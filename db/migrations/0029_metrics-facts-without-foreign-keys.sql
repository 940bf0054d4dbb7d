ALTER TABLE "metrics_appeal_facts" DROP CONSTRAINT "metrics_appeal_facts_appeal_id_appeals_id_fk";
--> statement-breakpoint
ALTER TABLE "metrics_appeal_facts" DROP CONSTRAINT "metrics_appeal_facts_body_id_state_bodies_id_fk";
--> statement-breakpoint
ALTER TABLE "metrics_clock_facts" DROP CONSTRAINT "metrics_clock_facts_appeal_id_appeals_id_fk";
--> statement-breakpoint
ALTER TABLE "metrics_clock_facts" DROP CONSTRAINT "metrics_clock_facts_body_id_state_bodies_id_fk";
--> statement-breakpoint
ALTER TABLE "metrics_forward_facts" DROP CONSTRAINT "metrics_forward_facts_appeal_id_appeals_id_fk";
--> statement-breakpoint
ALTER TABLE "metrics_forward_facts" DROP CONSTRAINT "metrics_forward_facts_from_body_id_state_bodies_id_fk";
