import fs from 'node:fs';
import { detectFormat } from '../../invoice/detect';
import { parseInvoice } from '../../invoice/parse';
import { InvoiceFormatError } from '../../invoice/errors';
import { XmlError } from '../../invoice/xml';
import { corpusPath, describeWithCorpus } from '../support/corpus';

const bytes = (s: string) => new TextEncoder().encode(s);
const UBL = 'urn:oasis:names:specification:ubl:schema:xsd:Invoice-2';
const CN = 'urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2';
const RSM = 'urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100';

describe('detectFormat', () => {
  it.each([
    [`<?xml version="1.0"?>\n<!-- c --><Invoice xmlns="${UBL}"/>`, 'ubl-invoice'],
    [`<cn:CreditNote xmlns:cn='${CN}'/>`, 'ubl-creditnote'],
    [`\uFEFF<rsm:CrossIndustryInvoice xmlns:rsm="${RSM}"><x/></rsm:CrossIndustryInvoice>`, 'cii'],
    ['%PDF-1.7\n%âãÏÓ', 'pdf'],
    [`<Invoice xmlns="urn:other"/>`, 'unknown'],
    [`<Invoice/>`, 'unknown'],
    ['hello', 'unknown'],
    ['', 'unknown'],
  ])('%j is %s', (text, expected) => {
    expect(detectFormat(bytes(text))).toBe(expected);
  });
});

describe('parseInvoice errors are typed', () => {
  const codeOf = (text: string) => {
    try {
      parseInvoice(bytes(text));
    } catch (err) {
      if (err instanceof InvoiceFormatError || err instanceof XmlError) return err.code;
      throw err;
    }
    return 'parsed';
  };

  it('refuses a PDF until the Factur-X extractor has taken its XML out', () => {
    expect(codeOf('%PDF-1.4')).toBe('PDF_NEEDS_EXTRACTION');
  });
  it('reports other XML as unsupported and broken XML with the XmlError code', () => {
    expect(codeOf('<Order xmlns="urn:x"/>')).toBe('UNSUPPORTED_FORMAT');
    expect(codeOf(`<Invoice xmlns="${UBL}">`)).toBe('XML_NOT_WELL_FORMED');
    expect(codeOf('<!DOCTYPE x [<!ENTITY a "b">]><x/>')).toBe('XML_DTD_FORBIDDEN');
  });
  it('parses an empty UBL invoice into a model with absent terms', () => {
    const { format, invoice } = parseInvoice(bytes(`<Invoice xmlns="${UBL}"/>`));
    expect(format).toBe('ubl-invoice');
    expect(invoice.number).toBe('');
    expect(invoice.lines).toEqual([]);
    expect(invoice.buyerReference).toBeUndefined();
  });
});

describeWithCorpus('parseInvoice on the corpus', () => {
  it('reads the Factur-X profile from BT-24 of each akretion fixture', () => {
    const profiles = ['minimum', 'basicwl', 'basic', 'en16931', 'extended'].map(
      (p) =>
        parseInvoice(fs.readFileSync(corpusPath('akretion/factur-x/tests/fixtures/xml', `factur-x-${p}.xml`)))
          .profile,
    );
    expect(profiles).toEqual(['MINIMUM', 'BASIC WL', 'BASIC', 'EN 16931', 'EXTENDED']);
  });
});
