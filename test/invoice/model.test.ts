import fs from 'node:fs';
import Ajv2020 from 'ajv/dist/2020';
import { invoiceSchema } from '../../invoice/schema';
import { isCreditNote } from '../../invoice/model';
import { parseInvoice } from '../../invoice/parse';
import { decimalEquals, decimalSum } from '../../invoice/decimal';
import { corpusFiles, describeWithCorpus } from '../support/corpus';

const validate = new Ajv2020({ allErrors: true, strict: false }).compile(invoiceSchema);

describeWithCorpus('the JSON Schema of the model', () => {
  const examples = [
    ...corpusFiles('ConnectingEurope/eInvoicing-EN16931/ubl/examples', /\.xml$/i),
    ...corpusFiles('ConnectingEurope/eInvoicing-EN16931/cii/examples', /\.xml$/i),
  ];

  it.each(examples)('accepts the model read from %s', (file) => {
    const { invoice } = parseInvoice(fs.readFileSync(file));
    expect(validate(invoice) ? [] : validate.errors).toEqual([]);
  });
});

describe('the JSON Schema of the model', () => {
  const minimal = {
    number: 'F-1',
    issueDate: '2024-05-01',
    typeCode: '380',
    currencyCode: 'EUR',
    specificationId: 'urn:cen.eu:en16931:2017',
    notes: [],
    precedingInvoices: [],
    seller: { identifiers: [] },
    buyer: {},
    allowances: [],
    charges: [],
    totals: { amountDue: { value: '120.00' } },
    vatBreakdowns: [],
    supportingDocuments: [],
    lines: [],
  };

  it('accepts a minimal invoice', () => expect(validate(minimal)).toBe(true));

  it('refuses amounts given as JSON numbers, which would lose exactness', () => {
    expect(validate({ ...minimal, totals: { amountDue: { value: 120.1 } } })).toBe(false);
  });

  it('refuses unknown fields and missing invoice numbers', () => {
    expect(validate({ ...minimal, numero: 'x' })).toBe(false);
    const { number: _, ...withoutNumber } = minimal;
    expect(validate(withoutNumber)).toBe(false);
  });
});

describe('model helpers', () => {
  it('tells credit notes by their UNTDID 1001 type code', () => {
    expect(isCreditNote({ typeCode: '381' })).toBe(true);
    expect(isCreditNote({ typeCode: '380' })).toBe(false);
  });

  it('adds decimal text exactly, keeping the scale', () => {
    expect(decimalSum(['0.1', '0.2'])).toBe('0.3');
    expect(decimalSum(['1273.00', '225.00'])).toBe('1498.00');
    expect(decimalSum(['-3', '1.005'])).toBe('-1.995');
    expect(decimalEquals('473.00', '473')).toBe(true);
    expect(decimalEquals('473.01', '473')).toBe(false);
  });
});
