import fs from 'node:fs';
import { checkInvoiceFile, type CheckResult } from '../../invoice/check';
import { closeXsdEngines } from '../../invoice/xsd';
import { corpusAvailable, corpusPath, describeWithCorpus } from '../support/corpus';

interface ExpectedRow {
  path: string;
  en16931: string;
  facturx: string;
  xsd: string;
}

/** Corpus documents (not the per-rule test sets) with what the official artefacts say about them. */
function expectedRows(): ExpectedRow[] {
  return fs
    .readFileSync(corpusPath('EXPECTED.tsv'), 'utf8')
    .split('\n')
    .filter((line) => line && !line.startsWith('#') && !line.startsWith('path\t'))
    .map((line) => line.split('\t'))
    .filter((cols) => cols[1] !== 'vefa-testset')
    .map((cols) => ({ path: cols[0], en16931: cols[4], facturx: cols[5], xsd: cols[6] }));
}

const check = (bytes: Uint8Array, rules: 'en16931' | 'platform' | 'all' = 'en16931') =>
  checkInvoiceFile(bytes, { rules });
const checkCorpus = (relative: string) => check(fs.readFileSync(corpusPath(relative)));
const fatalRules = (r: CheckResult) => [
  ...new Set(r.findings.filter((f) => f.severity === 'fatal').map((f) => f.rule)),
];
const UBL_EXAMPLE = 'ConnectingEurope/eInvoicing-EN16931/ubl/examples/ubl-tc434-example1.xml';

afterAll(() => closeXsdEngines());

