import fs from 'node:fs';
import path from 'node:path';
import { extractFacturX } from '../../invoice/facturx';
import { closeXsdEngines, validateXsd, XsdSchemaUnavailableError, type XsdSchema } from '../../invoice/xsd';
import { corpusDir, corpusFiles, corpusPath, describeWithCorpus } from '../support/corpus';

const EXAMPLES = 'ConnectingEurope/eInvoicing-EN16931';

afterAll(() => closeXsdEngines());

/** UBL examples hold either root; the schema follows the root element name. */
function ublSchemaOf(xml: string): XsdSchema {
  return /<(\w+:)?CreditNote[\s>]/.test(xml) ? 'ubl-creditnote' : 'ubl-invoice';
}

const fatal = (findings: { severity: string }[]) => findings.filter((f) => f.severity === 'fatal');

describeWithCorpus('validateXsd on the official EN 16931 examples', () => {
  const ubl = corpusFiles(`${EXAMPLES}/ubl/examples`, /\.xml$/i);
  const cii = corpusFiles(`${EXAMPLES}/cii/examples`, /\.xml$/i);

  it('finds all 34 examples', () => {
    expect(ubl.length + cii.length).toBe(34);
  });

  it.each(ubl.map((file) => [path.basename(file), file]))('UBL %s is schema-valid', async (_name, file) => {
    const xml = fs.readFileSync(file, 'utf8');
    expect(await validateXsd(fs.readFileSync(file), ublSchemaOf(xml))).toEqual([]);
  });

  it.each(cii.map((file) => [path.basename(file), file]))('CII %s is schema-valid', async (_name, file) => {
    expect(await validateXsd(fs.readFileSync(file), 'cii')).toEqual([]);
  });
});

describeWithCorpus('validateXsd on broken documents', () => {
  const example = fs.readFileSync(corpusPath(EXAMPLES, 'ubl/examples/ubl-tc434-example1.xml'), 'utf8');
  const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;

  it('reports an element out of order with its line', async () => {
    const issueDate = example.match(/\s*<cbc:IssueDate>[^<]*<\/cbc:IssueDate>/)![0];
    const broken = example
      .replace(issueDate, '')
      .replace('<cbc:CustomizationID>', `${issueDate.trim()}\n    <cbc:CustomizationID>`);
    const findings = await validateXsd(broken, 'ubl-invoice');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'XSD-UBL', severity: 'fatal' });
    expect(findings[0].message).toMatch(/IssueDate'?: This element is not expected/);
    expect(findings[0].location).toBe(`line ${lineOf(broken, '<cbc:IssueDate>')}`);
  });

  it('reports an unknown element with its line', async () => {
    const broken = example.replace('<cbc:ID>', '<cbc:Colour>red</cbc:Colour>\n    <cbc:ID>');
    const findings = await validateXsd(broken, 'ubl-invoice');
    expect(findings[0].message).toContain('Colour');
    expect(findings[0].location).toBe(`line ${lineOf(broken, '<cbc:Colour>')}`);
  });

  it('reports a wrong data type', async () => {
    const broken = example.replace(/<cbc:IssueDate>[^<]*</, '<cbc:IssueDate>17 March 2017<');
    const findings = await validateXsd(broken, 'ubl-invoice');
    expect(findings.map((f) => f.message).join('\n')).toMatch(/IssueDate.*not a valid value.*date/);
  });

  it('reports a UBL invoice checked against the CII schema', async () => {
    const findings = await validateXsd(example, 'cii');
    expect(findings[0]).toMatchObject({ rule: 'XSD-CII', severity: 'fatal' });
    expect(findings[0].message).toMatch(/No matching global declaration|not expected/);
  });

  it('reports a document that is not well-formed', async () => {
    const findings = await validateXsd(example.replace('</cbc:ID>', '</cbc:Id>'), 'ubl-invoice');
    expect(fatal(findings).length).toBeGreaterThan(0);
    expect(findings[0].location).toBe(`line ${lineOf(example, '</cbc:ID>')}`);
  });

  it('refuses a DTD before parsing and an oversized document', async () => {
    const withDtd = example.replace('<Invoice ', '<!DOCTYPE Invoice [<!ENTITY x "y">]>\n<Invoice ');
    expect(await validateXsd(withDtd, 'ubl-invoice')).toEqual([
      { rule: 'XSD-UBL', severity: 'fatal', message: expect.stringMatching(/DOCTYPE/) },
    ]);
    // In any case, and in bytes as well as in text.
    const mixedCase = Buffer.from(withDtd.replace('<!DOCTYPE', '<!DocType'));
    expect(await validateXsd(mixedCase, 'ubl-invoice')).toEqual([
      { rule: 'XSD-UBL', severity: 'fatal', message: expect.stringMatching(/DOCTYPE/) },
    ]);
    const findings = await validateXsd(example, 'ubl-invoice', { maxBytes: 1000 });
    expect(findings[0].message).toMatch(/exceeds the limit of 1000 bytes/);
  });

  it('reads text input as UTF-8 whatever the declaration says', async () => {
    const latin1Declared = example
      .replace('encoding="UTF-8"', 'encoding="ISO-8859-1"')
      .replace(/<cbc:Note>[^<]*</, '<cbc:Note>Café € ✓<');
    expect(await validateXsd(latin1Declared, 'ubl-invoice')).toEqual([]);
  });

  it('tells which schema it could not find', async () => {
    await expect(validateXsd(example, 'ubl-invoice', { schemaRoots: ['/nonexistent'] })).rejects.toThrow(
      XsdSchemaUnavailableError,
    );
  });
});

