import fs from 'node:fs';
import path from 'node:path';
import { SaxesParser } from 'saxes';
import { corpusFiles } from '../support/corpus';

export type Syntax = 'ubl' | 'cii';
export type Outcome = 'success' | 'error' | 'warning';
const OUTCOMES: readonly string[] = ['success', 'error', 'warning'];

/** One document to validate: an official example, or one `<test>` of a vefa per-rule testSet. */
export interface OracleCase {
  name: string;
  syntax: Syntax;
  xml: string;
  /** The testSet's own expectations (none for examples, which must be clean). */
  expects: { rule: string; outcome: Outcome }[];
}

const EN16931 = 'ConnectingEurope/eInvoicing-EN16931';

export function officialCases(): OracleCase[] {
  const cases: OracleCase[] = [];
  for (const syntax of ['ubl', 'cii'] as const) {
    for (const file of corpusFiles(`${EN16931}/${syntax}/examples`, /\.xml$/i)) {
      cases.push({
        name: `${syntax}/examples/${path.basename(file)}`,
        syntax,
        xml: fs.readFileSync(file, 'utf8'),
        expects: [],
      });
    }
  }
  for (const folder of ['Invoice-unit-UBL', 'CreditNote-unit-UBL', 'cii']) {
    const syntax: Syntax = folder === 'cii' ? 'cii' : 'ubl';
    for (const file of corpusFiles(`${EN16931}/test/${folder}`, /\.xml$/i)) {
      testSetCases(fs.readFileSync(file, 'utf8')).forEach((c, i) =>
        cases.push({ ...c, syntax, name: `test/${folder}/${path.basename(file)}#${i + 1}` }),
      );
    }
  }
  return cases;
}

/**
 * Splits a vefa testSet into its documents. Each `<test>` holds an `<assert>` and then one document;
 * the document is cut out of the source text as written, and namespace declarations it inherits from
 * enclosing elements are copied onto its root so it stands alone.
 */
export function testSetCases(text: string): Omit<OracleCase, 'name' | 'syntax'>[] {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const out: Omit<OracleCase, 'name' | 'syntax'>[] = [];
  const scopes: Record<string, string>[] = [];
  const names: string[] = [];
  let docStart = -1;
  let docDepth = -1;
  let docInherited: Record<string, string> = {};
  let assertText = '';
  let inAssertChild: string | undefined;
  let tagStart = 0;
  parser.on('opentagstart', () => {
    tagStart = text.lastIndexOf('<', parser.position - 1);
  });
  parser.on('opentag', (tag) => {
    const declared = tag.ns ?? {};
    const parentScope = scopes[scopes.length - 1] ?? {};
    scopes.push({ ...parentScope, ...declared });
    names.push(tag.local ?? tag.name);
    const depth = names.length;
    if (docStart < 0 && depth === 3 && names[1] === 'test' && tag.local !== 'assert') {
      docStart = tagStart;
      docDepth = depth;
      docInherited = Object.fromEntries(Object.entries(parentScope).filter(([p]) => !(p in declared)));
    }
    if (depth === 2 && tag.local === 'test') out.push({ xml: '', expects: [] });
    if (depth === 4 && names[2] === 'assert' && names[1] === 'test') inAssertChild = tag.local;
  });
  parser.on('text', (t) => {
    if (inAssertChild && OUTCOMES.includes(inAssertChild)) assertText += t;
  });
  parser.on('closetag', () => {
    const depth = names.length;
    if (depth === 4) {
      if (inAssertChild && OUTCOMES.includes(inAssertChild)) {
        out[out.length - 1].expects.push({ rule: assertText.trim(), outcome: inAssertChild as Outcome });
        assertText = '';
      }
      inAssertChild = undefined;
    }
    if (depth === docDepth && docStart >= 0) {
      const doc = text.slice(docStart, parser.position);
      const decls = Object.entries(docInherited)
        .filter(([p]) => p !== 'xml')
        .map(([p, uri]) => (p === '' ? ` xmlns="${uri}"` : ` xmlns:${p}="${uri}"`))
        .join('');
      const nameEnd = doc.search(/[\s/>]/);
      const last = out[out.length - 1];
      last.xml = `<?xml version="1.0" encoding="UTF-8"?>\n${doc.slice(0, nameEnd)}${decls}${doc.slice(nameEnd)}`;
      docStart = -1;
      docDepth = -1;
    }
    names.pop();
    scopes.pop();
  });
  parser.write(text).close();
  return out;
}