describeWithCorpus('checkInvoiceFile on the corpus', () => {
  // Read only where the corpus is there; elsewhere describeWithCorpus reports the suite skipped.
  const rows = corpusAvailable ? expectedRows() : [];
  // Documents the official XSLT judged; one whose root the CII XSD rejects is not an invoice to us (below).
  const enRows = rows.filter(
    (r) => (r.en16931 === 'PASS' || r.en16931.startsWith('FAIL:')) && !r.xsd.startsWith('cii:ERR'),
  );

  it.each(enRows.map((r) => [r.path, r]))(
    '%s: fatal rules as the official XSLT and XSDs say',
    async (_p, row) => {
      const result = await checkCorpus(row.path);
      expect(result.invoice).toBeDefined();
      if (['MINIMUM', 'BASIC WL', 'EXTENDED'].includes(result.profile ?? '')) {
        // Not EN 16931 invoices: judged by their profile's official rules, not the standard's.
        expect(result.ruleSets).toEqual([`facturx-${result.profile!.toLowerCase().replace(' ', '')}`]);
        // Where the corpus has no Factur-X verdict (ZUGFeRD 2.0 EXTENDED), test/oracle/facturx.test.ts runs the XSLT.
        if (!row.facturx) return;
        const official = row.facturx.replace(/^[A-Z-]+:/, '');
        const expectedProfileRules =
          official === 'PASS'
            ? []
            : [
                ...new Set(
                  official
                    .slice('FAIL:'.length)
                    .split(',')
                    .map((r) => (r.startsWith('not-allowed') ? 'FX-NOT-ALLOWED' : r)),
                ),
              ];
        expect(
          fatalRules(result)
            .filter((r) => !r.startsWith('XSD-'))
            .sort(),
        ).toEqual(expectedProfileRules.sort());
        const profileXsd = `fx-${result.profile!.replace(' ', '-')}`;
        expect(fatalRules(result).some((r) => r.startsWith('XSD-FX-'))).toBe(
          row.xsd.includes(`${profileXsd}:ERR`),
        );
        return;
      }
      const expected = row.en16931 === 'PASS' ? [] : row.en16931.slice('FAIL:'.length).split(',');
      // The Factur-X profile XSD was run only where the corpus notes say so; ours runs on every profile.
      const schemaFailures = fatalRules(result).filter(
        (r) => r.startsWith('XSD-') && row.xsd.includes(':OK'),
      );
      const ruleFailures = fatalRules(result).filter((r) => !r.startsWith('XSD-'));
      expect(ruleFailures.sort()).toEqual(expected.sort());
      expect(schemaFailures.filter((r) => r !== 'XSD-FX-EN16931' || row.xsd.includes('fx-EN16931'))).toEqual(
        [],
      );
      expect(result.valid).toBe(expected.length === 0 && schemaFailures.length === 0);
    },
  );

  it('reports a PDF as facturx with the profile its XML declares', async () => {
    const result = await checkCorpus('ZUGFeRD/corpus/XML-Rechnung/FX/EN16931_Einfach.pdf');
    expect(result).toMatchObject({ format: 'facturx', profile: 'EN 16931', valid: true, findings: [] });
    expect(result.invoice?.number).toBe('471102');
  });

  it.each([
    ['ZUGFeRD/mustangproject/Mustang-CLI/src/test/resources/EmptyPDFA1.pdf', 'pdf', 'PDF_NO_INVOICE_XML'],
    ['ZUGFeRD/mustangproject/Mustang-CLI/src/test/resources/corrupt-factur-x-waytoosmall.pdf', 'pdf', 'PDF_'],
    [
      'ZUGFeRD/corpus/ZUGFeRDv2/fail/Mustangproject/factur-x-invalid-xml-encoding-attribute.pdf',
      'pdf',
      'XML_',
    ],
    ['ZUGFeRD/corpus/ZUGFeRDv1/correct/Intarsys/ZUGFeRD_1p0_BASIC_Einfach.pdf', 'pdf', 'UNSUPPORTED_FORMAT'],
    ['akretion/factur-x/tests/fixtures/xml/zugferd-basic.xml', 'unknown', 'UNSUPPORTED_FORMAT'],
    [
      'ZUGFeRD/mustangproject/validator/src/test/resources/invalidV2Root.xml',
      'unknown',
      'UNSUPPORTED_FORMAT',
    ],
  ])('%s is unreadable: one FF-FORMAT-01 finding with the error code', async (file, format, code) => {
    const result = await checkCorpus(file);
    expect(result).toMatchObject({ format, valid: false });
    expect(result.invoice).toBeUndefined();
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]).toMatchObject({ rule: 'FF-FORMAT-01', severity: 'fatal' });
    expect(result.findings[0].message.startsWith(code)).toBe(true);
  });

  it('warns about unreadable XMP metadata without invalidating the invoice', async () => {
    const result = await checkCorpus(
      'ZUGFeRD/mustangproject/validator/src/test/resources/invalidXMP-ParseError.pdf',
    );
    expect(result.valid).toBe(true);
    expect(result.findings).toEqual([
      expect.objectContaining({ rule: 'FF-FACTURX-01', severity: 'warning' }),
    ]);
  });

  it('reports a schema violation the business rules cannot see', async () => {
    const xml = fs
      .readFileSync(corpusPath(UBL_EXAMPLE), 'utf8')
      .replace('<cbc:ID>', '<cbc:Unknown>x</cbc:Unknown><cbc:ID>');
    const result = await check(Buffer.from(xml));
    expect(result.valid).toBe(false);
    expect(fatalRules(result)).toContain('XSD-UBL');
  });

  it('leaves the standard out when only platform rules are asked for', async () => {
    const invalid = fs.readFileSync(
      corpusPath('ZUGFeRD/mustangproject/validator/src/test/resources/valid_with_VAT_O.xml'),
    );
    expect(fatalRules(await check(invalid, 'all'))).toEqual(['BR-CO-26']);
    expect(fatalRules(await check(invalid, 'platform'))).toEqual([]);
  });
});

describeWithCorpus('checkInvoiceFile with the platform rules', () => {
  const bytes = () => fs.readFileSync(corpusPath(UBL_EXAMPLE));

  it('runs them with the given recipient directory and duplicate registry', async () => {
    const platform = {
      recipients: { find: async () => undefined },
      duplicates: { exists: async () => true },
    };
    const result = await checkInvoiceFile(bytes(), { rules: 'platform', platform });
    expect(fatalRules(result)).toEqual(expect.arrayContaining(['FF-RECIPIENT-01', 'FF-DUP-01']));
    expect(result.findings.map((f) => f.rule)).not.toContain('FF-CHECK-01');
  });

  it('says which platform rules could not run without that context', async () => {
    const result = await checkInvoiceFile(bytes(), { rules: 'all' });
    expect(result.findings).toContainEqual(
      expect.objectContaining({
        rule: 'FF-CHECK-01',
        severity: 'warning',
        message: expect.stringContaining('recipient directory and duplicate registry'),
      }),
    );
  });
});

