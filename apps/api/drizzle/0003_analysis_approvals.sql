CREATE TABLE "analysis_approvals" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "analysis_approvals_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"organisation_id" text NOT NULL,
	"analysis_id" bigint NOT NULL,
	"period" text NOT NULL,
	"approved_by" text NOT NULL,
	"approved_by_name" text NOT NULL,
	"approved_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "analyses" ADD COLUMN "author_name" text;--> statement-breakpoint
-- Existing versions: the author's display name where a user of the organisation has that username,
-- otherwise the recorded author (a token's name) as it is.
UPDATE "analyses" AS a SET "author_name" = coalesce(
	(SELECT u."display_name" FROM "users" AS u WHERE u."username" = a."author" AND u."organisation_id" = a."organisation_id"),
	a."author");--> statement-breakpoint
ALTER TABLE "analyses" ALTER COLUMN "author_name" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "analyses" ADD COLUMN "reverted_from" bigint;--> statement-breakpoint
ALTER TABLE "analysis_approvals" ADD CONSTRAINT "analysis_approvals_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analysis_approvals" ADD CONSTRAINT "analysis_approvals_analysis_id_analyses_id_fk" FOREIGN KEY ("analysis_id") REFERENCES "public"."analyses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "analysis_approvals_lookup_idx" ON "analysis_approvals" USING btree ("organisation_id","period","analysis_id");