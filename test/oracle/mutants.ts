import { parseXml, type XmlElement } from '../../invoice/xml';
import type { OracleCase } from './cases';

/**
 * Variants of the official examples, each one small edit away from a valid invoice: an element
 * removed, duplicated, or its value changed (negated, one decimal too many, an unknown code, blank).
 * They reach rules the per-rule test cases leave out and exercise full documents, where rules interact.
 */
export function mutants(examples: OracleCase[], perExample: number): OracleCase[] {
  const out: OracleCase[] = [];
  for (const example of examples) {
    const root = parseXml(example.xml);
    const elements: XmlElement[] = [];
    const walk = (el: XmlElement) => {
      for (const c of el.children) {
        elements.push(c);
        walk(c);
      }
    };
    walk(root);
    const step = Math.max(1, Math.floor(elements.length / perExample));
    for (let i = 0, n = 0; i < elements.length; i += step, n++) {
      const target = elements[i];
      const edit = EDITS[n % EDITS.length];
      const xml = serialize(root, target, edit);
      if (xml)
        out.push({ name: `${example.name}~${edit.name}@${i}`, syntax: example.syntax, xml, expects: [] });
    }
  }
  return out;
}

interface Edit {
  name: string;
  /** The replacement markup for the target, or undefined when the edit does not apply to it. */
  apply(target: XmlElement, write: (el: XmlElement, text?: string) => string): string | undefined;
}

const NUMBER = /^-?\d+(\.\d+)?$/;

const EDITS: Edit[] = [
  { name: 'remove', apply: () => '' },
  { name: 'duplicate', apply: (t, write) => write(t) + write(t) },
  {
    name: 'value',
    apply: (t, write) => {
      if (t.children.length) return undefined;
      const v = t.text.trim();
      if (NUMBER.test(v)) return write(t, v.startsWith('-') ? v.slice(1) : `-${v}`);
      if (/^[A-Z0-9]{1,3}$/.test(v)) return write(t, 'QQ');
      return write(t, '');
    },
  },
  {
    name: 'decimals',
    apply: (t, write) => {
      if (t.children.length) return undefined;
      const v = t.text.trim();
      if (!NUMBER.test(v)) return undefined;
      return write(t, v.includes('.') ? `${v}7` : `${v}.017`);
    },
  },
];

function escape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Writes the tree back with the edit applied; namespaces are all declared on the root. */
function serialize(root: XmlElement, target: XmlElement, edit: Edit): string | undefined {
  const prefixes = new Map<string, string>();
  const collect = (el: XmlElement) => {
    const colon = el.qname.indexOf(':');
    prefixes.set(colon < 0 ? '' : el.qname.slice(0, colon), el.ns);
    el.children.forEach(collect);
  };
  collect(root);
  const write = (el: XmlElement, text?: string, isRoot = false): string => {
    if (el === target && text === undefined && !isRoot) {
      const replaced = edit.apply(el, (t, v) => plain(t, v));
      if (replaced === undefined) throw new NotApplicable();
      return replaced;
    }
    return plain(el, text, isRoot);
  };
  const plain = (el: XmlElement, text?: string, isRoot = false): string => {
    const decls = isRoot
      ? [...prefixes]
          .map(([p, uri]) => (p ? ` xmlns:${p}="${escape(uri)}"` : ` xmlns="${escape(uri)}"`))
          .join('')
      : '';
    const attrs = Object.entries(el.attrs)
      .filter(([q]) => !q.includes(':') || prefixes.has(q.slice(0, q.indexOf(':'))))
      .map(([q, v]) => ` ${q}="${escape(v)}"`)
      .join('');
    const body = el.children.length ? el.children.map((c) => write(c)).join('') : escape(text ?? el.text);
    return `<${el.qname}${decls}${attrs}>${body}</${el.qname}>`;
  };
  try {
    return `<?xml version="1.0" encoding="UTF-8"?>\n${write(root, undefined, true)}`;
  } catch (err) {
    if (err instanceof NotApplicable) return undefined;
    throw err;
  }
}

class NotApplicable extends Error {}
