import fs from 'node:fs';
import { checkInvoiceFile } from '../../invoice/check';
import { convertChecked } from '../../invoice/convert-check';
import { closeXsdEngines } from '../../invoice/xsd';
import { corpusPath, describeWithCorpus } from '../support/corpus';

/**
 * Factur-X EXTENDED's logistics service charge (ram:SpecifiedLogisticsServiceCharge) counts in the
 * charge total and the VAT breakdown; it is read as the document level charge (BG-21) it amounts to,
 * so no conversion drops it. Source: symtrax's ZUGFeRD 2.1 EXTENDED sample "Warenrechnung" (corpus
 * ZUGFeRD/corpus/ZUGFeRDv2/correct/symtrax/Beispiele/EXTENDED), 3.00 EUR of Transportkosten at 19 %.
 */
const FILE =
  'ZUGFeRD/corpus/ZUGFeRDv2/correct/symtrax/Beispiele/EXTENDED/zugferd_2p1_EXTENDED_Warenrechnung.pdf';

describeWithCorpus('Factur-X EXTENDED logistics service charges in conversion', () => {
  afterAll(() => closeXsdEngines());

  it('reads the logistics service charge as a document level charge', async () => {
    const verdict = await checkInvoiceFile(fs.readFileSync(corpusPath(FILE)), { rules: 'en16931' });
    expect(verdict.invoice?.charges).toContainEqual(
      expect.objectContaining({ reason: 'Transportkosten', vatCategoryCode: 'S', vatRate: '19.00' }),
    );
    expect(verdict.invoice?.charges?.find((c) => c.reason === 'Transportkosten')?.amount?.value).toBe('3.00');
  });

  it.each(['ubl', 'cii', 'facturx'] as const)(
    'converts the EXTENDED sample to %s without a new fatal rule',
    async (target) => {
      const verdict = await checkInvoiceFile(fs.readFileSync(corpusPath(FILE)), { rules: 'en16931' });
      const profile = target === 'ubl' ? undefined : verdict.profile;
      const checked = await convertChecked(verdict, target, { profile, date: new Date('2026-04-02') });
      expect(checked.introduced.map((f) => f.rule)).toEqual([]);
    },
  );
});
