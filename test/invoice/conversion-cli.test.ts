import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { convertXml } from '../../invoice/convert';
import { runCli } from '../cli/run-cli';
import { corpusPath, describeWithCorpus } from '../support/corpus';
import { variantInvoice, VARIANTS } from './conversion-variants';

const MINIMUM = corpusPath('akretion/factur-x/tests/fixtures/xml/factur-x-minimum.xml');
const TWO_RATES_WITH_VAT_POINT_DATE = corpusPath(
  'ConnectingEurope/eInvoicing-EN16931/ubl/examples/guide-example2.xml',
);

describeWithCorpus('facturflow convert checks what it writes', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'facturflow-convert-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes a valid CII from a UBL with two VAT rates and a VAT point date (CII-SR-461)', async () => {
    const output = path.join(dir, 'guide-example2.cii.xml');
    const run = await runCli(['convert', TWO_RATES_WITH_VAT_POINT_DATE, '--to', 'cii', '-o', output]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect((await runCli(['validate', output])).code).toBe(0);
  });

  it('refuses a result that breaks rules the source does not: exit 1, nothing written, findings printed', async () => {
    const output = path.join(dir, 'minimum.ubl.xml');
    const run = await runCli(['convert', MINIMUM, '--to', 'ubl', '-o', output]);
    expect(run.code).toBe(1);
    expect(fs.existsSync(output)).toBe(false);
    expect(run.stderr).toMatch(/^ {4}fatal +BR-16 /m);
    expect(run.stderr).toContain('breaks rules');
    expect(run.stderr).toContain('nothing written (--force writes it anyway)');
  });

  it('writes it anyway with --force', async () => {
    const output = path.join(dir, 'minimum-forced.ubl.xml');
    const run = await runCli(['convert', MINIMUM, '--to', 'ubl', '-o', output, '--force']);
    expect(run.code).toBe(0);
    expect(fs.readFileSync(output, 'utf8')).toContain('<Invoice');
    expect((await runCli(['validate', output])).code).toBe(1);
  });

  it('prints the terms the target cannot carry and still writes a valid result', async () => {
    const input = path.join(dir, 'two-preceding.ubl.xml');
    fs.writeFileSync(input, convertXml(variantInvoice(VARIANTS[2]), 'ubl').output);
    const run = await runCli(['convert', input, '--to', 'cii']);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/^ {4}warning +FF-CONV-01 +CII carries a single preceding invoice reference/m);
    expect((await runCli(['validate', path.join(dir, 'two-preceding.cii.xml')])).code).toBe(0);
  });
});