describe('checkInvoiceFile on bytes that are no invoice', () => {
  it.each([
    ['empty', 'NOT_AN_INVOICE', new Uint8Array()],
    ['plain text', 'NOT_AN_INVOICE', Buffer.from('hello, I am an invoice')],
    ['broken XML', 'XML_NOT_WELL_FORMED', Buffer.from('<Invoice><cbc:ID>1</Invoice>')],
    ['other XML', 'UNSUPPORTED_FORMAT', Buffer.from('<?xml version="1.0"?><order xmlns="urn:x"/>')],
    ['a PDF header only', 'PDF_TRUNCATED', Buffer.from('%PDF-1.7\n1 0 obj')],
  ])('%s: a fatal FF-FORMAT-01 naming %s, never an exception', async (_name, code, bytes) => {
    const result = await checkInvoiceFile(bytes, { rules: 'all' });
    expect(result.valid).toBe(false);
    expect(result.findings).toEqual([
      expect.objectContaining({
        rule: 'FF-FORMAT-01',
        severity: 'fatal',
        message: expect.stringContaining(code),
      }),
    ]);
  });
});

describeWithCorpus('checkInvoiceFile: which rule sets judge a file', () => {
  const FACTURX_EXTENDED = 'akretion/factur-x/tests/fixtures/xml/factur-x-extended.xml';
  const extended = () => fs.readFileSync(corpusPath(FACTURX_EXTENDED), 'utf8');

  it('judges a Factur-X EXTENDED document by the EXTENDED profile rules', async () => {
    const result = await check(Buffer.from(extended()));
    expect(result).toMatchObject({ profile: 'EXTENDED', valid: true, ruleSets: ['facturx-extended'] });
  });

  it('keeps another "#conformant#" extension (EXTENDED-CTC-FR) under EN 16931', async () => {
    const ctcFr = extended().replace(
      /(<ram:GuidelineSpecifiedDocumentContextParameter>\s*<ram:ID>)[^<]*/,
      '$1urn:cen.eu:en16931:2017#conformant#urn.cpro.gouv.fr:1p0:extended-ctc-fr',
    );
    const result = await check(Buffer.from(ctcFr));
    expect(result.profile).toBe('EXTENDED');
    expect(result.ruleSets).toEqual(['en16931']);
    expect(fatalRules(result)).not.toContain('FX-SCH-A-000636');
  });

  it('applies a Factur-X profile asked for by name to any CII, and says it cannot judge UBL', async () => {
    const cii = await checkInvoiceFile(fs.readFileSync(corpusPath(FACTURX_EXTENDED)), {
      rules: 'facturx-minimum',
    });
    expect(cii.ruleSets).toEqual(['facturx-minimum']);
    expect(fatalRules(cii)).toContain('FX-NOT-ALLOWED');
    const ubl = await checkInvoiceFile(fs.readFileSync(corpusPath(UBL_EXAMPLE)), { rules: 'facturx-basic' });
    expect(ubl).toMatchObject({ valid: false, ruleSets: [] });
    expect(fatalRules(ubl)).toEqual(['FF-CHECK-01']);
  });

  it('adds the French BR-FR rules under fr, and nothing else', async () => {
    const bytes = fs.readFileSync(corpusPath(UBL_EXAMPLE));
    const result = await checkInvoiceFile(bytes, { rules: 'fr' });
    expect(result.ruleSets).toEqual(['en16931', 'fr']);
    // The EN 16931 example is Swedish: no SIREN for the seller (BR-FR-10, a warning in V1.3.0).
    expect(result.findings).toContainEqual(
      expect.objectContaining({ rule: 'BR-FR-10_BT-30', severity: 'warning' }),
    );
    expect(result.valid).toBe(true);
  });
});
