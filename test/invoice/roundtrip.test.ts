import fs from 'node:fs';
import path from 'node:path';
import { parseXml } from '../../invoice/xml';
import { readUbl } from '../../invoice/ubl/read';
import { readCii } from '../../invoice/cii/read';
import { toUbl } from '../../invoice/ubl/write';
import { toCii } from '../../invoice/cii/write';
import { corpusFiles, corpusPath, describeWithCorpus } from '../support/corpus';
import { modelDifferences, normaliseModel } from './model-diff';
import { decimalEquals } from '../../invoice/decimal';
import { convertXml } from '../../invoice/convert';
import { lostTerms } from './conversion-terms';

const EXAMPLES = 'ConnectingEurope/eInvoicing-EN16931';

describeWithCorpus('round trips over the official EN 16931 examples', () => {
  const ublFiles = corpusFiles(`${EXAMPLES}/ubl/examples`, /\.xml$/i);
  const ciiFiles = corpusFiles(`${EXAMPLES}/cii/examples`, /\.xml$/i);

  it('finds the 19 UBL and 15 CII examples', () => {
    expect(ublFiles).toHaveLength(19);
    expect(ciiFiles).toHaveLength(15);
  });

  it.each(ublFiles.map((f) => [path.basename(f), f]))(
    'UBL → model → CII → model → UBL keeps every term: %s',
    (_, file) => {
      const source = readUbl(parseXml(fs.readFileSync(file)));
      // What CII cannot carry (a second BG-3, BT-6 equal to BT-5) is left out with a finding; BT-8
      // changes code list (UNTDID 2005 → 2475), which lostTerms compares by meaning.
      const cii = convertXml(source, 'cii');
      const viaCii = readCii(parseXml(cii.output));
      expect(lostTerms(source, viaCii, cii.findings)).toEqual([]);
      const back = readUbl(parseXml(toUbl(viaCii)));
      expect(lostTerms(viaCii, back)).toEqual([]);
    },
  );

  it.each(ciiFiles.map((f) => [path.basename(f), f]))(
    'CII → model → UBL → model → CII keeps every term: %s',
    (_, file) => {
      const source = readCii(parseXml(fs.readFileSync(file)));
      const viaUbl = readUbl(parseXml(toUbl(source)));
      expect(modelDifferences(normaliseModel(source), normaliseModel(viaUbl))).toEqual([]);
      const back = readCii(parseXml(toCii(viaUbl)));
      expect(modelDifferences(normaliseModel(viaUbl), normaliseModel(back))).toEqual([]);
    },
  );

  it('writes the same bytes for the same model (deterministic writers)', () => {
    const invoice = readUbl(parseXml(fs.readFileSync(ublFiles[0])));
    expect(toUbl(invoice)).toBe(toUbl(structuredClone(invoice)));
    expect(toCii(invoice)).toBe(toCii(structuredClone(invoice)));
  });
});

describeWithCorpus('XML-Rechnung CII ↔ UBL pairs map to the same model', () => {
  const folder = 'ZUGFeRD/corpus/XML-Rechnung';
  const pairs = corpusFiles(`${folder}/CII`, /\.cii\.xml$/).map((cii) => [
    path.basename(cii, '.cii.xml'),
    cii,
    corpusPath(folder, 'UBL', path.basename(cii).replace('.cii.xml', '.ubl.xml')),
  ]);

  it('finds the three pairs', () => expect(pairs).toHaveLength(3));

  it.each(pairs)('%s: the business terms both carry are equal', (_, ciiFile, ublFile) => {
    const cii = readCii(parseXml(fs.readFileSync(ciiFile)));
    const ubl = readUbl(parseXml(fs.readFileSync(ublFile)));
    // BT-29 repeats; the converter kept only the schemed seller identifiers.
    const ublIds = new Set(ubl.seller.identifiers.map((id) => id.value));
    cii.seller.identifiers = cii.seller.identifiers.filter((id) => ublIds.has(id.value));
    const fromCii = normaliseModel(cii);
    const fromUbl = normaliseModel(ubl);
    // The third-party converter rewrites decimals ("473.00" as "473") and BT-24, and leaves terms out:
    // compare by value the terms both documents carry.
    const both = modelDifferences(fromCii, fromUbl, decimalEquals).filter(
      (d) => !/(: undefined became|became undefined$)/.test(d) && !d.startsWith('specificationId'),
    );
    expect(both).toEqual([]);
  });
});
