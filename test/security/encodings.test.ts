import fs from 'node:fs';
import { parseInvoice } from '../../invoice/parse';
import { checkInvoiceFile } from '../../invoice/check';
import { refusalMessage } from '../../invoice/messages';
import { xmlRefusalCode } from '../../invoice/errors';
import { decodeXmlBytes, utf8XmlBytes, XmlError } from '../../invoice/xml';
import { corpusPath, describeWithCorpus } from '../support/corpus';
import { windows1252 } from './hostile';

// A real French invoice of the Factur-X library's fixtures (akretion/factur-x, tests/fixtures/xml):
// accented names and addresses, and a note "… en cas de retard de paiement : 40 €."
const SOURCE = 'akretion/factur-x/tests/fixtures/xml/ubl-21-en16931.xml';

function declaring(xml: string, encoding: string): string {
  return xml.replace(/^<\?xml[^>]*\?>/, `<?xml version="1.0" encoding="${encoding}"?>`);
}

function errorOf(fn: () => unknown): XmlError {
  try {
    fn();
  } catch (err) {
    if (err instanceof XmlError) return err;
    throw err;
  }
  throw new Error('accepted');
}

describeWithCorpus('Legacy XML encodings', () => {
  const utf8 = () => fs.readFileSync(corpusPath(SOURCE), 'utf8');

  it('reads a windows-1252 invoice, euro sign and accents included, as the UTF-8 original', async () => {
    const original = utf8();
    expect(original).toContain('40 €.');
    const bytes = windows1252(declaring(original, 'windows-1252'));
    expect(bytes.includes(Buffer.from([0x80]))).toBe(true); // the € of windows-1252
    const legacy = parseInvoice(bytes).invoice;
    expect(legacy).toEqual(parseInvoice(Buffer.from(original)).invoice);
    expect(legacy.notes?.map((n) => n.text).join(' ')).toContain('retard de paiement : 40 €.');
    expect(JSON.stringify(legacy)).toContain('Société écran');

    const checked = await checkInvoiceFile(bytes, { rules: 'en16931' });
    const reference = await checkInvoiceFile(Buffer.from(original), { rules: 'en16931' });
    expect(checked.findings).toEqual(reference.findings);
    expect(checked.valid).toBe(reference.valid);
  });

  it.each(['ISO-8859-1', 'iso-8859-1', 'latin1', 'cp1252', 'US-ASCII'])(
    'accepts the declared encoding %s',
    (encoding) => {
      const xml = declaring(utf8(), encoding).replace(/€/g, 'EUR');
      const text = encoding === 'US-ASCII' ? xml.normalize('NFD').replace(/[^\x00-\x7f]/g, '') : xml;
      const parsed = parseInvoice(windows1252(text)).invoice;
      expect(parsed.number).toBe(parseInvoice(Buffer.from(utf8())).invoice.number);
    },
  );

  it('hands schema validation UTF-8 that says so', () => {
    const bytes = windows1252(declaring(utf8(), 'windows-1252'));
    const converted = Buffer.from(utf8XmlBytes(bytes)).toString('utf8');
    expect(converted.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    expect(converted).toContain('40 €.');
    const plain = Buffer.from(utf8());
    expect(utf8XmlBytes(plain)).toBe(plain);
  });

  it.each(['Shift_JIS', 'EBCDIC-CP-US', 'ISO-8859-5', 'x-unknown'])(
    'refuses %s with a code naming the encoding',
    (encoding) => {
      const err = errorOf(() => parseInvoice(Buffer.from(declaring(utf8(), encoding))));
      expect(err.code).toBe('XML_ENCODING_UNSUPPORTED');
      expect(err.message).toContain(`"${encoding}"`);
      expect(xmlRefusalCode(err)).toBe('XML_ENCODING_UNSUPPORTED');
      expect(refusalMessage(err.code, err.message, 'fr')).toContain(`« ${encoding} »`);
    },
  );

  it('still refuses bytes that are not the UTF-8 they claim to be', () => {
    const err = errorOf(() => decodeXmlBytes(windows1252(utf8())));
    expect(err.code).toBe('XML_NOT_WELL_FORMED');
  });
});
