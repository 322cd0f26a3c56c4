import fs from 'node:fs';
import { parseInvoice } from '../../invoice/parse';
import { checkInvoiceFile } from '../../invoice/check';
import { localizeFinding, refusalMessage } from '../../invoice/messages';
import { xmlRefusalCode } from '../../invoice/errors';
import { DEFAULT_XML_LIMITS, XmlBudget, XmlError, type XmlLimits } from '../../invoice/xml';
import { corpusPath, describeWithCorpus } from '../support/corpus';
import { deepUbl, longTextUbl, manyAttributesUbl, wideUbl, withLines } from './hostile';

function refusal(xml: string | Buffer, limits?: XmlLimits): XmlError {
  try {
    parseInvoice(typeof xml === 'string' ? Buffer.from(xml) : xml, limits);
  } catch (err) {
    if (err instanceof XmlError) return err;
    throw err;
  }
  throw new Error('the document was accepted');
}

describe('XML limits checked while parsing', () => {
  afterEach(() => jest.restoreAllMocks());

  it('allows 64 levels by default, fewer than twice what real invoices need', () => {
    expect(DEFAULT_XML_LIMITS.maxDepth).toBe(64);
    expect(DEFAULT_XML_LIMITS.maxLines).toBe(9999);
  });

  it.each([
    ['plain ASCII names (fast path)', 'a'],
    ['non-ASCII names (namespace-aware reference parser)', 'é'],
  ])('refuses a 60,000-deep UBL with XML_TOO_DEEP, reading no further than the limit: %s', (_, name) => {
    const xml = deepUbl(60_000, name);
    expect(Buffer.byteLength(xml)).toBeGreaterThan(400_000);
    const elements = jest.spyOn(XmlBudget.prototype, 'element');
    const err = refusal(xml);
    expect([err.code, err.limit]).toEqual(['XML_TOO_DEEP', 64]);
    expect(err.message).toContain('64');
    // The root and 64 nested elements, then the 65th level: parsing stopped at the first limit hit.
    expect(elements.mock.calls.length).toBeLessThanOrEqual(66);
  });

  it('takes the depth limit from the settings', () => {
    expect(refusal(deepUbl(20), { maxBytes: 1e6, maxDepth: 16 }).limit).toBe(16);
    expect(() => parseInvoice(Buffer.from(deepUbl(20)))).not.toThrow();
  });

  it.each([
    ['elements', () => wideUbl(1001), { maxElements: 1000 }, 'XML_TOO_MANY_ELEMENTS', 1000],
    ['attributes', () => manyAttributesUbl(300), {}, 'XML_TOO_MANY_ATTRIBUTES', 256],
    ['text', () => longTextUbl(5000), { maxTextChars: 4096 }, 'XML_TEXT_TOO_LARGE', 4096],
  ])('counts %s while parsing, on both parsers', (_, make, limits, code, limit) => {
    const xml = make();
    const all = { ...DEFAULT_XML_LIMITS, ...limits };
    const fast = refusal(xml, all);
    // A non-ASCII name early in the document sends it to the reference parser.
    const reference = refusal(xml.replace('<Invoice ', '<Invoice é="1" '), all);
    expect([fast.code, fast.limit]).toEqual([code, limit]);
    expect([reference.code, reference.limit]).toEqual([code, limit]);
  });

  it('stops counting elements at the limit, not at the end of the document', () => {
    const elements = jest.spyOn(XmlBudget.prototype, 'element');
    expect(refusal(wideUbl(200_000), { ...DEFAULT_XML_LIMITS, maxElements: 1000 }).code).toBe(
      'XML_TOO_MANY_ELEMENTS',
    );
    expect(elements.mock.calls.length).toBeLessThanOrEqual(1001);
  });

  it('refuses an oversized document before decoding it', () => {
    const err = refusal(Buffer.alloc(2048, 0x20), { maxBytes: 1024, maxDepth: 64 });
    expect([err.code, err.limit]).toEqual(['XML_TOO_LARGE', 1024]);
  });

  it('keeps the limit codes at a deposit, and broken XML as INVOICE_NOT_WELL_FORMED', () => {
    expect(xmlRefusalCode(refusal(deepUbl(100)))).toBe('XML_TOO_DEEP');
    expect(xmlRefusalCode(new XmlError('XML_NOT_WELL_FORMED', 'x'))).toBe('INVOICE_NOT_WELL_FORMED');
  });

  it('says it in French and in English, naming the limit', () => {
    const err = refusal(deepUbl(100));
    expect(refusalMessage('XML_TOO_DEEP', err.message, 'en')).toBe(
      'XML nesting deeper than 64 levels (limit 64)',
    );
    expect(refusalMessage('XML_TOO_DEEP', err.message, 'fr')).toMatch(/plus de 64 niveaux/);
    const finding = { rule: 'FF-FORMAT-01', message: `XML_TOO_DEEP: ${err.message}` };
    expect(localizeFinding(finding, 'fr').message).toMatch(/^Le fichier XML imbrique .* plus de 64 niveaux/);
  });

  it('rejects the hostile file with a fatal finding when the worker checks it', async () => {
    const result = await checkInvoiceFile(Buffer.from(deepUbl(60_000)), { rules: 'en16931' });
    expect(result.valid).toBe(false);
    expect(result.findings).toEqual([
      expect.objectContaining({ rule: 'FF-FORMAT-01', message: expect.stringMatching(/^XML_TOO_DEEP: /) }),
    ]);
  });
});

describeWithCorpus('Invoice line limit', () => {
  // A real invoice of the Factur-X library's fixtures (akretion/factur-x, tests/fixtures/xml).
  const source = () =>
    fs.readFileSync(corpusPath('akretion/factur-x/tests/fixtures/xml/ubl-21-en16931.xml'), 'utf8');

  it('reads 9,999 lines, the platform maximum, and refuses the 10,000th line', () => {
    expect(parseInvoice(Buffer.from(withLines(source(), 9999))).invoice.lines).toHaveLength(9999);
    const err = refusal(withLines(source(), 10_000));
    expect([err.code, err.limit]).toEqual(['INVOICE_TOO_MANY_LINES', 9999]);
    expect(refusalMessage(err.code, err.message, 'fr')).toBe(
      'La facture compte plus de 9999 lignes, le maximum accepté par la plateforme.',
    );
  });
});
