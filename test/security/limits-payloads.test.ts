import fs from 'node:fs';
import { checkInvoiceFile } from '../../invoice/check';
import { localizeFinding } from '../../invoice/messages';
import { compactFindings, expandFindings, FINDINGS_KEPT } from '../../activities/payloads';
import { corpusPath, describeWithCorpus } from '../support/corpus';
import { testBlobs } from '../support/stores';
import { withLines } from './hostile';

/** Temporal's default limit on one payload (PayloadsTooLarge above it). */
const TEMPORAL_PAYLOAD_LIMIT = 2 * 1024 * 1024;

describeWithCorpus('Findings carried by the invoice workflow', () => {
  // A real invoice of the Factur-X library's fixtures (akretion/factur-x, tests/fixtures/xml), its first
  // line repeated 9,999 times (the platform's maximum) without the item name BR-25 requires.
  const source = () =>
    fs.readFileSync(corpusPath('akretion/factur-x/tests/fixtures/xml/ubl-21-en16931.xml'), 'utf8');

  it('carries one error per line of a 9,999-line invoice as a reference, the full list kept', async () => {
    const xml = withLines(source(), 9999).replace(/<cbc:Name>Huile d'olive Joio 50cl<\/cbc:Name>/g, '');
    const { findings } = await checkInvoiceFile(Buffer.from(xml), { rules: 'en16931' });
    expect(findings.filter((f) => f.rule === 'BR-25')).toHaveLength(9999);

    const blobs = testBlobs();
    const carried = await compactFindings(blobs, findings);
    expect(Buffer.byteLength(JSON.stringify(carried))).toBeLessThan(TEMPORAL_PAYLOAD_LIMIT / 8);
    expect(carried).toHaveLength(FINDINGS_KEPT + 1);
    expect(carried.some((f) => f.severity === 'fatal')).toBe(true);
    const marker = carried[carried.length - 1];
    expect(marker).toMatchObject({
      rule: 'FF-CHECK-02',
      severity: 'warning',
      location: expect.stringMatching(/^blob:/),
    });
    expect(localizeFinding(marker, 'fr').message).toMatch(/^10002 constats en tout \(10002 bloquants\)/);

    // The read model records every finding.
    expect(await expandFindings(blobs, carried)).toEqual(findings);
  }, 120_000);

  it('leaves a short list as it is', async () => {
    const findings = [{ rule: 'BR-25', severity: 'fatal' as const, message: 'x' }];
    expect(await compactFindings(testBlobs(), findings)).toBe(findings);
    expect(await expandFindings(testBlobs(), findings)).toBe(findings);
  });
});
