import type { XmlElement } from '../../xml';
import { DocNode, XPathError } from './values';

/**
 * The documents rules may read with `document(name)`: the Factur-X code lists, which the published
 * Schematron looks up as `document('…_codedb.xml')/codedb/cl[@id=N]/enumeration[@value=$code]`. They
 * are kept as data and rebuilt here into the same tree, so those tests run exactly as written.
 */
const documents = new Map<string, DocNode>();

export function registerCodeListDocument(name: string, lists: Record<string, string[]>): void {
  if (documents.has(name)) return;
  const element = (local: string, attrs: Record<string, string>, parent?: XmlElement): XmlElement => {
    const el: XmlElement = {
      ns: '',
      name: local,
      qname: local,
      attrs,
      children: [],
      text: '',
      parent,
      line: 0,
    };
    parent?.children.push(el);
    return el;
  };
  const root = element('codedb', {});
  for (const [id, values] of Object.entries(lists)) {
    const cl = element('cl', { id }, root);
    for (const value of values) element('enumeration', { value }, cl);
  }
  documents.set(name, new DocNode(root));
}

export function codeListDocument(name: string): DocNode {
  const doc = documents.get(name);
  if (!doc) throw new XPathError(`document('${name}') is not available`);
  return doc;
}
