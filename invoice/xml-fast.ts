import type { XmlBudget, XmlElement } from './xml';

/**
 * A fast path for `parseXml`: builds the same tree as saxes for the plain XML invoices are written
 * in (ASCII names, the five predefined entities and character references, comments, CDATA, an XML
 * declaration), in a fraction of saxes' time. It returns undefined on anything else, well-formed or
 * not (a DOCTYPE, a processing instruction, non-ASCII names, any error), and saxes then parses the
 * document and reports exactly as before, so this never decides what is well-formed. A limit of the
 * budget reached in plain XML throws its XmlError at once, as saxes would at the same place.
 */
export function parseCommonXml(text: string, budget: XmlBudget): XmlElement | undefined {
  if (INVALID_CHARS.test(text) || (SURROGATE.test(text) && UNPAIRED_SURROGATE.test(text))) return undefined;
  const src = text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
  let i = 0;
  const declaration = XML_DECLARATION.exec(src);
  if (declaration) i = declaration[0].length;
  else if (src.startsWith('<?')) return undefined;

  let line = 1;
  let lineCountedTo = 0;
  /** The 1-based line of position `at`, counting newlines incrementally (positions only grow). */
  const lineAt = (at: number): number => {
    for (let k = src.indexOf('\n', lineCountedTo); k !== -1 && k < at; k = src.indexOf('\n', k + 1)) line++;
    lineCountedTo = at;
    return line;
  };

  const stack: XmlElement[] = [];
  const scopes: Record<string, string>[] = [{ xml: XML_NS }];
  let root: XmlElement | undefined;
  let done = false;
  while (i < src.length) {
    const lt = src.indexOf('<', i);
    const end = lt === -1 ? src.length : lt;
    if (end > i) {
      const chunk = src.slice(i, end);
      const top = stack[stack.length - 1];
      if (top) {
        const t = decodeText(chunk);
        if (t === undefined) return undefined;
        top.text += t;
        budget.text(top.text.length, lineAt(end));
      } else if (!ONLY_SPACE.test(chunk)) return undefined;
    }
    if (lt === -1) break;
    i = lt;
    const next = src.charCodeAt(i + 1);
    if (next === 0x21 /* ! */) {
      if (src.startsWith('<!--', i)) {
        const close = src.indexOf('--', i + 4);
        if (close === -1 || src.charCodeAt(close + 2) !== 0x3e) return undefined;
        i = close + 3;
      } else if (src.startsWith('<![CDATA[', i)) {
        const top = stack[stack.length - 1];
        const close = src.indexOf(']]>', i + 9);
        if (!top || close === -1) return undefined;
        top.text += src.slice(i + 9, close);
        budget.text(top.text.length, lineAt(close));
        i = close + 3;
      } else return undefined;
      continue;
    }
    if (next === 0x3f /* ? */) return undefined;
    if (next === 0x2f /* / */) {
      // The end tag must repeat the open element's name exactly, then optional space and `>`.
      const top = stack.pop();
      if (!top || !src.startsWith(top.qname, i + 2)) return undefined;
      let j = i + 2 + top.qname.length;
      while (isSpace(src.charCodeAt(j))) j++;
      if (src.charCodeAt(j) !== 0x3e /* > */) return undefined;
      // Pushing grew the array's store by half again plus 16 slots: keep only what it holds.
      if (top.children.length > 0) top.children = top.children.slice();
      if (top.text !== '') top.text = keptText(top.text);
      scopes.pop();
      i = j + 1;
      if (stack.length === 0) done = true;
      continue;
    }
    if (done) return undefined;
    const j = scanName(src, i + 1);
    if (j < 0) return undefined;
    const { qname, prefix, local } = qualifiedName(src.slice(i + 1, j));
    const tag = readAttributes(src, j, scopes[scopes.length - 1], budget.limits.maxAttributes);
    if (!tag) return undefined;
    if (tag.tooMany) budget.attributes(tag.tooMany, lineAt(i));
    budget.element(stack.length + 1, local, lineAt(i));
    const { attrs, scope, selfClosing } = tag;
    i = tag.end;
    const ns = prefix === undefined ? (scope[''] ?? '') : scope[prefix];
    if (ns === undefined) return undefined;
    const parent = stack[stack.length - 1];
    const el: XmlElement = {
      ns,
      name: local,
      qname,
      attrs,
      children: NO_CHILDREN,
      text: '',
      parent,
      line: lineAt(i - 1),
    };
    if (parent) {
      if (parent.children === NO_CHILDREN) parent.children = [el];
      else parent.children.push(el);
    } else root = el;
    if (selfClosing) {
      if (!parent) done = true;
    } else {
      stack.push(el);
      scopes.push(scope);
    }
  }
  return done && stack.length === 0 ? root : undefined;
}

