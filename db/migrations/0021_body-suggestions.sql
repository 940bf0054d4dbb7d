CREATE TABLE "body_suggestion_bodies" (
	"body_id" uuid PRIMARY KEY NOT NULL,
	"documents" real NOT NULL,
	"tokens" real NOT NULL,
	"trained_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "body_suggestion_features" (
	"feature" integer NOT NULL,
	"body_id" uuid NOT NULL,
	"count" real NOT NULL,
	CONSTRAINT "body_suggestion_features_feature_body_id_pk" PRIMARY KEY("feature","body_id")
);
--> statement-breakpoint
ALTER TABLE "body_suggestion_bodies" ADD CONSTRAINT "body_suggestion_bodies_body_id_state_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."state_bodies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "body_suggestion_features" ADD CONSTRAINT "body_suggestion_features_body_id_state_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."state_bodies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "body_suggestion_bodies_trained_idx" ON "body_suggestion_bodies" USING btree ("trained_at");