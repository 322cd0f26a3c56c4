/**
 * A tiny deterministic XML builder for the UBL and CII writers. Builders return undefined for absent
 * terms so optional elements vanish, while an empty-string term still yields an (empty) element:
 * absent and empty stay distinct through a write/read round trip.
 */
export interface XmlNode {
  name: string;
  attrs: [string, string][];
  text?: string;
  children: XmlNode[];
}

type Attrs = Record<string, string | undefined>;
type Child = XmlNode | undefined | Child[];

function attrList(attrs: Attrs): [string, string][] {
  return Object.entries(attrs).filter((e): e is [string, string] => e[1] !== undefined);
}

/** A text element, or undefined when the value is absent. */
export function leaf(name: string, value: string | undefined, attrs: Attrs = {}): XmlNode | undefined {
  return value === undefined ? undefined : { name, attrs: attrList(attrs), text: value, children: [] };
}

/** An element with children, or undefined when none of them is present. */
export function node(name: string, ...children: Child[]): XmlNode | undefined {
  const kids = children.flat(Infinity as 1).filter((c): c is XmlNode => c !== undefined);
  return kids.length ? { name, attrs: [], children: kids } : undefined;
}

/** An element written even when all its children are absent (mandatory in the schema). */
export function always(name: string, ...children: Child[]): XmlNode {
  return node(name, ...children) ?? { name, attrs: [], children: [] };
}

/** Present (possibly empty) when `present` is true, whatever its children. */
export function when(present: boolean, name: string, ...children: Child[]): XmlNode | undefined {
  return present ? always(name, ...children) : undefined;
}

export function withAttrs(el: XmlNode | undefined, attrs: Attrs): XmlNode | undefined {
  if (el) el.attrs.push(...attrList(attrs));
  return el;
}

function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
}

function escapeAttr(s: string): string {
  return escapeText(s).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;');
}

/** Serialises with two-space indentation; namespace declarations go on the root element. */
export function serializeXml(root: XmlNode, namespaces: Record<string, string>): string {
  const decls: [string, string][] = Object.entries(namespaces).map(([prefix, uri]) => [
    prefix ? `xmlns:${prefix}` : 'xmlns',
    uri,
  ]);
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>\n'];
  const write = (el: XmlNode, depth: number, extra: [string, string][]) => {
    const pad = '  '.repeat(depth);
    const attrs = [...extra, ...el.attrs].map(([k, v]) => ` ${k}="${escapeAttr(v)}"`).join('');
    if (el.children.length) {
      out.push(`${pad}<${el.name}${attrs}>\n`);
      for (const c of el.children) write(c, depth + 1, []);
      out.push(`${pad}</${el.name}>\n`);
    } else if (el.text) {
      out.push(`${pad}<${el.name}${attrs}>${escapeText(el.text)}</${el.name}>\n`);
    } else {
      out.push(`${pad}<${el.name}${attrs}/>\n`);
    }
  };
  write(root, 0, decls);
  return out.join('');
}
