import { convertXml, type ConversionFinding } from '../../invoice/convert';
import { readCii } from '../../invoice/cii/read';
import type { Invoice } from '../../invoice/model';
import { readUbl } from '../../invoice/ubl/read';
import { parseXml } from '../../invoice/xml';
import { describeWithCorpus } from '../support/corpus';
import { corpusSources, type CorpusSource } from './conversion-corpus';
import { lostTerms } from './conversion-terms';
import { variantInvoice, VARIANTS } from './conversion-variants';

type Syntax = 'ubl' | 'cii';
const read = (syntax: Syntax, xml: string) => (syntax === 'ubl' ? readUbl : readCii)(parseXml(xml));

/** source → syntax → model, and on to the other syntax and back: what was lost on the way. */
function roundTrips(source: Invoice): string[] {
  const lost: string[] = [];
  for (const [first, second] of [
    ['ubl', 'cii'],
    ['cii', 'ubl'],
  ] as const) {
    const one = convertXml(source, first);
    const viaFirst = read(first, one.output);
    lost.push(...lostTerms(source, viaFirst, one.findings).map((d) => `→${first}: ${d}`));
    const two = convertXml(viaFirst, second);
    const three = convertXml(read(second, two.output), first);
    const reported: ConversionFinding[] = [...one.findings, ...two.findings, ...three.findings];
    lost.push(
      ...lostTerms(source, read(first, three.output), reported).map(
        (d) => `→${first}→${second}→${first}: ${d}`,
      ),
    );
  }
  return lost;
}

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
