ALTER TABLE "organisations" ADD COLUMN "old_la_code" text;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "new_la_code" text;--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_la_codes_together" CHECK (("organisations"."old_la_code" IS NULL) = ("organisations"."new_la_code" IS NULL));