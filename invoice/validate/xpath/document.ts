import type { XmlElement } from '../../xml';
import type { UserFunctions } from './user-functions';
import { DocNode, type Seq } from './values';

/**
 * Per-document evaluation state, built once per validation: document order, which of the names the
 * rules mention occur (most "must not be present" rules are settled by that alone), the elements of
 * each such name (`//name` becomes a lookup), and memoised results of absolute paths, which do not
 * depend on the context node and are shared by many rules.
 */
export interface XPathDocument {
  doc: DocNode;
  /** The schema's global variables for this document, which rule contexts may use too. */
  globals?: Record<string, Seq>;
  /** The functions the schema running on the document defines. */
  functions?: UserFunctions;
  order: Map<XmlElement, number>;
  /** Elements by name id (see `elementNameId`), in document order; undefined when none. */
  named: (XmlElement[] | undefined)[];
  /** 1 for each attribute name id (see `attributeNameId`) used anywhere in the document. */
  attributes: Uint8Array;
  /** Results of absolute paths, by the slot `memoSlot` gave their text. */
  memo: (Seq | undefined)[];
  /**
   * Answers of variable-free predicates per element, by the slot `predicateSlot` gave them, then by
   * the element's place in `order`: 0 not asked yet, 1 false, 2 true. A byte an element rather than a
   * map entry: a predicate of a rule context is asked of every element, and a 9,999-line invoice's
   * 380,000 elements took 20 MB as a map, 0.4 MB so.
   */
  predicates: (Uint8Array | undefined)[];
  /** Name ids numbered before the document was indexed; later ones are looked up by a walk. */
  indexed: { elements: number; attributes: number };
}

// Names and paths are numbered at compile time, so per-document state is flat arrays rather than
// maps keyed by strings, which would hash and compare namespace URIs on every rule evaluation.
const elementIds = new Map<string, Map<string, number>>();
let elementCount = 0;
const attributeIds = new Map<string, number>();
const memoSlots = new Map<string, number>();
const predicateSlots = new Map<string, number>();

export function elementNameId(ns: string, local: string): number {
  let locals = elementIds.get(ns);
  if (!locals) elementIds.set(ns, (locals = new Map()));
  let id = locals.get(local);
  if (id === undefined) locals.set(local, (id = elementCount++));
  return id;
}

/** Attributes are matched by their name as written (the rules only test unprefixed ones). */
export function attributeNameId(qname: string): number {
  let id = attributeIds.get(qname);
  if (id === undefined) attributeIds.set(qname, (id = attributeIds.size));
  return id;
}

/** One slot per distinct absolute path text, so rules sharing a path share its result. */
export function memoSlot(key: string): number {
  let slot = memoSlots.get(key);
  if (slot === undefined) memoSlots.set(key, (slot = memoSlots.size));
  return slot;
}

/** One slot per distinct predicate (its text and namespaces), so rules repeating one share its answers. */
export function predicateSlot(key: string): number {
  let slot = predicateSlots.get(key);
  if (slot === undefined) predicateSlots.set(key, (slot = predicateSlots.size));
  return slot;
}

export function xpathDocument(root: XmlElement): XPathDocument {
  const order = new Map<XmlElement, number>();
  const named: (XmlElement[] | undefined)[] = new Array(elementCount);
  const attributes = new Uint8Array(attributeIds.size);
  let count = 0;
  // Elements mostly share a few namespace strings: remember the last one's names.
  let lastNs: string | undefined;
  let locals: Map<string, number> | undefined;
  const walk = (el: XmlElement) => {
    for (const a in el.attrs) {
      const id = attributeIds.get(a);
      if (id !== undefined) attributes[id] = 1;
    }
    order.set(el, ++count);
    if (el.ns !== lastNs) {
      lastNs = el.ns;
      locals = elementIds.get(el.ns);
    }
    const id = locals?.get(el.name);
    if (id !== undefined) {
      const list = named[id];
      if (list) list.push(el);
      else named[id] = [el];
    }
    const children = el.children;
    for (let i = 0; i < children.length; i++) walk(children[i]);
  };
  walk(root);
  return {
    doc: new DocNode(root),
    order,
    named,
    attributes,
    memo: new Array(memoSlots.size),
    predicates: new Array(predicateSlots.size),
    indexed: { elements: elementCount, attributes: attributeIds.size },
  };
}

/** Elements of a name id in document order, or undefined when the document has none. */
export function elementsNamed(document: XPathDocument, id: number): XmlElement[] | undefined {
  if (id < document.indexed.elements) return document.named[id];
  for (const [ns, locals] of elementIds) {
    for (const [local, other] of locals) {
      if (other !== id) continue;
      const found = [...document.order.keys()].filter((el) => el.ns === ns && el.name === local);
      return found.length ? found : undefined;
    }
  }
  return undefined;
}

export function hasAttributeNamed(document: XPathDocument, id: number): boolean {
  if (id < document.indexed.attributes) return document.attributes[id] === 1;
  const qname = [...attributeIds].find(([, other]) => other === id)?.[0];
  return [...document.order.keys()].some((el) => qname !== undefined && qname in el.attrs);
}
