import { corpusPath, describeWithCorpus } from '../support/corpus';
import { runCli } from './run-cli';

const UBL = corpusPath('ConnectingEurope/eInvoicing-EN16931/ubl/examples/ubl-tc434-example1.xml');
const CII = corpusPath('ConnectingEurope/eInvoicing-EN16931/cii/examples/CII_example1.xml');
const FACTURX = corpusPath('ZUGFeRD/corpus/XML-Rechnung/FX/EN16931_Rabatte.pdf');
const INVALID = corpusPath('ZUGFeRD/mustangproject/validator/src/test/resources/valid_with_VAT_O.xml');
const NO_INVOICE_PDF = corpusPath('ZUGFeRD/mustangproject/Mustang-CLI/src/test/resources/EmptyPDFA1.pdf');

describeWithCorpus('facturflow validate', () => {
  it('exits 0 and prints one JSON array with one element per file when all are valid', async () => {
    const run = await runCli(['validate', '--json', UBL, CII, FACTURX]);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report).toEqual([
      { file: UBL, format: 'ubl-invoice', profile: null, valid: true, findings: [], ruleSets: ['en16931'] },
      { file: CII, format: 'cii', profile: 'EN 16931', valid: true, findings: [], ruleSets: ['en16931'] },
      {
        file: FACTURX,
        format: 'facturx',
        profile: 'EN 16931',
        valid: true,
        findings: [],
        ruleSets: ['en16931'],
      },
    ]);
  });

  it('exits 1 when an invoice breaks a rule, with the official rule id, message and location', async () => {
    const run = await runCli(['validate', '--json', UBL, INVALID]);
    expect(run.code).toBe(1);
    const [valid, invalid] = JSON.parse(run.stdout);
    expect(valid.valid).toBe(true);
    expect(invalid).toMatchObject({ file: INVALID, format: 'cii', valid: false });
    expect(invalid.findings).toEqual([
      {
        rule: 'BR-CO-26',
        severity: 'fatal',
        message: expect.stringMatching(
          /^\[BR-CO-26\]-In order for the buyer to automatically identify a supplier/,
        ),
        location: expect.stringContaining('ram:SellerTradeParty'),
      },
    ]);
  });

  it('exits 2 when a file is not an invoice or cannot be read, still reporting it in the array', async () => {
    const missing = corpusPath('no-such-invoice.xml');
    const run = await runCli(['validate', '--json', '--rules', 'all', INVALID, NO_INVOICE_PDF, missing]);
    expect(run.code).toBe(2);
    const report = JSON.parse(run.stdout);
    expect(report.map((e: { file: string }) => e.file)).toEqual([INVALID, NO_INVOICE_PDF, missing]);
    expect(report[1]).toMatchObject({ format: 'pdf', valid: false, profile: null });
    expect(report[1].findings).toEqual([
      {
        rule: 'FF-FORMAT-01',
        severity: 'fatal',
        message: expect.stringMatching(/^PDF_NO_INVOICE_XML: /),
        location: null,
      },
    ]);
    expect(report[2].findings).toEqual([
      { rule: 'FF-FILE-01', severity: 'fatal', message: expect.stringMatching(/^ENOENT: /), location: null },
    ]);
  });

  it('prints a readable report with a verdict per file, the findings and a summary', async () => {
    const run = await runCli(['validate', FACTURX, INVALID, NO_INVOICE_PDF]);
    expect(run.code).toBe(2);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe(`VALID      ${FACTURX} (facturx, EN 16931; rules: en16931)`);
    expect(lines[1]).toBe(`INVALID    ${INVALID} (cii, EN 16931; rules: en16931): 1 error`);
    expect(lines[2]).toMatch(/^ {4}fatal {3}BR-CO-26 {2}\[BR-CO-26\]-In order/);
    expect(lines[3]).toMatch(/^ {12}at \/rsm:CrossIndustryInvoice\//);
    expect(run.stdout).toContain(`UNREADABLE ${NO_INVOICE_PDF} (pdf): 1 error`);
    expect(run.stdout).toContain('3 files: 1 valid, 1 invalid, 1 unreadable');
    expect(run.stderr).toBe('');
  });

  it('lists the rule sets when --rules is given without one', async () => {
    const run = await runCli(['validate', '--rules']);
    expect(run.code).toBe(0);
    const names = run.stdout
      .trim()
      .split('\n')
      .map((line) => line.split(/\s+/)[0]);
    expect(names).toEqual([
      'en16931',
      'facturx-minimum',
      'facturx-basicwl',
      'facturx-basic',
      'facturx-en16931',
      'facturx-extended',
      'peppol',
      'fr',
      'platform',
      'all',
    ]);
  });

  it('judges by the set asked for and says which judged each file', async () => {
    const run = await runCli(['validate', '--json', '--rules', 'facturx-en16931', CII, UBL]);
    const [cii, ubl] = JSON.parse(run.stdout);
    expect(cii).toMatchObject({ valid: true, ruleSets: ['facturx-en16931'] });
    // Factur-X rules are CII rules: a UBL file gets no verdict from them.
    expect(ubl).toMatchObject({ valid: false, ruleSets: [] });
    expect(ubl.findings).toEqual([expect.objectContaining({ rule: 'FF-CHECK-01', severity: 'fatal' })]);
    expect(run.code).toBe(1);
  });

  it('refuses an unknown rule set', async () => {
    const run = await runCli(['validate', '--rules', 'chorus', UBL]);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain("argument 'chorus' is invalid");
  });
});
