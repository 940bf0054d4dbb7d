/**
 * A strict reader of the XML subset Open311 uses (declaration, elements, text, character and predefined
 * entity references; no attributes, comments or CDATA), written independently of the serializer so that
 * a test can catch it producing something a real XML parser would refuse. Throws on anything malformed.
 */
export type XmlNode = { name: string; children: XmlNode[]; text: string };

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function decode(raw: string): string {
  if (raw.includes("<")) throw new Error(`bare '<' in text: ${raw}`);
  return raw.replace(/&([^;]*);?/g, (match, name: string) => {
    if (!match.endsWith(";")) throw new Error(`unterminated entity in: ${raw}`);
    if (name in ENTITIES) return ENTITIES[name] as string;
    const code = /^#x([0-9a-f]+)$/i.exec(name)?.[1] ?? /^#(\d+)$/.exec(name)?.[1];
    if (code === undefined) throw new Error(`unknown entity &${name};`);
    return String.fromCodePoint(name.startsWith("#x") ? Number.parseInt(code, 16) : Number(code));
  });
}

export function parseXml(document: string): XmlNode {
  const declaration = /^<\?xml version="1\.0" encoding="UTF-8"\?>\s*/i.exec(document);
  if (!declaration) throw new Error("missing XML declaration with encoding UTF-8");
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the point is to refuse them
  if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/.test(document)) {
    throw new Error("character not allowed in XML");
  }
  const tokens = document
    .slice(declaration[0].length)
    .split(/(<[^>]*>)/)
    .filter((t) => t !== "");
  const stack: XmlNode[] = [];
  let root: XmlNode | null = null;
  for (const token of tokens) {
    const tag = /^<(\/?)([A-Za-z_][\w.-]*)(\/?)>$/.exec(token);
    if (!tag) {
      if (token.startsWith("<")) throw new Error(`malformed tag ${token}`);
      const top = stack.at(-1);
      if (!top) {
        if (token.trim() !== "") throw new Error(`text outside the root: ${token}`);
        continue;
      }
      top.text += decode(token);
      continue;
    }
    const [, closing, name = "", selfClosing] = tag;
    if (closing) {
      const open = stack.pop();
      if (open?.name !== name) throw new Error(`</${name}> closes <${open?.name}>`);
      continue;
    }
    const node: XmlNode = { name, children: [], text: "" };
    const parent = stack.at(-1);
    if (parent) parent.children.push(node);
    else if (root) throw new Error("more than one root element");
    else root = node;
    if (!selfClosing) stack.push(node);
  }
  if (stack.length > 0 || !root) throw new Error("unclosed elements");
  return root;
}

/** The text of the first child named `name`, for assertions. */
export const childText = (node: XmlNode | undefined, name: string) =>
  node?.children.find((c) => c.name === name)?.text;
