import { readXmlTree, type XmlElement } from "@kpi/imports";

export type { XmlElement } from "@kpi/imports";

/** Outcome of {@link parseXml}. */
export type ParseXmlResult = { ok: true; root: XmlElement } | { ok: false; error: string };

/**
 * Parse a CIN census XML message with the import framework's maintained parser (`readXmlTree`,
 * fast-xml-parser): elements by local name (namespace prefixes dropped), their text with entities
 * resolved (a DOCTYPE's internal subset included; `&#x110000;` kept as written), and the line of each
 * opening tag.
 *
 * @param text - the document
 * @returns the root element, or why the document is not well-formed
 * @example
 * ```ts
 * const r = parseXml("<Message><Children/></Message>");
 * r.ok && r.root.children[0]?.name; // "Children"
 * ```
 */
export function parseXml(text: string): ParseXmlResult {
  const tree = readXmlTree(text);
  return tree.ok ? { ok: true, root: tree.root } : { ok: false, error: tree.problem };
}

/**
 * The first child element with a local name, or `undefined`.
 *
 * @param element - the parent
 * @param name - the child's local name
 * @returns the child
 * @example
 * ```ts
 * childElement(child, "ChildIdentifiers")?.line; // 4
 * ```
 */
export function childElement(element: XmlElement, name: string): XmlElement | undefined {
  return element.children.find((c) => c.name === name);
}

/**
 * Every child element with a local name.
 *
 * @param element - the parent
 * @param name - the children's local name
 * @returns the children, in document order
 * @example
 * ```ts
 * childElements(cinDetails, "Assessments").length; // 2
 * ```
 */
export function childElements(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((c) => c.name === name);
}

/**
 * The text of the first child element with a local name, `""` when there is none.
 *
 * @param element - the parent
 * @param name - the child's local name
 * @returns its text
 * @example
 * ```ts
 * childText(identifiers, "LAchildID"); // "A1"
 * ```
 */
export function childText(element: XmlElement, name: string): string {
  return childElement(element, name)?.text ?? "";
}