interface StartTag {
  attrs: Record<string, string>;
  /** The namespace bindings in force inside the element (the parent's, unless it declares some). */
  scope: Record<string, string>;
  selfClosing: boolean;
  /** Position just after the tag's `>`. */
  end: number;
  /** Set, to the count reached, when the tag has more attributes than allowed: reading stopped there. */
  tooMany?: number;
}

/** The attributes of a start tag from `j` (just after its name) to its `>`; undefined where not plain XML. */
function readAttributes(
  src: string,
  j: number,
  parentScope: Record<string, string>,
  maxAttributes: number,
): StartTag | undefined {
  let scope = parentScope;
  let count = 0;
  let attrs: Record<string, string> = NO_ATTRIBUTES;
  const prefixed: string[] = [];
  let names: Set<string> | undefined;
  let selfClosing = false;
  for (;;) {
    const before = j;
    while (isSpace(src.charCodeAt(j))) j++;
    const c = src.charCodeAt(j);
    if (c === 0x3e /* > */) {
      j++;
      break;
    }
    if (c === 0x2f /* / */) {
      if (src.charCodeAt(j + 1) !== 0x3e) return undefined;
      selfClosing = true;
      j += 2;
      break;
    }
    // An attribute, which must be preceded by space.
    const nameEnd = j > before ? scanName(src, j) : -1;
    if (nameEnd < 0) return undefined;
    const name = src.slice(j, nameEnd);
    j = nameEnd;
    while (isSpace(src.charCodeAt(j))) j++;
    if (src.charCodeAt(j) !== 0x3d /* = */) return undefined;
    j++;
    while (isSpace(src.charCodeAt(j))) j++;
    const quote = src.charCodeAt(j);
    if (quote !== 0x22 && quote !== 0x27) return undefined;
    const close = src.indexOf(quote === 0x22 ? '"' : "'", j + 1);
    if (close < 0) return undefined;
    const raw = src.slice(j + 1, close);
    j = close + 1;
    if (raw.includes('<')) return undefined;
    names ??= new Set();
    if (names.has(name)) return undefined;
    names.add(name);
    if (++count > maxAttributes) return { attrs, scope, selfClosing, end: j, tooMany: count };
    // Attribute-value normalisation: literal tabs and line ends become spaces, referenced ones stay.
    const normalized = decodeText(LITERAL_SPACE.test(raw) ? raw.replace(LITERAL_SPACES, ' ') : raw);
    if (normalized === undefined) return undefined;
    if (name === 'xmlns' || name.startsWith('xmlns:')) {
      const prefix = name === 'xmlns' ? '' : name.slice(6);
      if (!declarable(prefix, normalized)) return undefined;
      if (scope === parentScope) scope = { ...parentScope };
      scope[prefix] = internName(normalized);
      continue;
    }
    if (name.includes(':')) prefixed.push(name);
    if (attrs === NO_ATTRIBUTES) attrs = {};
    attrs[name] = detached(normalized);
  }
  // Prefixed attributes must be bound, and two of them must not name the same expanded name.
  if (prefixed.length) {
    const expanded = new Set<string>();
    for (const name of prefixed) {
      const colon = name.indexOf(':');
      const uri = scope[name.slice(0, colon)];
      if (uri === undefined) return undefined;
      const key = `${uri} ${name.slice(colon + 1)}`;
      if (expanded.has(key)) return undefined;
      expanded.add(key);
    }
  }
  return { attrs, scope, selfClosing, end: j };
}

/**
 * What most elements hold: no attributes, and (leaves) no children. Shared and frozen: a parsed tree
 * is read, never changed, and a document of 10,000 lines has half a million elements.
 */
const NO_ATTRIBUTES: Record<string, string> = Object.freeze({}) as Record<string, string>;
const NO_CHILDREN: XmlElement[] = Object.freeze([]) as unknown as XmlElement[];

/**
 * V8 keeps the whole string a substring was cut from (of 13 characters or more) for as long as the
 * substring lives: text kept in the tree is copied out, so the document's text (twice its UTF-8 size
 * once one character is not Latin-1) is freed once the tree is built.
 */
function detached(s: string): string {
  return s.length < 13 ? s : Buffer.from(s, 'utf8').toString('utf8');
}

/**
 * An element's text as the tree keeps it. Indentation between child elements is most of the text of
 * an invoice, the same few runs of spaces over and over: those are shared, rather than kept as one
 * string per piece and one more per concatenation; any other text is copied out of the document.
 */
