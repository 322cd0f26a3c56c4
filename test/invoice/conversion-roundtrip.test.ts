import { describeWithCorpus } from '../support/corpus';
import { corpusSources, type CorpusSource } from './conversion-corpus';
import { roundTripLosses as roundTrips } from './conversion-terms';
import { variantInvoice, VARIANTS } from './conversion-variants';

describe('round trips of the generated variants keep every business term', () => {
  it.each(VARIANTS.map((v) => [v.name, v]))('%s', (_, spec) => {
    expect(roundTrips(variantInvoice(spec))).toEqual([]);
  });
});

describeWithCorpus('round trips of every corpus document keep every business term', () => {
  let sources: CorpusSource[] = [];
  beforeAll(async () => {
    sources = (await corpusSources()).sources;
  }, 120_000);

  it('reads the UBL, CII and Factur-X documents of the corpus', () => {
    expect(sources.filter((s) => s.format === 'facturx').length).toBeGreaterThanOrEqual(15);
    expect(sources.filter((s) => s.format.startsWith('ubl')).length).toBeGreaterThanOrEqual(20);
    expect(sources.filter((s) => s.format === 'cii').length).toBeGreaterThanOrEqual(20);
  });

  it('UBL → CII → UBL and CII → UBL → CII lose nothing that is not reported', () => {
    const lost = sources.flatMap((s) => roundTrips(s.invoice).map((d) => `${s.file} ${d}`));
    expect(lost).toEqual([]);
  });
});
