/**
 * The rule tests generated as JavaScript (invoice/validate/xpath/generate.ts) against the closure
 * interpreter they were generated from, the reference: on every corpus document (UBL, CII, the XML of
 * the Factur-X PDFs), every document of the official per-rule test sets, and the generated conversion
 * variants, for every rule set of the matching syntax, the findings (rule, severity, location, message)
 * must be the same, in the same order.
 */
import fs from 'node:fs';
import { toCii } from '../../invoice/cii/write';
import { extractFacturX } from '../../invoice/facturx';
import { toUbl } from '../../invoice/ubl/write';
import {
  ciiSchematron,
  facturXBasicSchematron,
  facturXBasicWlSchematron,
  facturXEn16931Schematron,
  facturXExtendedSchematron,
  facturXMinimumSchematron,
  frCiiSchematron,
  frUblSchematron,
  peppolUblSchematron,
  ublSchematron,
} from '../../invoice/validate/rules';
import type { SchematronSchema } from '../../invoice/validate/rules/types';
import { compileSchematron, runSchematron, type CompiledSchematron } from '../../invoice/validate/schematron';
import { parseXml, type XmlElement } from '../../invoice/xml';
import { officialCases } from '../oracle/cases';
import { corpusPath, describeWithCorpus } from '../support/corpus';
import { corpusDocuments } from './conversion-corpus';
import { variantInvoice, VARIANTS } from './conversion-variants';

type Syntax = 'ubl' | 'cii';

const SCHEMAS: [string, Syntax, SchematronSchema][] = [
  ['EN 16931 UBL', 'ubl', ublSchematron],
  ['EN 16931 CII', 'cii', ciiSchematron],
  ['Factur-X MINIMUM', 'cii', facturXMinimumSchematron],
  ['Factur-X BASIC WL', 'cii', facturXBasicWlSchematron],
  ['Factur-X BASIC', 'cii', facturXBasicSchematron],
  ['Factur-X EN 16931', 'cii', facturXEn16931Schematron],
  ['Factur-X EXTENDED', 'cii', facturXExtendedSchematron],
  ['Peppol BIS UBL', 'ubl', peppolUblSchematron],
  ['BR-FR UBL', 'ubl', frUblSchematron],
  ['BR-FR CII', 'cii', frCiiSchematron],
];

interface Doc {
  name: string;
  syntax: Syntax;
  root: XmlElement;
}

function syntaxOf(root: XmlElement): Syntax | undefined {
  if (root.ns.startsWith('urn:oasis:names:specification:ubl:schema:xsd:')) return 'ubl';
  if (root.ns === 'urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100') return 'cii';
  return undefined;
}

function add(docs: Doc[], name: string, xml: string | Uint8Array): void {
  let root: XmlElement;
  try {
    root = parseXml(xml);
  } catch {
    return; // Not well-formed: no rule runs on it.
  }
  const syntax = syntaxOf(root);
  if (syntax) docs.push({ name, syntax, root });
}

async function documents(): Promise<Doc[]> {
  const docs: Doc[] = [];
  for (const file of corpusDocuments()) {
    const bytes = fs.readFileSync(corpusPath(file));
    if (/\.pdf$/i.test(file)) {
      try {
        add(docs, file, (await extractFacturX(bytes)).xml);
      } catch {
        // A PDF without readable Factur-X XML has nothing for the rules.
      }
    } else add(docs, file, bytes);
  }
  for (const c of officialCases()) add(docs, c.name, c.xml);
  for (const spec of VARIANTS) {
    const invoice = variantInvoice(spec);
    add(docs, `variant ${spec.name} (UBL)`, toUbl(invoice));
    add(docs, `variant ${spec.name} (CII)`, toCii(invoice));
  }
  return docs;
}

/** The findings, or the error a run ends with, as comparable text. */
function outcome(compiled: CompiledSchematron, root: XmlElement): string {
  try {
    return JSON.stringify(
      runSchematron(compiled, root).map((f) => [f.rule, f.severity, f.location, f.message]),
    );
  } catch (err) {
    return `error: ${(err as Error).message}`;
  }
}

describeWithCorpus('rule tests generated as JavaScript', () => {
  let docs: Doc[] = [];
  beforeAll(async () => {
    docs = await documents();
  }, 120_000);

  it('reads documents of both syntaxes from the corpus, the test sets and the variants', () => {
    expect(docs.filter((d) => d.syntax === 'ubl').length).toBeGreaterThan(100);
    expect(docs.filter((d) => d.syntax === 'cii').length).toBeGreaterThan(50);
    expect(docs.filter((d) => d.name.startsWith('variant ')).length).toBe(VARIANTS.length * 2);
  });

  it.each(SCHEMAS)('%s: same findings as the interpreter on every document', (_name, syntax, schema) => {
    const generated = compileSchematron(schema, { engine: 'generated' });
    const interpreted = compileSchematron(schema, { engine: 'interpreter' });
    expect(generated.engine.name).toBe('generated');
    expect(generated.engine.tests).toBe(interpreted.engine.tests);
    const differing = docs
      .filter((d) => d.syntax === syntax)
      .filter((d) => outcome(generated, d.root) !== outcome(interpreted, d.root))
      .map((d) => d.name);
    expect(differing).toEqual([]);
  });

  it('writes most of each test as JavaScript, tests of one shape sharing a function', () => {
    for (const schema of [ublSchematron, ciiSchematron]) {
      const { engine } = compileSchematron(schema, { engine: 'generated' });
      // Sub-expressions left to the interpreter: fewer than one test in two.
      expect(engine.fallbacks).toBeLessThan(engine.tests / 2);
      // The syntax rules alone are hundreds of tests written alike (`not(cac:A/cbc:B)`).
      expect(engine.functions).toBeGreaterThan(0);
      expect(engine.functions).toBeLessThan(engine.tests / 4);
    }
  });
});
