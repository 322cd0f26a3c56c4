import { parseXml, XmlElement } from '../xml';

/** What a Factur-X reader needs from a PDF's XMP packet. */
export interface XmpFacts {
  pdfa?: { part: number; conformance: string };
  /** fx:/zf: ConformanceLevel as written, e.g. 'EN 16931', 'BASIC WL', 'COMFORT' (ZUGFeRD 1). */
  conformanceLevel?: string;
  /** Set when the packet is not well-formed XML (Mustang reports this as its error 28). */
  error?: string;
}

const PDFAID_NS = 'http://www.aiim.org/pdfa/ns/id/';
/** Factur-X 1.0, ZUGFeRD 2.0/2.1 and ZUGFeRD 1.0 extension namespaces all share this shape. */
const INVOICE_SCHEMA_NS = /^urn:(factur-x|zugferd|ferd):pdfa:CrossIndustryDocument:/;

/**
 * Reads PDF/A identification and the invoice conformance level. XMP properties may be written as
 * elements or as attributes of rdf:Description; both are accepted. XMP is advisory here: an unreadable
 * packet yields no facts and a message rather than a failure, because the embedded XML remains the authority.
 */
export function readXmp(packet: Uint8Array): XmpFacts {
  let root: XmlElement;
  try {
    root = parseXml(packet);
  } catch (err) {
    return { error: `XMP metadata is not well-formed XML: ${(err as Error).message}` };
  }
  // The tree keeps attribute qnames but not xmlns declarations, so prefixes are resolved from the text.
  const prefixes = declaredPrefixes(Buffer.from(packet).toString('utf8'));
  const part = property(root, prefixes, (ns) => ns === PDFAID_NS, 'part');
  const conformance = property(root, prefixes, (ns) => ns === PDFAID_NS, 'conformance');
  const level = property(root, prefixes, (ns) => INVOICE_SCHEMA_NS.test(ns), 'ConformanceLevel');
  const facts: XmpFacts = {};
  if (part && /^\d+$/.test(part))
    facts.pdfa = { part: Number(part), conformance: (conformance ?? '').toUpperCase() };
  if (level) facts.conformanceLevel = level;
  return facts;
}

function declaredPrefixes(text: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const m of text.matchAll(/xmlns:([A-Za-z_][\w.-]*)\s*=\s*["']([^"']*)["']/g)) map.set(m[1], m[2]);
  return map;
}

function property(
  root: XmlElement,
  prefixes: Map<string, string>,
  nsMatches: (ns: string) => boolean,
  local: string,
): string | undefined {
  const stack = [root];
  while (stack.length) {
    const el = stack.pop()!;
    if (el.name === local && nsMatches(el.ns) && el.children.length === 0) return el.text.trim();
    if (el.name === 'Description') {
      for (const [qname, value] of Object.entries(el.attrs)) {
        const [prefix, name] = qname.split(':');
        if (name === local && nsMatches(prefixes.get(prefix) ?? '')) return value.trim();
      }
    }
    stack.push(...[...el.children].reverse());
  }
  return undefined;
}
