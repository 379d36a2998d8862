import type { StoredAnalysis } from "@kpi/catalogue";
import type { AnalysisVersion } from "@kpi/contract";
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import type { Db, Queryable } from "../db/database.js";
import { analyses, analysisApprovals, users } from "../db/schema.js";
import { ApiError } from "../errors.js";
import type { Caller } from "./roles.js";

type AnalysisRow = typeof analyses.$inferSelect;
type ApprovalRow = typeof analysisApprovals.$inferSelect;

/** Where a section's analysis lives: the organisation, the quarter and the section. */
export interface SectionRef {
  readonly organisationId: string;
  readonly period: string;
  readonly section: string;
}

/** Who acts, as recorded (`actor`) and as staff read it (`name`). */
export interface Person {
  readonly actor: string;
  readonly name: string;
}

/**
 * The person behind a caller, as staff read it: a signed-in user's display name, else the actor (an
 * API token's name, `admin-token`).
 *
 * @param db - the database
 * @param caller - the authenticated caller
 * @returns the actor and the name to show
 * @example
 * ```ts
 * (await personOf(db, caller)).name; // "Demo Analyst"
 * ```
 */
export async function personOf(db: Queryable, caller: Caller): Promise<Person> {
  if (caller.kind !== "session") return { actor: caller.actor, name: caller.actor };
  const [user] = await db
    .select({ displayName: users.displayName })
    .from(users)
    .where(and(eq(users.username, caller.actor), eq(users.organisationId, caller.organisationId)));
  return { actor: caller.actor, name: user?.displayName ?? caller.actor };
}

function toVersion(row: AnalysisRow, approval: ApprovalRow | undefined): AnalysisVersion {
  return {
    version: row.id,
    period: row.period,
    section: row.section,
    text: row.text,
    author: row.authorName,
    updated_at: row.createdAt.toISOString(),
    reverted_from: row.revertedFrom,
    approval:
      approval === undefined
        ? null
        : { approved_by: approval.approvedByName, approved_at: approval.approvedAt.toISOString() },
  };
}

const ofSection = (ref: SectionRef) =>
  and(
    eq(analyses.organisationId, ref.organisationId),
    eq(analyses.period, ref.period),
    eq(analyses.section, ref.section),
  );

async function latestRow(db: Queryable, ref: SectionRef): Promise<AnalysisRow | undefined> {
  const [row] = await db
    .select()
    .from(analyses)
    .where(ofSection(ref))
    .orderBy(desc(analyses.createdAt), desc(analyses.id))
    .limit(1);
  return row;
}

/** The first approval of each of these versions. */
async function approvalsOf(db: Queryable, organisationId: string, ids: readonly number[]) {
  const out = new Map<number, ApprovalRow>();
  if (ids.length === 0) return out;
  const rows = await db
    .select()
    .from(analysisApprovals)
    .where(
      and(
        eq(analysisApprovals.organisationId, organisationId),
        inArray(analysisApprovals.analysisId, [...ids]),
      ),
    )
    .orderBy(asc(analysisApprovals.id));
  for (const r of rows) if (!out.has(r.analysisId)) out.set(r.analysisId, r);
  return out;
}

/**
 * Stores a new version of a section's analysis text, with its author by actor and display name;
 * earlier versions are kept. Being new, it is not approved: a section edited after its sign-off
 * returns to draft until someone approves it again.
 *
 * @param db - the database
 * @param ref - organisation, quarter and section
 * @param text - the text
 * @param author - who writes it
 * @returns the stored version
 * @example
 * ```ts
 * await saveAnalysis(db, { organisationId: "default", period: "FY2019-20-Q2", section: "ffd" }, "Contacts …",
 *   { actor: "jsmith", name: "Jo Smith" });
 * ```
 */
export async function saveAnalysis(
  db: Queryable,
  ref: SectionRef,
  text: string,
  author: Person,
  revertedFrom: number | null = null,
): Promise<AnalysisVersion> {
  const [row] = await db
    .insert(analyses)
    .values({ ...ref, text, author: author.actor, authorName: author.name, revertedFrom })
    .returning();
  if (row === undefined) throw new Error("The analysis was not stored");
  return toVersion(row, undefined);
}

/**
 * Reverts a section's analysis to an earlier version: its text is stored again as a new version (so
 * the history keeps every step, and says which version was restored), written by the person reverting.
 *
 * @param db - the database
 * @param ref - organisation, quarter and section
 * @param version - the version to restore
 * @param author - who reverts
 * @returns the new version
 * @throws ApiError `not_found` when the section has no such version
 * @example
 * ```ts
 * (await revertAnalysis(db, ref, 3, person)).reverted_from; // 3
 * ```
 */
