import fs from 'node:fs';
import { checkInvoiceFile } from '../../invoice/check';
import { closeXsdEngines } from '../../invoice/xsd';
import { RenditionRefused, renderAs, renderForDelivery } from '../../invoicing/lifecycle/renditions';
import { corpusPath, describeWithCorpus } from '../support/corpus';

const MINIMUM = corpusPath('akretion/factur-x/tests/fixtures/xml/factur-x-minimum.xml');
const TWO_RATES = corpusPath('ConnectingEurope/eInvoicing-EN16931/ubl/examples/guide-example2.xml');
const DEPOSITED_AT = new Date('2026-04-02T10:00:00Z');

describeWithCorpus("the platform's renditions are checked like conversions", () => {
  afterAll(() => closeXsdEngines());

  it('renders a valid CII and Factur-X of a UBL with two VAT rates and a VAT point date', async () => {
    const deposited = fs.readFileSync(TWO_RATES);
    for (const format of ['cii', 'facturx'] as const) {
      const rendition = await renderAs(deposited, format, DEPOSITED_AT);
      const verdict = await checkInvoiceFile(rendition.bytes, { rules: 'en16931' });
      expect(verdict.findings.filter((f) => f.severity === 'fatal')).toEqual([]);
    }
  });

  it('refuses a rendition that would be invalid (downloads answer CONVERSION_FAILED with the rules)', async () => {
    const attempt = renderAs(fs.readFileSync(MINIMUM), 'ubl', DEPOSITED_AT);
    await expect(attempt).rejects.toBeInstanceOf(RenditionRefused);
    await expect(attempt).rejects.toMatchObject({
      code: 'CONVERSION_FAILED',
      message: expect.stringContaining('BR-16'),
    });
  });

  it('delivers the original instead, and says which form was refused and why', async () => {
    const deposited = fs.readFileSync(MINIMUM);
    const delivered = await renderForDelivery(deposited, 'ubl', DEPOSITED_AT);
    expect(delivered.format).toBe('original');
    expect(Buffer.from(delivered.rendition.bytes).equals(deposited)).toBe(true);
    expect(delivered.refused?.format).toBe('ubl');
    expect(delivered.refused?.findings.map((f) => f.rule)).toContain('BR-16');
  });

  it("keeps a deposit's Factur-X profile, so a MINIMUM deposit renders as a valid MINIMUM Factur-X", async () => {
    const rendition = await renderAs(fs.readFileSync(MINIMUM), 'facturx', DEPOSITED_AT);
    const verdict = await checkInvoiceFile(rendition.bytes, { rules: 'en16931' });
    expect(verdict).toMatchObject({ format: 'facturx', profile: 'MINIMUM', valid: true });
  });

  it('delivers the preferred form when it is valid', async () => {
    const delivered = await renderForDelivery(fs.readFileSync(TWO_RATES), 'cii', DEPOSITED_AT);
    expect(delivered).toMatchObject({ format: 'cii', rendition: { mediaType: 'application/xml' } });
    expect(delivered.refused).toBeUndefined();
  });
});