function keptText(text: string): string {
  if (text.length > MAX_SHARED_SPACE || !ONLY_SPACE.test(text)) return detached(text);
  const known = spaces.get(text);
  if (known !== undefined) return known;
  const flat = detached(text);
  if (spaces.size < INTERNED_NAMES) spaces.set(flat, flat);
  return flat;
}

const spaces = new Map<string, string>();
const MAX_SHARED_SPACE = 256;

/**
 * Names and namespace URIs as V8 internalized strings: the rules compare them with the names they
 * test (interned the same way) over and over, and two internalized strings compare by identity
 * instead of character by character. Property keys are internalized, hence the detour.
 */
const interned = new Map<string, string>();
const INTERNED_NAMES = 10_000;

export function internName(s: string): string {
  const known = interned.get(s);
  if (known !== undefined) return known;
  const key = Object.keys({ [s]: true })[0];
  if (interned.size < INTERNED_NAMES) interned.set(key, key);
  return key;
}

interface QualifiedName {
  qname: string;
  prefix: string | undefined;
  local: string;
}

const qualifiedNames = new Map<string, QualifiedName>();

/** An element name split and interned, remembered: a document repeats few names many times. */
function qualifiedName(raw: string): QualifiedName {
  const known = qualifiedNames.get(raw);
  if (known) return known;
  const colon = raw.indexOf(':');
  const qname = internName(raw);
  const name: QualifiedName =
    colon < 0
      ? { qname, prefix: undefined, local: qname }
      : { qname, prefix: raw.slice(0, colon), local: internName(raw.slice(colon + 1)) };
  if (qualifiedNames.size < INTERNED_NAMES) qualifiedNames.set(qname, name);
  return name;
}

const XML_NS = 'http://www.w3.org/XML/1998/namespace';
const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';

/** Characters XML 1.0 forbids (and a byte-order mark, left to saxes); unpaired surrogates below. */
const INVALID_CHARS = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF\uFEFF]/;
const SURROGATE = /[\uD800-\uDFFF]/;
const UNPAIRED_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const XML_DECLARATION =
  /^<\?xml[ \t\n]+version[ \t\n]*=[ \t\n]*(["'])1\.0\1([ \t\n]+encoding[ \t\n]*=[ \t\n]*(["'])[A-Za-z][A-Za-z0-9._-]*\3)?([ \t\n]+standalone[ \t\n]*=[ \t\n]*(["'])(yes|no)\5)?[ \t\n]*\?>/;
const ONLY_SPACE = /^[ \t\n]*$/;
const LITERAL_SPACE = /[\t\n]/;
const LITERAL_SPACES = /[\t\n]/g;
const REFERENCE = /&(?:(lt|gt|amp|quot|apos)|#([0-9]+)|#x([0-9a-fA-F]+));/y;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Character data with its references resolved, or undefined when it holds what saxes would refuse. */
function decodeText(raw: string): string | undefined {
  if (raw.includes(']]>')) return undefined;
  let amp = raw.indexOf('&');
  if (amp === -1) return raw;
  let out = '';
  let from = 0;
  while (amp !== -1) {
    REFERENCE.lastIndex = amp;
    const m = REFERENCE.exec(raw);
    if (!m) return undefined;
    let ch: string;
    if (m[1]) ch = NAMED[m[1]];
    else {
      const code = m[2] ? parseInt(m[2], 10) : parseInt(m[3], 16);
      if (!validCharCode(code)) return undefined;
      ch = String.fromCodePoint(code);
    }
    out += raw.slice(from, amp) + ch;
    from = REFERENCE.lastIndex;
    amp = raw.indexOf('&', from);
  }
  return out + raw.slice(from);
}

/** The end of an ASCII XML name (at most one colon, not first or last) starting at `at`, or -1. */
function scanName(src: string, at: number): number {
  if (!isNameStart(src.charCodeAt(at))) return -1;
  let j = at + 1;
  while (isNameChar(src.charCodeAt(j))) j++;
  if (src.charCodeAt(j) !== 0x3a /* : */) return j;
  if (!isNameStart(src.charCodeAt(j + 1))) return -1;
  j += 2;
  while (isNameChar(src.charCodeAt(j))) j++;
  return j;
}

function isNameStart(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f;
}

function isNameChar(c: number): boolean {
  return isNameStart(c) || (c >= 0x30 && c <= 0x39) || c === 0x2e || c === 0x2d;
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x9 || c === 0xa;
}

function validCharCode(code: number): boolean {
  return (
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  );
}

/** Namespace declarations saxes accepts without comment; anything unusual goes to saxes. */
function declarable(prefix: string, uri: string): boolean {
  if (prefix === 'xml' || prefix === 'xmlns') return false;
  if (uri === XML_NS || uri === XMLNS_NS) return false;
  return prefix === '' || uri !== '';
}
