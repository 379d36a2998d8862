import type { XmlElement } from "../read/xml-tree.js";

/** The `<Header>` of a CIN census (or workforce census) message as written. */
export interface CensusHeader {
  readonly collection: string | null;
  readonly year: string | null;
  readonly referenceDate: string | null;
}

/**
 * The `<Header><CollectionDetails>` of a census message.
 *
 * @param root - the message's root element
 * @returns `Collection`, `Year` and `ReferenceDate` as written, `null` when absent
 * @example
 * ```ts
 * const root = { name: "Message", text: "", children: [{ name: "Header", text: "", children: [
 *   { name: "CollectionDetails", text: "", children: [{ name: "Collection", text: "CIN", children: [] }] }] }] };
 * censusHeader(root).collection; // "CIN"
 * ```
 */
export function censusHeader(root: XmlElement): CensusHeader {
  const details = child(child(root, "Header"), "CollectionDetails");
  const text = (name: string) => {
    const e = child(details, name);
    return e === undefined ? null : e.text;
  };
  return { collection: text("Collection"), year: text("Year"), referenceDate: text("ReferenceDate") };
}

function child(e: XmlElement | undefined, name: string): XmlElement | undefined {
  return e?.children.find((c) => c.name === name);
}

/**
 * What a census message's root says it is, or why it is not the census wanted: another return's
 * message is named, with the command that imports it.
 *
 * @param root - the message's root element
 * @param header - its header
 * @param wanted - `CIN` or `CSWW`
 * @returns `null` when it is the census wanted, else the problem
 * @example
 * ```ts
 * notTheCensus({ name: "EXPSSDA903", text: "", children: [] }, { collection: null, year: null, referenceDate: null }, "CIN");
 * // "is an SSDA903 XML message (root <EXPSSDA903>), not the CIN census: import it with kpi import ssda903"
 * ```
 */
export function notTheCensus(root: XmlElement, header: CensusHeader, wanted: "CIN" | "CSWW"): string | null {
  const name = wanted === "CIN" ? "the CIN census" : "the social work workforce census";
  if (root.name === "EXPSSDA903")
    return `is an SSDA903 XML message (root <EXPSSDA903>), not ${name}: import it with kpi import ssda903`;
  if (root.name !== "Message") return `is not ${name} (its root element is <${root.name}>, not <Message>)`;
  const looksLike = root.children.some((c) => c.name === "CSWWWorker" || c.name === "LALevelVacancies")
    ? "CSWW"
    : "CIN";
  const collection = (header.collection ?? looksLike).trim().toUpperCase();
  if (collection === wanted) return null;
  if (collection === "CSWW")
    return `is the social work workforce census (Collection CSWW), not ${name}: import it with kpi import workforce-census`;
  if (collection === "CIN")
    return `is the CIN census (Collection CIN), not ${name}: import it with kpi import cin-census`;
  return `its <Collection> is '${header.collection}', not ${wanted}: it is not ${name}`;
}
