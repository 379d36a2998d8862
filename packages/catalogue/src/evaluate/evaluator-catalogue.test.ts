import { CoreError, indicatorDefinitionSchema } from "@kpi/core";
import { describe, expect, it } from "vitest";
import type { SocialWorkerEpisodeRecord } from "../datasets/schemas.js";
import { catalogue } from "../indicators/catalogue.js";
import type { CatalogueIndicator } from "../indicators/catalogue-indicator.js";
import { contact, covering } from "../indicators/test-records.js";
import { CatalogueError } from "./catalogue-error.js";
import { createEvaluator } from "./evaluator.js";
import { flowCount, stockDistinctChildren } from "./formula-shapes.js";

// Two indicators of our own, in no catalogue: a flow over contacts and a stock over social worker
// episodes (a ranged dataset the evaluator knows as one only from the dataset registry).
const policeContacts: CatalogueIndicator = {
  definition: {
    id: "test.police_contacts",
    title: "Contacts from the police",
    section: "ffd",
    unit: "count",
    polarity: "none",
    kind: "flow",
    definition: "Contacts received from the police (source 6) in the period.",
    sources: ["contacts"],
    breakdowns: ["team"],
  },
  formula: flowCount("contacts", "contact_date", "no contacts were received", (c) => c.source === "6"),
};
const allocatedChildren: CatalogueIndicator = {
  definition: {
    id: "test.children_with_social_worker",
    title: "Children with a social worker allocated",
    section: "cla",
    unit: "count",
    polarity: "none",
    kind: "stock",
    definition: "Children with an allocated social worker at the period's last day.",
    sources: ["social_worker_episodes"],
  },
  formula: stockDistinctChildren("social_worker_episodes", "no children had a social worker allocated"),
};

const police = (child: string, date: string, team: string | null = null) =>
  contact(child, date, null, { source: "6", team });
const contacts = [
  police("A", "2019-04-15"), // Q1
  police("B", "2019-07-02", "North"), // Q2
  police("C", "2019-08-20", "North"), // Q2
  contact("D", "2019-08-21", null, { source: "2A" }), // Q2, schools: not counted
  police("E", "2019-09-30"), // Q2, its last day
  police("F", "2019-10-01", "North"), // Q3
];
const allocation = (
  child_id: string,
  worker_id: string,
  start_date: string,
  end_date: string | null,
): SocialWorkerEpisodeRecord => ({ child_id, worker_id, start_date, end_date, change_reason: null });
const social_worker_episodes = [
  allocation("C1", "W1", "2019-06-01", "2019-08-15"),
  allocation("C1", "W2", "2019-08-15", null),
  allocation("C2", "W1", "2019-07-01", "2019-09-30"),
  allocation("C3", "W3", "2019-09-30", null),
];
const records = { contacts, social_worker_episodes };
const coverage = covering("2019-04-01", "2019-12-31", ["contacts", "social_worker_episodes"]);

function catalogueErrorOf(f: () => unknown): CatalogueError {
  try {
    f();
  } catch (e) {
    if (e instanceof CatalogueError) return e;
    throw e;
  }
  throw new Error("expected a CatalogueError");
}

describe("createEvaluator with a catalogue handed in", () => {
  const evaluator = createEvaluator([policeContacts, allocatedChildren], records, { coverage });
  const value = (id: string, period: string, window: "quarter" | "ytd" = "quarter") =>
    evaluator.evaluate(id, period, window).estimate.value;

  it("evaluates a flow indicator of its own", () => {
    // Police contacts dated 2 Jul, 20 Aug and 30 Sep 2019 fall in Q2 (the schools' contact of 21 Aug
    // does not count); with 15 Apr the year to Q2 holds 4; 1 Oct is the one of Q3.
    expect(value("test.police_contacts", "FY2019-20-Q2")).toBe(3);
    expect(value("test.police_contacts", "FY2019-20-Q2", "ytd")).toBe(4);
    expect(value("test.police_contacts", "FY2019-20-Q3")).toBe(1);
    // By team in Q2: North holds 2 Jul and 20 Aug; 30 Sep has no team.
    const groups = evaluator.evaluate("test.police_contacts", "FY2019-20-Q2", "quarter", {
      by: "team",
    }).groups;
    expect(groups?.map((g) => [g.key, g.estimate.value])).toEqual([
      ["North", 2],
      [null, 1],
    ]);
    // Q4 2019-20 is past the coverage given.
    expect(evaluator.evaluate("test.police_contacts", "FY2019-20-Q4", "quarter").estimate.note).toBe(
      "No value: contacts are loaded for 1 Apr 2019 – 31 Dec 2019.",
    );
  });

  it("evaluates a stock over a dataset the registry says is ranged", () => {
    // At 30 Sep 2019: C1 with W2 (from 15 Aug, open) and C3 (from 30 Sep) — 2 children; C2's allocation
    // ended on 30 Sep, so it is not open at the end of that day. At 30 Jun 2019: C1 with W1 only.
    expect(value("test.children_with_social_worker", "FY2019-20-Q2")).toBe(2);
    expect(value("test.children_with_social_worker", "FY2019-20-Q1")).toBe(1);
    expect(evaluator.evaluate("test.children_with_social_worker", "FY2019-20-Q2", "quarter").sources).toEqual(
      ["social_worker_episodes:2019-04-01"],
    );
  });

  it("lists the definitions it was given, in order, with the schema's defaults", () => {
    expect(evaluator.definitions()).toEqual([
      indicatorDefinitionSchema.parse(policeContacts.definition),
      indicatorDefinitionSchema.parse(allocatedChildren.definition),
    ]);
    expect(evaluator.definitions()[1]?.disclosureThreshold).toBe(5);
  });
});

