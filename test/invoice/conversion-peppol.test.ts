import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkInvoiceFile } from '../../invoice/check';
import { CONVERSION_RULES } from '../../invoice/convert';
import { checkConversionSource, convertChecked } from '../../invoice/convert-check';
import { closeXsdEngines } from '../../invoice/xsd';
import { runCli } from '../cli/run-cli';
import { corpusPath, describeWithCorpus } from '../support/corpus';

/** OpenPEPPOL's base example: its item (BT-157) and delivery (BT-71) GLNs have wrong check digits. */
const BASE_EXAMPLE = corpusPath('OpenPEPPOL/peppol-bis-invoice-3/rules/examples/base-example.xml');
const R040 = 'PEPPOL-COMMON-R040';
const rulesOf = (findings: { rule: string }[]) => [...new Set(findings.map((f) => f.rule))];

describeWithCorpus('the conversion check judges a Peppol BIS result by the Peppol rules', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'facturflow-convert-peppol-'));
  });
  afterAll(async () => {
    fs.rmSync(dir, { recursive: true, force: true });
    await closeXsdEngines();
  });

  it('a document declaring Peppol BIS is judged by the Peppol rules, as a deposit judges it', async () => {
    const source = await checkConversionSource(fs.readFileSync(BASE_EXAMPLE));
    expect(source.ruleSets).toEqual(['en16931', 'peppol']);
    expect(source.valid).toBe(true);
  });

  it('refuses a CII that breaks a Peppol rule the source does not (identifiers written as they are)', async () => {
    const source = await checkConversionSource(fs.readFileSync(BASE_EXAMPLE));
    // `peppol: false` writes BT-157 and BT-71 as the binding says, without leaving out what Peppol rejects.
    const broken = await convertChecked(source, 'cii', { peppol: false });
    expect(broken.ruleSets).toEqual(['en16931', 'peppol']);
    expect(rulesOf(broken.introduced)).toEqual([R040]);
    expect(broken.introduced.map((f) => f.location)).toEqual([
      expect.stringMatching(
        /IncludedSupplyChainTradeLineItem\[1\]\/ram:SpecifiedTradeProduct\/ram:GlobalID$/,
      ),
      expect.stringMatching(
        /IncludedSupplyChainTradeLineItem\[2\]\/ram:SpecifiedTradeProduct\/ram:GlobalID$/,
      ),
      expect.stringMatching(/ShipToTradeParty\/ram:GlobalID$/),
    ]);
    // Judged by EN 16931 alone, as before, the same output passed.
    const en16931 = await checkInvoiceFile(broken.output, { rules: 'en16931' });
    expect(en16931.valid).toBe(true);
  });

  it('by default the CII leaves those identifiers out with FF-CONV-06 and passes the Peppol rules', async () => {
    const source = await checkConversionSource(fs.readFileSync(BASE_EXAMPLE));
    const checked = await convertChecked(source, 'cii');
    expect(checked.introduced).toEqual([]);
    expect(rulesOf(checked.findings)).toEqual([CONVERSION_RULES.peppolIdentifierFormat]);
    expect(checked.findings.map((f) => f.term)).toEqual(['BT-157', 'BT-157', 'BT-71-1']);
    const result = await checkInvoiceFile(checked.output, { rules: 'peppol' });
    expect(result.valid).toBe(true);
    expect(Buffer.from(checked.output).toString()).toContain(
      'urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0',
    );
  });

  it('a Factur-X is no Peppol document: judged by EN 16931, its identifiers kept', async () => {
    const source = await checkConversionSource(fs.readFileSync(BASE_EXAMPLE));
    const checked = await convertChecked(source, 'facturx', {
      profile: 'EN 16931',
      date: new Date('2026-04-02'),
    });
    expect(checked.ruleSets).toEqual(['en16931']);
    expect(checked.introduced).toEqual([]);
    expect(checked.findings).toEqual([]);
  });

  it('facturflow convert detects Peppol BIS from BT-24: FF-CONV-06 printed, the result passes --rules peppol', async () => {
    const output = path.join(dir, 'base-example.cii.xml');
    const run = await runCli(['convert', BASE_EXAMPLE, '--to', 'cii', '-o', output]);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(
      /^ {4}warning FF-CONV-06 +The item standard identifier \(BT-157\) on line 1 /m,
    );
    expect(run.stderr).not.toContain('fatal');
    expect((await runCli(['validate', '--rules', 'peppol', output])).code).toBe(0);
  });

  it('facturflow convert --rules en16931 judges by EN 16931 only and writes the identifiers as they are', async () => {
    const output = path.join(dir, 'base-example-en16931.cii.xml');
    const run = await runCli(['convert', BASE_EXAMPLE, '--to', 'cii', '--rules', 'en16931', '-o', output]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(fs.readFileSync(output, 'utf8')).toContain(
      '<ram:GlobalID schemeID="0088">21382183120983</ram:GlobalID>',
    );
    const peppol = await runCli(['validate', '--rules', 'peppol', output]);
    expect(peppol.code).toBe(1);
    expect(peppol.stdout + peppol.stderr).toContain(R040);
  });
});
