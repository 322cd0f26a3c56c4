import { parseXml } from '../../invoice/xml';
import { readUbl } from '../../invoice/ubl/read';
import { toUbl } from '../../invoice/ubl/write';
import { InvoiceFormatError } from '../../invoice/errors';

const NS = `xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2" xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2" xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"`;
const read = (body: string) => readUbl(parseXml(`<Invoice ${NS}>${body}</Invoice>`));

describe('readUbl on fragments', () => {
  it('keeps absent apart from empty', () => {
    const inv = read('<cbc:ID>F1</cbc:ID><cbc:BuyerReference/>');
    expect(inv.buyerReference).toBe('');
    expect(inv.purchaseOrderReference).toBeUndefined();
    expect('purchaseOrderReference' in inv).toBe(false);
  });

  it('keeps amounts as their exact decimal text and currency attribute', () => {
    const inv = read(
      '<cac:LegalMonetaryTotal><cbc:PayableAmount currencyID="EUR">0.10000000000000000555</cbc:PayableAmount></cac:LegalMonetaryTotal>',
    );
    expect(inv.totals.amountDue).toEqual({ value: '0.10000000000000000555', currencyId: 'EUR' });
  });

  it('counts terms a bad document repeats', () => {
    const inv = read(
      '<cac:ContractDocumentReference><cbc:ID>C1</cbc:ID></cac:ContractDocumentReference>' +
        '<cac:ContractDocumentReference><cbc:ID>C2</cbc:ID></cac:ContractDocumentReference>' +
        '<cac:InvoiceLine><cbc:ID>1</cbc:ID><cbc:Note>a</cbc:Note><cbc:Note>b</cbc:Note></cac:InvoiceLine>',
    );
    expect(inv.contractReference).toBe('C1');
    expect(inv.repeated).toEqual({ 'BT-12': 2 });
    expect(inv.lines[0].repeated).toEqual({ 'BT-127': 2 });
  });

  it('reads the binding conventions: #CODE# notes, NA order id, SEPA creditor id', () => {
    const inv = read(
      '<cbc:Note>#AAI#General note</cbc:Note>' +
        '<cac:OrderReference><cbc:ID>NA</cbc:ID><cbc:SalesOrderID>SO-9</cbc:SalesOrderID></cac:OrderReference>' +
        '<cac:AccountingSupplierParty><cac:Party><cac:PartyIdentification><cbc:ID schemeID="SEPA">DE98ZZZ09999999999</cbc:ID></cac:PartyIdentification></cac:Party></cac:AccountingSupplierParty>',
    );
    expect(inv.notes).toEqual([{ subjectCode: 'AAI', text: 'General note' }]);
    expect(inv.purchaseOrderReference).toBeUndefined();
    expect(inv.salesOrderReference).toBe('SO-9');
    expect(inv.seller.identifiers).toEqual([]);
    expect(inv.paymentInstructions?.directDebit?.creditorId).toBe('DE98ZZZ09999999999');
  });

  it('refuses a root that is not a UBL invoice', () => {
    expect(() => readUbl(parseXml('<Invoice xmlns="urn:x"/>'))).toThrow(InvoiceFormatError);
  });
});

describe('toUbl', () => {
  it('writes a credit note for type 381 and round-trips its due date through PaymentMeans', () => {
    const inv = read(
      '<cbc:ID>C-1</cbc:ID><cbc:DueDate>2024-06-30</cbc:DueDate><cbc:InvoiceTypeCode>381</cbc:InvoiceTypeCode>' +
        '<cac:PaymentMeans><cbc:PaymentMeansCode>30</cbc:PaymentMeansCode></cac:PaymentMeans>',
    );
    const xml = toUbl(inv);
    expect(xml).toContain('<CreditNote xmlns="urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2"');
    const back = readUbl(parseXml(xml));
    expect(back.typeCode).toBe('381');
    expect(back.dueDate).toBe('2024-06-30');
  });

  it('escapes text and keeps empty terms as empty elements', () => {
    const inv = read('<cbc:ID>A&amp;B &lt;1&gt;</cbc:ID><cbc:BuyerReference></cbc:BuyerReference>');
    const back = readUbl(parseXml(toUbl(inv)));
    expect(back.number).toBe('A&B <1>');
    expect(back.buyerReference).toBe('');
  });
});
