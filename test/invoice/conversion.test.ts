import fs from 'node:fs';
import { convertXml, CONVERSION_RULES } from '../../invoice/convert';
import { readCii } from '../../invoice/cii/read';
import { readUbl } from '../../invoice/ubl/read';
import { validateEn16931 } from '../../invoice/validate';
import { PEPPOL_BIS_BILLING, validatePeppol } from '../../invoice/validate/peppol';
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

describe('identifiers Peppol checks in CII and not in UBL (PEPPOL-COMMON-R040 on BT-157 and BT-71)', () => {
  // GLNs with a wrong check digit, as in OpenPEPPOL's base example; 1234567890128 is a valid GLN.
  const BAD_ITEM_GLN = '21382183120983';
  const BAD_LOCATION_GLN = '9483759475923478';
  const peppolInvoice = (itemGln: string, locationGln: string) => {
    const invoice = variantInvoice(VARIANTS[0]);
    invoice.specificationId = PEPPOL_BIS_BILLING;
    invoice.lines[0] = {
      ...invoice.lines[0],
      item: { ...invoice.lines[0].item, standardId: { value: itemGln, schemeId: '0088' } },
    };
    invoice.delivery = { ...invoice.delivery, locationId: { value: locationGln, schemeId: '0088' } };
    return invoice;
  };
  const r040 = (xml: string) => validatePeppol(parseXml(xml)).filter((f) => f.rule === 'PEPPOL-COMMON-R040');

  it('the CII binding writes them where Peppol checks them: without the Peppol option, R040 fires', () => {
    const { output, findings } = convertXml(peppolInvoice(BAD_ITEM_GLN, BAD_LOCATION_GLN), 'cii');
    expect(findings).toEqual([]);
    expect(output).toContain(`<ram:GlobalID schemeID="0088">${BAD_ITEM_GLN}</ram:GlobalID>`);
    expect(r040(output).map((f) => f.location)).toEqual([
      expect.stringMatching(
        /IncludedSupplyChainTradeLineItem\[1\]\/ram:SpecifiedTradeProduct\/ram:GlobalID$/,
      ),
      expect.stringMatching(/ShipToTradeParty\/ram:GlobalID$/),
    ]);
  });

  it('for a Peppol result, BT-157 is left out and BT-71 loses its scheme, each with FF-CONV-06', () => {
    const invoice = peppolInvoice(BAD_ITEM_GLN, BAD_LOCATION_GLN);
    const { output, findings } = convertXml(invoice, 'cii', undefined, { peppol: true });
    expect(r040(output)).toEqual([]);
    expect(fatalRules(output)).toEqual([]);
    expect(output).not.toContain(BAD_ITEM_GLN);
    expect(output).toContain(`<ram:ID>${BAD_LOCATION_GLN}</ram:ID>`);
    expect(findings).toEqual([
      expect.objectContaining({
        rule: CONVERSION_RULES.peppolIdentifierFormat,
        severity: 'warning',
        term: 'BT-157',
        value: `${BAD_ITEM_GLN} (0088)`,
      }),
      expect.objectContaining({
        rule: CONVERSION_RULES.peppolIdentifierFormat,
        severity: 'warning',
        term: 'BT-71-1',
        value: '0088',
      }),
    ]);
    expect(findings[0].message).toContain('PEPPOL-COMMON-R040');
    expect(findings[1].messageFr).toContain('BT-71');
    const back = readCii(parseXml(output));
    expect(back.lines[0].item.standardId).toBeUndefined();
    expect(back.delivery?.locationId).toEqual({ value: BAD_LOCATION_GLN });
    // The source is untouched.
    expect(invoice.lines[0].item.standardId?.value).toBe(BAD_ITEM_GLN);
  });

  it('valid GLNs are written as the binding says, Peppol or not', () => {
    const { output, findings } = convertXml(
      peppolInvoice('1234567890128', '1234567890128'),
      'cii',
      undefined,
      {
        peppol: true,
      },
    );
    expect(findings).toEqual([]);
    expect(r040(output)).toEqual([]);
    expect(count(output, /<ram:GlobalID schemeID="0088">1234567890128<\/ram:GlobalID>/g)).toBe(2);
  });
});

describe('document notes Peppol allows in UBL and not in CII (PEPPOL-EN16931-R002)', () => {
  const notes = [{ subjectCode: 'REG', text: 'Lieferant GmbH' }, { text: 'Rechnung gemäß Bestellung' }];
  const r002 = (xml: string) => validatePeppol(parseXml(xml)).filter((f) => f.rule === 'PEPPOL-EN16931-R002');

  it('a Peppol result in CII gets one note, subject codes written as UBL writes them, with FF-CONV-07', () => {
    const invoice = { ...variantInvoice(VARIANTS[0]), specificationId: PEPPOL_BIS_BILLING, notes };
    expect(r002(convertXml(invoice, 'cii').output)).toHaveLength(1);
    const { output, findings } = convertXml(invoice, 'cii', undefined, { peppol: true });
    expect(r002(output)).toEqual([]);
    expect(fatalRules(output)).toEqual([]);
    expect(readCii(parseXml(output)).notes).toEqual([
      { text: '#REG#Lieferant GmbH\n\nRechnung gemäß Bestellung' },
    ]);
    expect(findings).toEqual([
      expect.objectContaining({ rule: CONVERSION_RULES.peppolNotesJoined, term: 'BT-21', value: '2 (REG)' }),
    ]);
  });
});