export async function revertAnalysis(
  db: Queryable,
  ref: SectionRef,
  version: number,
  author: Person,
): Promise<AnalysisVersion> {
  const [row] = await db
    .select()
    .from(analyses)
    .where(and(ofSection(ref), eq(analyses.id, version)));
  if (row === undefined)
    throw new ApiError("not_found", `The ${ref.section} analysis of ${ref.period} has no version ${version}`);
  return saveAnalysis(db, ref, row.text, author, row.id);
}

/**
 * Signs off the latest version of a section's analysis. The version is named by the approver, so a
 * version changed since they read it is never approved by mistake; approving a version already
 * approved returns that approval as it is.
 *
 * @param db - the database
 * @param ref - organisation, quarter and section
 * @param version - the version read and approved
 * @param approver - who approves
 * @returns the version with its approval
 * @throws ApiError `conflict` when the section has no staff version, or `version` is not the latest
 * @example
 * ```ts
 * (await approveAnalysis(db, ref, 4, person)).approval?.approved_by; // "Sam Lee"
 * ```
 */
export async function approveAnalysis(
  db: Db,
  ref: SectionRef,
  version: number,
  approver: Person,
): Promise<AnalysisVersion> {
  return db.transaction(async (tx) => {
    const latest = await latestRow(tx, ref);
    if (latest === undefined)
      throw new ApiError(
        "conflict",
        `The ${ref.section} analysis of ${ref.period} has no saved version to approve: save the text first`,
      );
    if (latest.id !== version)
      throw new ApiError(
        "conflict",
        `Version ${version} is not the latest version of the ${ref.section} analysis (${latest.id} is): read it, then approve it`,
      );
    const existing = (await approvalsOf(tx, ref.organisationId, [latest.id])).get(latest.id);
    if (existing !== undefined) return toVersion(latest, existing);
    const [approval] = await tx
      .insert(analysisApprovals)
      .values({
        organisationId: ref.organisationId,
        analysisId: latest.id,
        period: ref.period,
        approvedBy: approver.actor,
        approvedByName: approver.name,
      })
      .returning();
    return toVersion(latest, approval);
  });
}

/**
 * Every stored version of a section's analysis, newest first, each with its approval if it had one.
 *
 * @param db - the database
 * @param ref - organisation, quarter and section
 * @returns the versions
 * @example
 * ```ts
 * (await analysisVersions(db, ref)).length; // 2
 * ```
 */
export async function analysisVersions(db: Queryable, ref: SectionRef): Promise<AnalysisVersion[]> {
  const rows = await db
    .select()
    .from(analyses)
    .where(ofSection(ref))
    .orderBy(desc(analyses.createdAt), desc(analyses.id));
  const approvals = await approvalsOf(
    db,
    ref.organisationId,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toVersion(r, approvals.get(r.id)));
}

/**
 * The latest staff version of each section of a quarter, with its approval when that version is the
 * one approved, as the report builder takes them; with the quarter's rows, whose count and largest id
 * identify the state the report is built from.
 *
 * @param db - the database
 * @param organisationId - the organisation
 * @param period - the quarter
 * @returns the stored analyses per section id, and the row counts and largest ids of versions and approvals
 * @example
 * ```ts
 * (await latestAnalyses(db, "default", "FY2019-20-Q2")).stored.ffd?.approval;
 * ```
 */
export async function latestAnalyses(
  db: Queryable,
  organisationId: string,
  period: string,
): Promise<{
  stored: Record<string, StoredAnalysis>;
  versions: { count: number; maxId: number };
  approvals: { count: number; maxId: number };
}> {
  const [rows, approvalRows] = await Promise.all([
    db
      .select()
      .from(analyses)
      .where(and(eq(analyses.organisationId, organisationId), eq(analyses.period, period)))
      .orderBy(asc(analyses.createdAt), asc(analyses.id)),
    db
      .select()
      .from(analysisApprovals)
      .where(and(eq(analysisApprovals.organisationId, organisationId), eq(analysisApprovals.period, period)))
      .orderBy(asc(analysisApprovals.id)),
  ]);
  const latest = new Map<string, AnalysisRow>();
  for (const row of rows) latest.set(row.section, row);
  const approvals = new Map<number, ApprovalRow>();
  for (const a of approvalRows) if (!approvals.has(a.analysisId)) approvals.set(a.analysisId, a);
  const stored: Record<string, StoredAnalysis> = {};
  for (const [section, row] of latest) {
    const v = toVersion(row, approvals.get(row.id));
    stored[section] = {
      version: v.version,
      text: v.text,
      author: v.author,
      updated_at: v.updated_at,
      approval: v.approval,
    };
  }
  const maxId = (xs: readonly { id: number }[]) => xs.reduce((m, x) => Math.max(m, x.id), 0);
  return {
    stored,
    versions: { count: rows.length, maxId: maxId(rows) },
    approvals: { count: approvalRows.length, maxId: maxId(approvalRows) },
  };
}
