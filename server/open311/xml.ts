/**
 * A tiny XML writer for the Open311 formats: elements and text only, no attributes, no namespaces (the
 * GeoReport v2 XML is "schemaless and without a namespace declaration"). Lists follow the Spark
 * convention the standard uses between its XML and JSON: a JSON array named `services` is an element
 * `<services>` holding one `<service>` per item.
 */
export type XmlValue =
  | string
  | number
  | boolean
  | null
  | undefined
  | readonly XmlValue[]
  | { readonly [name: string]: XmlValue };

const NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
// Characters XML 1.0 cannot carry at all, even escaped: a client's text must not break the document.
// biome-ignore lint/suspicious/noControlCharactersInRegex: the class names exactly the characters XML allows
const NOT_XML_CHAR = /[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function escapeXmlText(text: string): string {
  return text
    .replace(NOT_XML_CHAR, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

function element(name: string, value: XmlValue, itemNames: Readonly<Record<string, string>>): string {
  if (!NAME.test(name)) throw new Error(`not an XML element name: ${name}`);
  if (value === undefined) return "";
  if (value === null) return `<${name}/>`;
  if (Array.isArray(value)) {
    const item = itemNames[name];
    if (!item) throw new Error(`no item element name for the list ${name}`);
    return `<${name}>${value.map((v) => element(item, v, itemNames)).join("")}</${name}>`;
  }
  if (typeof value === "object") {
    const children = Object.entries(value as Record<string, XmlValue>)
      .map(([child, v]) => element(child, v, itemNames))
      .join("");
    return `<${name}>${children}</${name}>`;
  }
  return `<${name}>${escapeXmlText(String(value))}</${name}>`;
}

/** A whole document: the declaration with its encoding, as GeoReport v2 requires, then the root element. */
export function toXmlDocument(
  root: string,
  value: XmlValue,
  itemNames: Readonly<Record<string, string>>,
): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${element(root, value, itemNames)}\n`;
}
