ALTER TABLE "users" DROP CONSTRAINT "users_username_unique";--> statement-breakpoint
ALTER TABLE "tokens" ADD COLUMN "user_id" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "disabled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "tokens" ADD CONSTRAINT "tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "tokens_user_idx" ON "tokens" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "users_organisation_username_idx" ON "users" USING btree ("organisation_id","username");--> statement-breakpoint
CREATE INDEX "users_username_idx" ON "users" USING btree ("username");--> statement-breakpoint
-- Existing sessions name their user by username, which was unique across organisations until now.
UPDATE "tokens" AS t SET "user_id" = u."id" FROM "users" AS u
  WHERE t."kind" = 'session' AND t."user_id" IS NULL
    AND u."username" = t."actor" AND u."organisation_id" = t."organisation_id";--> statement-breakpoint
-- Every revocation, however it is made (the API, a user disabled, plain SQL), is announced to every
-- API instance listening on this database, which forgets the token at once (decision 145).
CREATE OR REPLACE FUNCTION "kpi_token_revoked_notify"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('kpi_token_revoked', COALESCE(NEW."id", OLD."id"));
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "tokens_revoked_notify" AFTER UPDATE OF "revoked_at", "expires_at" ON "tokens"
  FOR EACH ROW WHEN (NEW."revoked_at" IS DISTINCT FROM OLD."revoked_at" OR NEW."expires_at" IS DISTINCT FROM OLD."expires_at")
  EXECUTE FUNCTION "kpi_token_revoked_notify"();--> statement-breakpoint
CREATE TRIGGER "tokens_deleted_notify" AFTER DELETE ON "tokens"
  FOR EACH ROW EXECUTE FUNCTION "kpi_token_revoked_notify"();