/** EXPECTED.tsv's xsd_observed tokens name the schema as the research helper ran it. */
const OBSERVED_SCHEMA: Record<string, XsdSchema> = {
  cii: 'cii',
  'ubl-invoice': 'ubl-invoice',
  'ubl-creditnote': 'ubl-creditnote',
  'fx-MINIMUM': 'MINIMUM',
  'fx-BASIC-WL': 'BASIC WL',
  'fx-BASIC': 'BASIC',
  'fx-EN16931': 'EN 16931',
  'fx-EXTENDED': 'EXTENDED',
};

interface ObservedCase {
  file: string;
  schema: XsdSchema;
  verdict: 'OK' | 'ERR';
}

function observedCases(): ObservedCase[] {
  const lines = fs.readFileSync(path.join(corpusDir, 'EXPECTED.tsv'), 'utf8').split('\n');
  const header = lines.find((line) => line.startsWith('path\t'))!.split('\t');
  const column = header.indexOf('xsd_observed');
  const cases: ObservedCase[] = [];
  for (const line of lines.filter((l) => l && !l.startsWith('#') && !l.startsWith('path\t'))) {
    const cells = line.split('\t');
    for (const token of (cells[column] ?? '').split(' ').filter(Boolean)) {
      // "factur-x.xml=cii:OK" names the attachment; every PDF here has one invoice XML, which extraction finds.
      const [schemaToken, verdict] = token.replace(/^[^=]*=/, '').split(':');
      cases.push({ file: cells[0], schema: OBSERVED_SCHEMA[schemaToken], verdict: verdict as 'OK' | 'ERR' });
    }
  }
  return cases;
}

describeWithCorpus('validateXsd agrees with EXPECTED.tsv xsd_observed', () => {
  const cases = fs.existsSync(path.join(corpusDir, 'EXPECTED.tsv')) ? observedCases() : [];

  it('reads every observation', () => {
    expect(cases.length).toBeGreaterThan(100);
    expect(cases.every((c) => c.schema !== undefined)).toBe(true);
    expect(cases.filter((c) => c.verdict === 'ERR')).toHaveLength(2);
  });

  it.each(cases.map((c) => [c.file, c.schema, c.verdict, c] as const))(
    '%s against %s: %s',
    async (_file, schema, verdict, { file }) => {
      const bytes = fs.readFileSync(corpusPath(file));
      const xml = /\.pdf$/i.test(file) ? (await extractFacturX(bytes)).xml : bytes;
      const findings = fatal(await validateXsd(xml, schema));
      if (verdict === 'OK') expect(findings).toEqual([]);
      else expect(findings.length).toBeGreaterThan(0);
    },
  );
});
