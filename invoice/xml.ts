import { SaxesParser } from 'saxes';
import { parseCommonXml } from './xml-fast';

/**
 * A small, safe XML tree for invoices. Untrusted input: DTDs are refused outright (so no external
 * entities and no entity-expansion bombs), and size and depth are bounded.
 */
export interface XmlElement {
  /** Namespace URI ('' when none). */
  ns: string;
  /** Local name, without prefix. */
  name: string;
  /** Qualified name as written (prefix:local). */
  qname: string;
  /** Attributes by qualified name as written; xmlns declarations excluded. */
  attrs: Record<string, string>;
  children: XmlElement[];
  /** Concatenated character data directly inside this element. */
  text: string;
  parent?: XmlElement;
  /** 1-based line of the start tag, for error locations. */
  line: number;
}

export interface XmlLimits {
  maxBytes: number;
  maxDepth: number;
}

export const DEFAULT_XML_LIMITS: XmlLimits = { maxBytes: 50 * 1024 * 1024, maxDepth: 256 };

export class XmlError extends Error {
  constructor(
    readonly code:
      'XML_NOT_WELL_FORMED' | 'XML_DTD_FORBIDDEN' | 'XML_TOO_LARGE' | 'XML_TOO_DEEP' | 'XML_EMPTY',
    message: string,
    readonly line?: number,
  ) {
    super(message);
    this.name = 'XmlError';
  }
}

export function parseXml(input: string | Uint8Array, limits: XmlLimits = DEFAULT_XML_LIMITS): XmlElement {
  const size = typeof input === 'string' ? Buffer.byteLength(input) : input.byteLength;
  if (size > limits.maxBytes) {
    throw new XmlError(
      'XML_TOO_LARGE',
      `XML document of ${size} bytes exceeds the limit of ${limits.maxBytes}`,
    );
  }
  const text = typeof input === 'string' ? input : decodeXmlBytes(input);
  const common = parseCommonXml(text, limits.maxDepth);
  if (common) return common;
  return parseWithSaxes(text, limits);
}

/** The reference parser: any document, with saxes' well-formedness errors and line numbers. */
export function parseWithSaxes(text: string, limits: XmlLimits = DEFAULT_XML_LIMITS): XmlElement {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let failure: XmlError | undefined;
  const fail = (err: XmlError) => {
    failure ??= err;
  };

  parser.on('doctype', () => {
    fail(new XmlError('XML_DTD_FORBIDDEN', 'DOCTYPE declarations are not accepted in invoices', parser.line));
  });
  parser.on('opentag', (tag) => {
    if (stack.length >= limits.maxDepth) {
      fail(new XmlError('XML_TOO_DEEP', `XML nesting deeper than ${limits.maxDepth}`, parser.line));
      return;
    }
    const attrs: Record<string, string> = {};
    for (const [qname, attr] of Object.entries(tag.attributes)) {
      const a = attr as { prefix: string; local: string; value: string };
      if (a.prefix === 'xmlns' || qname === 'xmlns') continue;
      attrs[qname] = a.value;
    }
    const el: XmlElement = {
      ns: tag.uri ?? '',
      name: tag.local ?? tag.name,
      qname: tag.name,
      attrs,
      children: [],
      text: '',
      parent: stack[stack.length - 1],
      line: parser.line,
    };
    if (el.parent) el.parent.children.push(el);
    else root = el;
    stack.push(el);
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  parser.on('text', (t) => {
    const top = stack[stack.length - 1];
    if (top) top.text += t;
  });
  parser.on('cdata', (t) => {
    const top = stack[stack.length - 1];
    if (top) top.text += t;
  });
  parser.on('error', (err) => {
    fail(new XmlError('XML_NOT_WELL_FORMED', `XML is not well-formed: ${err.message}`, parser.line));
  });

  try {
    parser.write(text).close();
  } catch (err) {
    fail(
      new XmlError('XML_NOT_WELL_FORMED', `XML is not well-formed: ${(err as Error).message}`, parser.line),
    );
  }
  if (failure) throw failure;
  if (!root) throw new XmlError('XML_EMPTY', 'no XML root element found');
  return root;
}

// Decoders hold no state between whole-buffer decode() calls, and creating one costs more than a
// small invoice's decoding.
const LATIN1 = new TextDecoder('latin1');
const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** Decodes bytes as UTF-8 (BOM tolerated) or UTF-16 by BOM; other encodings are refused. */
export function decodeXmlBytes(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const head = LATIN1.decode(bytes.subarray(start, start + 200));
  const declared = /^<\?xml[^>]*encoding\s*=\s*["']([^"']+)["']/.exec(head)?.[1];
  if (declared && !/^utf-?8$/i.test(declared)) {
    if (/^(iso-8859-1|latin-?1|us-ascii|ascii)$/i.test(declared)) {
      return LATIN1.decode(bytes.subarray(start));
    }
    throw new XmlError('XML_NOT_WELL_FORMED', `unsupported XML encoding "${declared}"`, 1);
  }
  try {
    return UTF8.decode(bytes.subarray(start));
  } catch {
    throw new XmlError('XML_NOT_WELL_FORMED', 'XML bytes are not valid UTF-8', 1);
  }
}

/** Child elements with this local name (any namespace unless given). */
export function children(el: XmlElement | undefined, name: string, ns?: string): XmlElement[] {
  if (!el) return [];
  return el.children.filter((c) => c.name === name && (ns === undefined || c.ns === ns));
}

/** First child element with this local name. */
export function child(el: XmlElement | undefined, name: string, ns?: string): XmlElement | undefined {
  return el?.children.find((c) => c.name === name && (ns === undefined || c.ns === ns));
}

/** Follows a path of local names (first match at each step). */
export function at(el: XmlElement | undefined, ...names: string[]): XmlElement | undefined {
  let cur = el;
  for (const n of names) cur = child(cur, n);
  return cur;
}

/** Trimmed text of the element at the path, or undefined when absent. */
export function textAt(el: XmlElement | undefined, ...names: string[]): string | undefined {
  const found = at(el, ...names);
  return found ? found.text.trim() : undefined;
}

/** An XPath-like location for findings, e.g. /Invoice/cac:AccountingSupplierParty[1]. */
export function locationOf(el: XmlElement): string {
  const parts: string[] = [];
  for (let cur: XmlElement | undefined = el; cur; cur = cur.parent) {
    const siblings = cur.parent ? cur.parent.children.filter((c) => c.qname === cur!.qname) : [cur];
    const index = siblings.length > 1 ? `[${siblings.indexOf(cur) + 1}]` : '';
    parts.unshift(cur.qname + index);
  }
  return '/' + parts.join('/');
}
