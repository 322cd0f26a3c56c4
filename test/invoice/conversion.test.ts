import fs from 'node:fs';
import { convertXml, CONVERSION_RULES } from '../../invoice/convert';
import { readCii } from '../../invoice/cii/read';
import { readUbl } from '../../invoice/ubl/read';
import { validateEn16931 } from '../../invoice/validate';
import { parseXml } from '../../invoice/xml';
import { corpusPath, describeWithCorpus } from '../support/corpus';
import { variantInvoice, VARIANTS } from './conversion-variants';

const EXAMPLES = 'ConnectingEurope/eInvoicing-EN16931';
const fatalRules = (xml: string) => [
  ...new Set(
    validateEn16931(xml)
      .filter((f) => f.severity === 'fatal')
      .map((f) => f.rule),
  ),
];
const count = (xml: string, pattern: RegExp) => (xml.match(pattern) ?? []).length;

describe('the four conversion defects of issue 16', () => {
  it('CII-SR-461: BT-7 is written once, not in every VAT breakdown', () => {
    const invoice = variantInvoice(VARIANTS[0]);
    const { output } = convertXml(invoice, 'cii');
    expect(count(output, /<ram:ApplicableTradeTax>/g)).toBeGreaterThanOrEqual(4);
    expect(count(output, /<ram:TaxPointDate>/g)).toBe(1);
    expect(fatalRules(output)).toEqual([]);
    expect(readCii(parseXml(output)).vatPointDate).toBe('2026-03-31');
  });

  it.each([
    ['3', '5'],
    ['35', '29'],
    ['432', '72'],
  ])('BR-CL-06: UBL BT-8 %s (UNTDID 2005) is CII DueDateTypeCode %s (UNTDID 2475), and back', (ubl, cii) => {
    const fromUbl = { ...variantInvoice(VARIANTS[5]), vatPointDateCode: ubl };
    const ciiXml = convertXml(fromUbl, 'cii').output;
    expect(ciiXml).toContain(`<ram:DueDateTypeCode>${cii}</ram:DueDateTypeCode>`);
    expect(fatalRules(ciiXml)).toEqual([]);
    const ublXml = convertXml(readCii(parseXml(ciiXml)), 'ubl').output;
    expect(ublXml).toContain(`<cbc:DescriptionCode>${ubl}</cbc:DescriptionCode>`);
    expect(fatalRules(ublXml)).toEqual([]);
  });

  it('UBL-SR-46: the payment means text is written on the first payment means only', () => {
    const invoice = variantInvoice(VARIANTS[1]);
    const { output } = convertXml(invoice, 'ubl');
    expect(count(output, /<cac:PaymentMeans>/g)).toBe(2);
    expect(count(output, / name="Virement SEPA"/g)).toBe(1);
    expect(fatalRules(output)).toEqual([]);
    expect(readUbl(parseXml(output)).paymentInstructions?.text).toBe('Virement SEPA');
  });

  it('BG-3: a second preceding invoice CII cannot carry is reported, in French and English', () => {
    const invoice = variantInvoice(VARIANTS[2]);
    const { output, findings } = convertXml(invoice, 'cii');
    expect(count(output, /<ram:InvoiceReferencedDocument>/g)).toBe(1);
    expect(fatalRules(output)).toEqual([]);
    expect(findings).toEqual([
      {
        rule: CONVERSION_RULES.precedingInvoiceDropped,
        severity: 'warning',
        term: 'BG-3',
        value: 'F-2025-0002 (2025-11-15)',
        message: expect.stringContaining('single preceding invoice reference (BG-3)'),
        messageFr: expect.stringContaining('facture antérieure (BG-3)'),
      },
    ]);
    expect(convertXml(invoice, 'ubl').findings).toEqual([]);
  });
});

describeWithCorpus('code-list and cardinality differences between the UBL and CII bindings', () => {
  const read = (file: string) => readUbl(parseXml(fs.readFileSync(corpusPath(EXAMPLES, file))));

  it('BR-53: a VAT accounting currency equal to the invoice currency is left out of CII, with a finding', () => {
    const invoice = read('ubl/examples/sample-discount-price.xml');
    expect(invoice.vatCurrencyCode).toBe(invoice.currencyCode);
    const { output, findings } = convertXml(invoice, 'cii');
    expect(output).not.toContain('<ram:TaxCurrencyCode>');
    expect(fatalRules(output)).toEqual([]);
    expect(findings.map((f) => [f.rule, f.term, f.value])).toEqual([
      [CONVERSION_RULES.vatCurrencySameAsInvoice, 'BT-6', 'EUR'],
    ]);
  });

  it('BT-83 without a payment means code cannot go to UBL: reported, and no empty PaymentMeansCode', () => {
    const invoice = read('ubl/examples/ubl-tc434-example1.xml');
    invoice.paymentInstructions = { remittanceInformation: 'AV-2017-0005', creditTransfers: [] };
    const { output, findings } = convertXml(invoice, 'ubl');
    expect(output).not.toContain('<cac:PaymentMeans>');
    expect(findings.map((f) => [f.rule, f.term, f.value])).toEqual([
      [CONVERSION_RULES.paymentTermWithoutMeans, 'BT-83', 'AV-2017-0005'],
    ]);
  });

  it('a PartyTaxScheme without CompanyID states no VAT identifier in the result (BR-S-02 stays visible)', () => {
    // As in the EN 16931 unit tests BR-S-02, BR-Z-03… (ConnectingEurope test/Invoice-unit-UBL).
    const file = corpusPath(EXAMPLES, 'ubl/examples/ubl-tc434-example1.xml');
    const xml = fs
      .readFileSync(file, 'utf8')
      .replace('<cbc:CompanyID>NL8200.98.395.B.01</cbc:CompanyID>', '');
    const invoice = readUbl(parseXml(xml));
    expect(invoice.seller.vatId).toBeUndefined();
    const { output } = convertXml(invoice, 'cii');
    expect(output).not.toContain('schemeID="VA"');
    expect(fatalRules(output)).toContain('BR-S-02');
  });

  it('BT-7 and BT-8 of an invoice without VAT breakdown cannot go to CII: reported, not dropped silently', () => {
    // As in the EN 16931 unit tests BR-CO-03 and BR-CL-06 (ConnectingEurope test/Invoice-unit-UBL).
    const invoice = read('ubl/examples/ubl-tc434-example1.xml');
    invoice.vatBreakdowns = [];
    invoice.vatPointDate = '2013-06-30';
    invoice.vatPointDateCode = '3';
    const { output, findings } = convertXml(invoice, 'cii');
    expect(output).not.toContain('TaxPointDate');
    expect(findings.map((f) => [f.rule, f.term, f.value])).toEqual([
      [CONVERSION_RULES.vatPointWithoutBreakdown, 'BT-7', '2013-06-30'],
      [CONVERSION_RULES.vatPointWithoutBreakdown, 'BT-8', '3'],
    ]);
    expect(findings[0].messageFr).toMatch(/BT-7.*BG-23/);
  });
});

describe('generated variants convert to valid UBL and CII', () => {
  it.each(VARIANTS.map((v) => [v.name, v]))('%s', (_, spec) => {
    const invoice = variantInvoice(spec);
    expect(fatalRules(convertXml(invoice, 'ubl').output)).toEqual([]);
    expect(fatalRules(convertXml(invoice, 'cii').output)).toEqual([]);
  });
});
