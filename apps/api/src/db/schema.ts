/**
 * The one database schema of the API, shared by the embedded store (PGlite) and PostgreSQL. SQL
 * migrations in `apps/api/drizzle/` are generated from this file with drizzle-kit.
 */
import { sql } from "drizzle-orm";
import {
  bigint,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";

const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();

/**
 * Organisations (local authorities). Every row of data belongs to exactly one. The local authority an
 * organisation is (issue 14) is kept as both its codes, set and cleared together; its name and region
 * are read from the catalogue by the three-digit code, never stored (decision 183).
 */
export const organisations = pgTable(
  "organisations",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    createdAt: createdAt(),
    /** The authority's old three-digit code (DfE's key, e.g. `885`); `null` until set. */
    oldLaCode: text("old_la_code"),
    /** The authority's nine-character code (e.g. `E10000034`), as the catalogue gave it when set. */
    newLaCode: text("new_la_code"),
  },
  (t) => [check("organisations_la_codes_together", sql`(${t.oldLaCode} IS NULL) = (${t.newLaCode} IS NULL)`)],
);

/** Bearer tokens: API tokens and portal sessions. Only the SHA-256 hash of a token is stored. */
export const tokens = pgTable(
  "tokens",
  {
    id: text("id").primaryKey(),
    tokenHash: text("token_hash").notNull().unique(),
    name: text("name").notNull(),
    role: text("role", { enum: ["read", "ingest", "analyst", "admin"] }).notNull(),
    kind: text("kind", { enum: ["api", "session"] }).notNull(),
    organisationId: text("organisation_id")
      .notNull()
      .references(() => organisations.id),
    /** Who acts with this token: the token's own name for API tokens, the user's name for sessions. */
    actor: text("actor").notNull(),
    createdBy: text("created_by").notNull(),
    createdAt: createdAt(),
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    /** The staff user a session acts for (`null` for API tokens). */
    userId: text("user_id").references(() => users.id),
  },
  (t) => [index("tokens_organisation_idx").on(t.organisationId), index("tokens_user_idx").on(t.userId)],
);

/**
 * Staff users who sign in to the portal with a username and password (scrypt hash). Usernames are
 * unique within an organisation, so one organisation cannot learn another's (decision 143).
 */
export const users = pgTable(
  "users",
  {
    id: text("id").primaryKey(),
    username: text("username").notNull(),
    passwordHash: text("password_hash").notNull(),
    displayName: text("display_name").notNull(),
    role: text("role", { enum: ["read", "ingest", "analyst", "admin"] }).notNull(),
    organisationId: text("organisation_id")
      .notNull()
      .references(() => organisations.id),
    createdBy: text("created_by").notNull(),
    createdAt: createdAt(),
    /** When an administrator disabled the user: they cannot sign in and their sessions were ended. */
    disabledAt: timestamp("disabled_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("users_organisation_username_idx").on(t.organisationId, t.username),
    index("users_username_idx").on(t.username),
  ],
);

/** Records of every dataset, as validated and pseudonymised; one row per (organisation, dataset, key). */
export const records = pgTable(
  "records",
  {
    organisationId: text("organisation_id")
      .notNull()
      .references(() => organisations.id),
    dataset: text("dataset").notNull(),
    key: text("key").notNull(),
    data: jsonb("data").notNull(),
    batchId: text("batch_id").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.dataset, t.key] })],
);

/** One row per accepted batch of records (rejected batches write nothing). */
export const batches = pgTable(
  "batches",
  {
    id: text("id").primaryKey(),
    organisationId: text("organisation_id")
      .notNull()
      .references(() => organisations.id),
    dataset: text("dataset").notNull(),
    actor: text("actor").notNull(),
    tokenId: text("token_id"),
    mode: text("mode", { enum: ["upsert", "replace", "delete"] }).notNull(),
    received: integer("received").notNull(),
    inserted: integer("inserted").notNull(),
    updated: integer("updated").notNull(),
    unchanged: integer("unchanged").notNull(),
    deleted: integer("deleted").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("batches_organisation_created_idx").on(t.organisationId, t.createdAt)],
);

