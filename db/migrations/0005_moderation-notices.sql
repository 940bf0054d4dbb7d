ALTER TYPE "public"."notification_type" ADD VALUE 'moderation_decision';--> statement-breakpoint
ALTER TYPE "public"."notification_type" ADD VALUE 'contest_decided';