'use strict';

/** Thrown for refused credentials; facturflow recognises it by its name and code. */
class CredentialsRejected extends Error {
  constructor(message) {
    super(message);
    this.name = 'CredentialsRejected';
    this.code = 'CONNECTOR_CREDENTIALS_REJECTED';
  }
}

const PAGE_SIZE = 2;

/** One canonical EN 16931 invoice (facturflow's invoice model) for one catalogue entry. */
function toInvoice(entry, supplier) {
  const net = entry.amount.toFixed(2);
  const vat = (entry.amount * 0.2).toFixed(2);
  const gross = (entry.amount * 1.2).toFixed(2);
  return {
    number: entry.number,
    issueDate: entry.date,
    typeCode: '380',
    currencyCode: 'EUR',
    notes: [],
    specificationId: 'urn:cen.eu:en16931:2017',
    precedingInvoices: [],
    seller: {
      name: supplier.name,
      identifiers: [],
      legalRegistrationId: { value: supplier.siret, schemeId: '0009' },
      vatId: supplier.vatNumber,
      address: { countryCode: 'FR' },
    },
    buyer: {
      name: entry.buyerName,
      legalRegistrationId: { value: entry.buyerSiret, schemeId: '0009' },
      address: { countryCode: 'FR' },
    },
    allowances: [],
    charges: [],
    totals: {
      lineNetTotal: { value: net },
      taxExclusiveAmount: { value: net },
      vatTotal: { value: vat, currencyId: 'EUR' },
      taxInclusiveAmount: { value: gross },
      amountDue: { value: gross },
    },
    vatBreakdowns: [
      { taxableAmount: { value: net }, taxAmount: { value: vat }, categoryCode: 'S', rate: '20' },
    ],
    supportingDocuments: [],
    lines: [
      {
        id: '1',
        quantity: { value: '1', unitCode: 'C62' },
        netAmount: { value: net },
        allowances: [],
        charges: [],
        price: { netPrice: { value: net } },
        vatCategoryCode: 'S',
        vatRate: '20',
        item: { name: entry.label, classifications: [], attributes: [] },
      },
    ],
  };
}

exports.connector = {
  manifest: {
    id: 'example',
    name: 'Example ERP',
    version: '1.0.0',
    capabilities: ['listInvoices', 'pushStatus', 'webhook'],
    retry: { initialIntervalMs: 1000, maximumIntervalMs: 30000 },
    rateLimit: { requestsPerSecond: 50 },
  },
  configSchema: {
    type: 'object',
    properties: {
      invoices: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            number: { type: 'string' },
            date: { type: 'string' },
            label: { type: 'string' },
            amount: { type: 'number' },
            buyerName: { type: 'string' },
            buyerSiret: { type: 'string' },
          },
          required: ['number', 'date', 'label', 'amount', 'buyerSiret'],
        },
        default: [],
      },
    },
    additionalProperties: false,
  },
  credentialsSchema: {
    type: 'object',
    properties: { token: { type: 'string', minLength: 1 } },
    required: ['token'],
    additionalProperties: false,
  },
  open(context) {
    const catalogue = context.config.invoices || [];
    const statuses = [];
    const check = () => {
      if (context.credentials.token !== 'example')
        throw new CredentialsRejected('The example ERP only knows the token "example".');
    };
    return {
      async testConnection() {
        check();
        return { account: 'example' };
      },
      async listInvoices(cursor) {
        check();
        const from = cursor ? Number(cursor) : 0;
        const page = catalogue.slice(from, from + PAGE_SIZE);
        const next = from + PAGE_SIZE < catalogue.length ? String(from + PAGE_SIZE) : undefined;
        return { invoices: page.map((e) => ({ externalId: e.number })), next, resumeFrom: String(from) };
      },
      async getInvoice(externalId) {
        check();
        const entry = catalogue.find((e) => e.number === externalId);
        return { invoice: toInvoice(entry, context.supplier) };
      },
      async pushStatus(externalId, status) {
        check();
        statuses.push({ externalId, status });
      },
    };
  },
};
