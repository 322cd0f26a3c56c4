import fs from 'node:fs';
import { checkInvoiceFile } from '../../invoice/check';
import { convertXml } from '../../invoice/convert';
import { readUbl } from '../../invoice/ubl/read';
import { parseXml } from '../../invoice/xml';
import { closeXsdEngines } from '../../invoice/xsd';
import { corpusPath, describeWithCorpus } from '../support/corpus';

/**
 * Peppol BIS Billing 3.0 on CII at the check: a deposit (`all`) applies the OpenPEPPOL CII rules to a
 * CII invoice that declares Peppol BIS (BT-24), `peppol` to any CII. The document is OpenPEPPOL's
 * example of VAT category S (corpus: OpenPEPPOL/peppol-bis-invoice-3/rules/examples/Vat-category-S.xml)
 * written as CII.
 */
const EXAMPLE = 'OpenPEPPOL/peppol-bis-invoice-3/rules/examples/Vat-category-S.xml';
const PROCESS =
  /<ram:BusinessProcessSpecifiedDocumentContextParameter>[^]*?<\/ram:BusinessProcessSpecifiedDocumentContextParameter>/;

const fatal = (findings: { rule: string; severity: string }[]) =>
  findings.filter((f) => f.severity === 'fatal').map((f) => f.rule);

describeWithCorpus('Peppol BIS rules on CII documents', () => {
  let cii = '';
  beforeAll(() => {
    cii = convertXml(readUbl(parseXml(fs.readFileSync(corpusPath(EXAMPLE)))), 'cii').output;
  });
  afterAll(() => closeXsdEngines());

  it('a deposit judges a CII that declares Peppol BIS by the Peppol rules too, and finds it valid', async () => {
    expect(cii).toMatch(PROCESS);
    const result = await checkInvoiceFile(Buffer.from(cii), { rules: 'all' });
    expect(result.ruleSets).toContain('peppol');
    expect(fatal(result.findings).filter((r) => r.startsWith('PEPPOL'))).toEqual([]);
  });

  it('a deposit refuses a Peppol CII without its business process (PEPPOL-EN16931-R001)', async () => {
    const result = await checkInvoiceFile(Buffer.from(cii.replace(PROCESS, '')), { rules: 'all' });
    expect(fatal(result.findings)).toContain('PEPPOL-EN16931-R001');
  });

  it('applies Peppol BIS to a CII that does not declare it only when asked (--rules peppol)', async () => {
    const plain = Buffer.from(
      cii.replace(
        /urn:cen\.eu:en16931:2017#compliant#urn:fdc:peppol\.eu:2017:poacc:billing:3\.0/,
        'urn:cen.eu:en16931:2017',
      ),
    );
    const deposit = await checkInvoiceFile(plain, { rules: 'all' });
    expect(deposit.ruleSets).not.toContain('peppol');
    const asked = await checkInvoiceFile(plain, { rules: 'peppol' });
    expect(asked.ruleSets).toContain('peppol');
    expect(fatal(asked.findings)).toContain('PEPPOL-EN16931-R004');
  });
});
