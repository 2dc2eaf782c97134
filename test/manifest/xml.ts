import { XMLParser } from "fast-xml-parser";
import { SaxesParser } from "saxes";

/** An element of a parsed XML document, children in document order, comments dropped. */
export interface XmlElement {
  readonly name: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: readonly XmlElement[];
  readonly text: string;
}

type OrderedNode = Record<string, unknown> & { ":@"?: Record<string, string> };

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: "",
  commentPropName: "#comment",
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
});

function toElement(node: OrderedNode): XmlElement | null {
  const name = Object.keys(node).find((key) => key !== ":@");
  if (!name || name.startsWith("#") || name.startsWith("?")) return null;
  const content = (node[name] ?? []) as OrderedNode[];
  const text = content.map((item) => (typeof item["#text"] === "string" ? item["#text"] : "")).join("");
  const children = content.map(toElement).filter((child): child is XmlElement => child !== null);
  return { name, attrs: node[":@"] ?? {}, children, text };
}

/**
 * Throws unless `xml` is well-formed XML 1.0 with well-formed namespaces. A conforming parser, as
 * Outlook and the admin center use: lenient ones let through, for one, `--` inside a comment.
 */
export function assertWellFormed(xml: string): void {
  const strict = new SaxesParser({ xmlns: true });
  let problem: Error | null = null;
  strict.on("error", (error) => {
    problem ??= error;
  });
  strict.write(xml).close();
  if (problem) throw new Error(`malformed XML: ${(problem as Error).message}`);
}

/** Parses a well-formed document and returns its root element; throws on malformed XML. */
export function parseXml(xml: string): XmlElement {
  assertWellFormed(xml);
  const nodes = parser.parse(xml) as OrderedNode[];
  const roots = nodes.map(toElement).filter((element): element is XmlElement => element !== null);
  if (roots.length !== 1 || !roots[0]) throw new Error(`expected one root element, found ${roots.length}`);
  return roots[0];
}

export function childrenNamed(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((child) => child.name === name);
}

/** The single child of that name; throws (failing the test with the path) when there is not exactly one. */
export function only(element: XmlElement, name: string): XmlElement {
  const found = childrenNamed(element, name);
  if (found.length !== 1 || !found[0]) {
    throw new Error(`<${element.name}> has ${found.length} <${name}> children, expected 1`);
  }
  return found[0];
}

/** The element and all its descendants, depth first. */
export function descendants(element: XmlElement): XmlElement[] {
  return [element, ...element.children.flatMap(descendants)];
}