describe("an evaluator sees only the indicators it was given", () => {
  it("does not know the catalogue's indicators when it was not given them", () => {
    const evaluator = createEvaluator([policeContacts], records, { coverage });
    expect(evaluator.definitions().map((d) => d.id)).toEqual(["test.police_contacts"]);
    // The records hold contacts, but `ffd.contacts` is not among the indicators given.
    const e = catalogueErrorOf(() => evaluator.evaluate("ffd.contacts", "FY2019-20-Q2", "quarter"));
    expect(e.code).toBe("unknown_indicator");
    expect(e.message).toBe("No indicator 'ffd.contacts' in the catalogue or the local indicators.");
    expect(
      catalogueErrorOf(() =>
        evaluator.evaluate("test.children_with_social_worker", "FY2019-20-Q2", "quarter"),
      ).code,
    ).toBe("unknown_indicator");
  });

  it("evaluates part of the catalogue as the whole catalogue does, and nothing else", () => {
    const frontDoor = catalogue.filter((i) => i.definition.section === "ffd");
    const part = createEvaluator(frontDoor, records, { coverage });
    const whole = createEvaluator(catalogue, records, { coverage });
    expect(part.definitions().map((d) => d.id)).toEqual(frontDoor.map((i) => i.definition.id));
    // Contacts of any source in Q2 2019-20: 2 Jul, 20 Aug, 21 Aug and 30 Sep (15 Apr is Q1, 1 Oct Q3).
    expect(part.evaluate("ffd.contacts", "FY2019-20-Q2", "quarter").estimate.value).toBe(4);
    expect(part.evaluate("ffd.contacts", "FY2019-20-Q2", "quarter")).toEqual(
      whole.evaluate("ffd.contacts", "FY2019-20-Q2", "quarter"),
    );
    expect(catalogueErrorOf(() => part.evaluate("cla.starts", "FY2019-20-Q2", "quarter")).code).toBe(
      "unknown_indicator",
    );
    expect(whole.evaluate("cla.starts", "FY2019-20-Q2", "quarter").indicator).toBe("cla.starts");
  });

  it("keeps a local indicator unless one given has its id", () => {
    const local = indicatorDefinitionSchema.parse({
      ...policeContacts.definition,
      id: "local.police_contacts",
      source: "observations",
    });
    const clash = indicatorDefinitionSchema.parse({ ...local, id: "test.police_contacts" });
    const evaluator = createEvaluator([policeContacts], records, {
      coverage,
      localIndicators: [local, clash],
    });
    expect(evaluator.definitions().map((d) => [d.id, d.source])).toEqual([
      ["test.police_contacts", "records"],
      ["local.police_contacts", "observations"],
    ]);
    // The indicator given is computed from the records (3 police contacts in Q2), not from observations.
    expect(evaluator.evaluate("test.police_contacts", "FY2019-20-Q2", "quarter").estimate.value).toBe(3);
  });

  it("refuses two indicators with one id", () => {
    const twice = () =>
      createEvaluator(
        [
          policeContacts,
          {
            ...allocatedChildren,
            definition: { ...allocatedChildren.definition, id: "test.police_contacts" },
          },
        ],
        records,
      );
    expect(twice).toThrow(CoreError);
    expect(twice).toThrow("Two indicators given have the id 'test.police_contacts'.");
  });

  it("evaluates nothing when given nothing", () => {
    const none = createEvaluator([], records, { coverage });
    expect(none.definitions()).toEqual([]);
    expect(
      catalogueErrorOf(() => none.evaluate("test.police_contacts", "FY2019-20-Q2", "quarter")).code,
    ).toBe("unknown_indicator");
    // The records and their coverage are still the evaluator's: the latest covered quarter is Q3.
    expect(none.latestQuarterWithData()).toBe("FY2019-20-Q3");
  });
});
