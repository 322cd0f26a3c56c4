import { parseXml } from '../../invoice/xml';
import { readCii } from '../../invoice/cii/read';
import { toCii } from '../../invoice/cii/write';
import { profileOfGuideline } from '../../invoice/cii/profile';
import { InvoiceFormatError } from '../../invoice/errors';

const NS = `xmlns:rsm="urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100" xmlns:ram="urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100" xmlns:udt="urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100"`;
const read = (body: string) =>
  readCii(parseXml(`<rsm:CrossIndustryInvoice ${NS}>${body}</rsm:CrossIndustryInvoice>`));

describe('readCii on fragments', () => {
  it('reads a document with only a number and a date, without crashing on missing groups', () => {
    const inv = read(
      '<rsm:ExchangedDocument><ram:ID>X-1</ram:ID><ram:IssueDateTime><udt:DateTimeString format="102">20240131</udt:DateTimeString></ram:IssueDateTime></rsm:ExchangedDocument>',
    );
    expect(inv.number).toBe('X-1');
    expect(inv.issueDate).toBe('2024-01-31');
    expect(inv.lines).toEqual([]);
    expect(inv.delivery).toBeUndefined();
    expect(inv.paymentInstructions).toBeUndefined();
  });

  it('keeps a date it cannot read as raw text, for the rules to report', () => {
    const inv = read(
      '<rsm:ExchangedDocument><ram:IssueDateTime><udt:DateTimeString format="610">202401</udt:DateTimeString></ram:IssueDateTime></rsm:ExchangedDocument>',
    );
    expect(inv.issueDate).toBe('202401');
  });

  it('tells BT-110 from BT-111 by currency and counts a repeated BT-110', () => {
    const sums = (amounts: string) =>
      read(
        '<rsm:SupplyChainTradeTransaction><ram:ApplicableHeaderTradeSettlement><ram:TaxCurrencyCode>SEK</ram:TaxCurrencyCode>' +
          '<ram:InvoiceCurrencyCode>EUR</ram:InvoiceCurrencyCode><ram:SpecifiedTradeSettlementHeaderMonetarySummation>' +
          amounts +
          '</ram:SpecifiedTradeSettlementHeaderMonetarySummation></ram:ApplicableHeaderTradeSettlement></rsm:SupplyChainTradeTransaction>',
      );
    const ok = sums(
      '<ram:TaxTotalAmount currencyID="SEK">100.50</ram:TaxTotalAmount><ram:TaxTotalAmount currencyID="EUR">9.5</ram:TaxTotalAmount>',
    );
    expect(ok.totals.vatTotal).toEqual({ value: '9.5', currencyId: 'EUR' });
    expect(ok.totals.vatTotalAccountingCurrency).toEqual({ value: '100.50', currencyId: 'SEK' });
    expect(ok.repeated).toBeUndefined();
    const bad = sums('<ram:TaxTotalAmount currencyID="EUR">1</ram:TaxTotalAmount>'.repeat(3));
    expect(bad.repeated).toEqual({ 'BT-110': 3 });
  });

  it('refuses a root that is not a CrossIndustryInvoice', () => {
    expect(() => readCii(parseXml('<rsm:Other xmlns:rsm="urn:x"/>'))).toThrow(InvoiceFormatError);
  });
});

describe('toCii', () => {
  const inv = read(
    '<rsm:ExchangedDocumentContext><ram:GuidelineSpecifiedDocumentContextParameter><ram:ID>urn:cen.eu:en16931:2017</ram:ID></ram:GuidelineSpecifiedDocumentContextParameter></rsm:ExchangedDocumentContext>' +
      '<rsm:SupplyChainTradeTransaction><ram:IncludedSupplyChainTradeLineItem><ram:AssociatedDocumentLineDocument><ram:LineID>1</ram:LineID></ram:AssociatedDocumentLineDocument>' +
      '<ram:SpecifiedLineTradeSettlement/></ram:IncludedSupplyChainTradeLineItem></rsm:SupplyChainTradeTransaction>',
  );

  it('writes the profile guideline and leaves lines out of BASIC WL', () => {
    const back = readCii(parseXml(toCii(inv, 'BASIC WL')));
    expect(profileOfGuideline(back.specificationId)).toBe('BASIC WL');
    expect(back.lines).toEqual([]);
    expect(readCii(parseXml(toCii(inv))).lines.map((l) => l.id)).toEqual(['1']);
  });

  it('recognises ZUGFeRD 2.0 and French extension guideline ids', () => {
    expect(profileOfGuideline('urn:zugferd.de:2p0:basicwl')).toBe('BASIC WL');
    expect(
      profileOfGuideline('urn:cen.eu:en16931:2017#conformant#urn.cpro.gouv.fr:1p0:extended-ctc-fr'),
    ).toBe('EXTENDED');
    expect(
      profileOfGuideline('urn:cen.eu:en16931:2017#compliant#urn:xoev-de:kosit:standard:xrechnung_2.0'),
    ).toBe('EN 16931');
    expect(profileOfGuideline('urn:other')).toBeUndefined();
  });
});
