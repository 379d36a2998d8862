CREATE TABLE "sources" (
	"id" text PRIMARY KEY NOT NULL,
	"organisation_id" text NOT NULL,
	"dataset" text NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"covers_from" date NOT NULL,
	"covers_to" date NOT NULL,
	"as_of" date,
	"history_from" date,
	"batch_id" text,
	"actor" text NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"superseded_by" text,
	"superseded_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "sources" ADD CONSTRAINT "sources_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sources_organisation_dataset_idx" ON "sources" USING btree ("organisation_id","dataset");--> statement-breakpoint
-- Existing deployments: one inferred source per organisation and dated dataset that has records, with
-- the span the catalogue's inferCoverage gives those records (events and snapshots: earliest to latest
-- placing date, due activities ending no later than the latest completion; ranges: earliest end date,
-- or earliest start when none has ended, to the latest date of either field). Test:
-- apps/api/test/sources-migration.test.ts checks this against inferCoverage.
INSERT INTO "sources" ("id", "organisation_id", "dataset", "kind", "name", "covers_from", "covers_to", "actor")
SELECT gen_random_uuid()::text, s.organisation_id, s.dataset, 'inferred',
       s.noun || ' posted before coverage was recorded (inferred)', s.covers_from::date, s.covers_to::date, 'migration'
FROM (
  SELECT organisation_id, dataset,
    CASE dataset
      WHEN 'contacts' THEN 'contacts' WHEN 'referrals' THEN 'referrals'
      WHEN 'assessments' THEN 'social work assessments' WHEN 's47_enquiries' THEN 'section 47 enquiries'
      WHEN 'due_activities' THEN 'due activities' WHEN 'care_leavers' THEN 'care leaver records'
      WHEN 'workforce' THEN 'workforce snapshots' WHEN 'cp_plans' THEN 'child protection plans'
      WHEN 'cin_plans' THEN 'child in need plans' WHEN 'cla_episodes' THEN 'care episodes'
      WHEN 'missing_episodes' THEN 'missing episodes' WHEN 'vulnerability_flags' THEN 'vulnerability flags'
    END AS noun,
    CASE
      WHEN dataset IN ('cp_plans', 'cin_plans', 'cla_episodes', 'missing_episodes', 'vulnerability_flags')
        THEN coalesce(min(data->>'end_date'), min(data->>'start_date'))
      ELSE min(data->>(CASE dataset
        WHEN 'contacts' THEN 'contact_date' WHEN 'referrals' THEN 'referral_date'
        WHEN 'assessments' THEN 'start_date' WHEN 's47_enquiries' THEN 'start_date'
        WHEN 'due_activities' THEN 'due_date' ELSE 'as_at_date' END))
    END AS covers_from,
    CASE
      WHEN dataset IN ('cp_plans', 'cin_plans', 'cla_episodes', 'missing_episodes', 'vulnerability_flags')
        THEN max(greatest(data->>'start_date', data->>'end_date'))
      WHEN dataset = 'due_activities'
        THEN least(max(data->>'due_date'), coalesce(max(data->>'completed_date'), max(data->>'due_date')))
      ELSE max(data->>(CASE dataset
        WHEN 'contacts' THEN 'contact_date' WHEN 'referrals' THEN 'referral_date'
        WHEN 'assessments' THEN 'start_date' WHEN 's47_enquiries' THEN 'start_date' ELSE 'as_at_date' END))
    END AS covers_to
  FROM "records"
  WHERE dataset IN ('contacts', 'referrals', 'assessments', 's47_enquiries', 'cp_plans', 'cin_plans',
    'cla_episodes', 'care_leavers', 'missing_episodes', 'vulnerability_flags', 'due_activities', 'workforce')
  GROUP BY organisation_id, dataset
) s
WHERE s.covers_from IS NOT NULL AND s.covers_to IS NOT NULL AND s.covers_from <= s.covers_to;
