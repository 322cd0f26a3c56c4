import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { corpusPath, describeWithCorpus } from '../support/corpus';
import { runCli } from './run-cli';

const UBL = corpusPath('ZUGFeRD/corpus/XML-Rechnung/UBL/EN16931_Einfach.ubl.xml');
const ELEKTRON = corpusPath('ZUGFeRD/corpus/XML-Rechnung/FX/EN16931_Elektron.pdf');

describeWithCorpus('facturflow convert', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'facturflow-cli-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('converts UBL to CII next to the input, and the result validates', async () => {
    const input = path.join(dir, 'EN16931_Einfach.ubl.xml');
    fs.copyFileSync(UBL, input);
    const run = await runCli(['convert', input, '--to', 'cii']);
    expect(run.code).toBe(0);
    const output = path.join(dir, 'EN16931_Einfach.cii.xml');
    expect(fs.readFileSync(output, 'utf8')).toContain('<rsm:CrossIndustryInvoice');

    const check = await runCli(['validate', '--json', output]);
    expect(check.code).toBe(0);
    expect(JSON.parse(check.stdout)).toEqual([
      { file: output, format: 'cii', profile: 'EN 16931', valid: true, findings: [], ruleSets: ['en16931'] },
    ]);
  });

  it('writes a Factur-X PDF to -o that reads back as the same invoice', async () => {
    const output = path.join(dir, 'out.pdf');
    const run = await runCli(['convert', UBL, '--to', 'facturx', '-o', output]);
    expect(run.code).toBe(0);
    const inspect = await runCli(['inspect', output]);
    expect(inspect.stdout).toMatch(/^Format +facturx$/m);
    expect(inspect.stdout).toMatch(/^Number +471102$/m);
  });

  it('refuses to overwrite its input', async () => {
    const input = path.join(dir, 'same.xml');
    fs.copyFileSync(UBL, input);
    const run = await runCli(['convert', input, '--to', 'cii', '-o', path.join(dir, '.', 'same.xml')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('refusing to overwrite the input');
    expect(fs.readFileSync(input)).toEqual(fs.readFileSync(UBL));
  });

  it('says clearly when the input is not an invoice', async () => {
    const input = path.join(dir, 'notes.txt');
    fs.writeFileSync(input, 'not an invoice');
    const run = await runCli(['convert', input, '--to', 'ubl']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${input} is not a readable invoice: NOT_AN_INVOICE`);
    expect(fs.existsSync(path.join(dir, 'notes.txt.ubl.xml'))).toBe(false);
  });
});

describeWithCorpus('facturflow inspect', () => {
  it('shows format, profile and key fields of a Factur-X PDF with attachments in an aligned table', async () => {
    const run = await runCli(['inspect', ELEKTRON]);
    expect(run.code).toBe(0);
    const rows = Object.fromEntries(
      run.stdout
        .trimEnd()
        .split('\n')
        .map((line) => [line.slice(0, 17).trim(), line.slice(19)]),
    );
    expect(rows).toMatchObject({
      Format: 'facturx',
      Profile: 'EN 16931',
      Number: '181301674',
      'Issue date': '2018-04-25',
      Currency: 'EUR',
      Seller: 'ELEKTRON Industrieservice GmbH',
      Buyer: 'ConsultingService GmbH',
      'Total with VAT': '300 EUR',
      Lines: '2',
    });
    expect(rows.Attachments).toContain('EN16931_Elektron_Aufmass.png');
    expect(rows.Attachments).toContain('EN16931_Elektron_ElektronRapport.pdf');
    expect(rows.PDF).toContain('PDF/A-3B');
  });

  it('exits 2 on a PDF without an invoice', async () => {
    const run = await runCli([
      'inspect',
      corpusPath('ZUGFeRD/mustangproject/Mustang-CLI/src/test/resources/EmptyPDFA1.pdf'),
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('PDF_NO_INVOICE_XML');
  });
});