/**
 * Sources of an organisation's records: for one dataset, the span of dates (`covers_from`–`covers_to`)
 * for which its records are complete, where that claim comes from (`kind`: a statutory return, a
 * declared period, an extract as at `as_of` with history from `history_from`, or inferred from an
 * undeclared batch's records), its name as staff read it, and the batch, person and time it came with.
 * A dataset's coverage is the union of its current sources (those not superseded); a later batch
 * supersedes a source whose span lies inside its own (or, replacing the whole dataset, every source).
 */
export const sources = pgTable(
  "sources",
  {
    id: text("id").primaryKey(),
    organisationId: text("organisation_id")
      .notNull()
      .references(() => organisations.id),
    dataset: text("dataset").notNull(),
    kind: text("kind", { enum: ["statutory", "declared", "extract", "inferred"] }).notNull(),
    name: text("name").notNull(),
    coversFrom: date("covers_from", { mode: "string" }).notNull(),
    coversTo: date("covers_to", { mode: "string" }).notNull(),
    asOf: date("as_of", { mode: "string" }),
    historyFrom: date("history_from", { mode: "string" }),
    /** The batch that recorded it (`null` for sources a migration inferred from stored records). */
    batchId: text("batch_id"),
    actor: text("actor").notNull(),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
    /** The batch that superseded it (`null` while it is current). */
    supersededBy: text("superseded_by"),
    supersededAt: timestamp("superseded_at", { withTimezone: true }),
  },
  (t) => [index("sources_organisation_dataset_idx").on(t.organisationId, t.dataset)],
);

/** Stored responses of requests sent with an `Idempotency-Key`, with the hash of what was sent. */
export const idempotency = pgTable(
  "idempotency",
  {
    organisationId: text("organisation_id")
      .notNull()
      .references(() => organisations.id),
    key: text("key").notNull(),
    requestSha256: text("request_sha256").notNull(),
    response: jsonb("response").notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.key] })],
);

/** Targets per indicator and financial year. History is kept: rows are inserted, never updated. */
export const targets = pgTable(
  "targets",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    organisationId: text("organisation_id")
      .notNull()
      .references(() => organisations.id),
    indicator: text("indicator").notNull(),
    financialYear: text("financial_year").notNull(),
    target: jsonb("target"),
    setBy: text("set_by").notNull(),
    setAt: timestamp("set_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("targets_lookup_idx").on(t.organisationId, t.indicator, t.financialYear, t.setAt)],
);

/** Staff analysis text per report period and section. History is kept: rows are inserted, never updated. */
export const analyses = pgTable(
  "analyses",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    organisationId: text("organisation_id")
      .notNull()
      .references(() => organisations.id),
    period: text("period").notNull(),
    section: text("section").notNull(),
    text: text("text").notNull(),
    /** Who wrote it: the caller's actor (a token's name, a user's username). */
    author: text("author").notNull(),
    /** The author as staff read it: a user's display name (the token's name for API tokens). */
    authorName: text("author_name").notNull(),
    /** The version this one restored, when it was written by reverting to an earlier version. */
    revertedFrom: bigint("reverted_from", { mode: "number" }),
    createdAt: createdAt(),
  },
  (t) => [index("analyses_lookup_idx").on(t.organisationId, t.period, t.section, t.createdAt)],
);

/**
 * Sign-offs of analysis versions. A version is approved while it is the section's latest; a later
 * version (an edit or a revert) is not approved until someone signs it off again. Insert-only.
 */
export const analysisApprovals = pgTable(
  "analysis_approvals",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    organisationId: text("organisation_id")
      .notNull()
      .references(() => organisations.id),
    analysisId: bigint("analysis_id", { mode: "number" })
      .notNull()
      .references(() => analyses.id),
    period: text("period").notNull(),
    approvedBy: text("approved_by").notNull(),
    approvedByName: text("approved_by_name").notNull(),
    approvedAt: timestamp("approved_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("analysis_approvals_lookup_idx").on(t.organisationId, t.period, t.analysisId)],
);

/**
 * A counter per organisation, bumped in every transaction that changes its records, so readers can
 * cache computed figures and know when they are stale.
 */
export const dataVersions = pgTable("data_versions", {
  organisationId: text("organisation_id")
    .primaryKey()
    .references(() => organisations.id),
  version: bigint("version", { mode: "number" }).notNull().default(0),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().default(sql`now()`),
});
