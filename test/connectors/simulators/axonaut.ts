import { SimRequest, SimResponse, startSimulator } from './server';

export interface AxonautCompany {
  id: number;
  name: string;
  siret?: string;
}

export interface AxonautRecord {
  id: number;
  number: string;
  date: string;
  companyId: number;
  lines: { name: string; price: number; quantity: number; taxRate: number }[];
  /** A credit note: Axonaut gives it as an invoice with negative amounts. */
  credit?: boolean;
  /** The invoice's custom fields ("champs personnalisés"), by name. */
  customFields?: Record<string, string>;
  /** Served with a total that does not match its lines (a malformed record). */
  corruptTotal?: boolean;
}

/**
 * Axonaut's API v2 as documented: `userApiKey` header on every call (403 otherwise), `GET /api/v2/me`,
 * invoices with the page number in the `page` header (an empty array past the end), credit notes as
 * negative totals, companies with their SIRET.
 */
export async function startAxonaut(opts: { apiKey: string; pageSize?: number }) {
  const companies = new Map<number, AxonautCompany>();
  const invoices: AxonautRecord[] = [];
  const pageSize = opts.pageSize ?? 3;

  const body = (i: AxonautRecord) => {
    const sign = i.credit ? -1 : 1;
    const lines = i.lines.map((l) => {
      const pre = Math.round(l.price * l.quantity * 100) / 100;
      const tax = Math.round(pre * l.taxRate) / 100;
      return {
        product_code: '',
        name: l.name,
        price: sign * l.price,
        quantity: l.quantity,
        unit: '',
        total_pre_tax_amount: sign * pre,
        total_tax_amount: sign * tax,
        total_amount: sign * (pre + tax),
      };
    });
    const total = lines.reduce((s, l) => s + l.total_amount, 0) + (i.corruptTotal ? 1000 : 0);
    return {
      id: i.id,
      number: i.number,
      date: `${i.date}T00:00:00+01:00`,
      due_date: null,
      paid_date: null,
      tax_amount: lines.reduce((s, l) => s + l.total_tax_amount, 0),
      total: Math.round(total * 100) / 100,
      currency: 'EUR',
      invoice_lines: lines,
      company: { id: i.companyId, name: companies.get(i.companyId)?.name },
      custom_fields: { ...i.customFields },
      billing_address: {},
    };
  };

  const handler = (r: SimRequest): SimResponse => {
    if (r.headers.userapikey !== opts.apiKey) return { status: 403, body: { error: 'Invalid userApiKey' } };
    if (r.path === '/api/v2/me')
      return { body: { email: 'compta@dupre.example', company: { name: 'Atelier Dupré' } } };
    if (r.path === '/api/v2/invoices') {
      const page = Number(r.headers.page ?? 1);
      return { body: invoices.slice((page - 1) * pageSize, page * pageSize).map(body) };
    }
    let m = /^\/api\/v2\/invoices\/(\d+)$/.exec(r.path);
    const inv = m && invoices.find((i) => i.id === Number(m![1]));
    if (inv) return { body: body(inv) };
    m = /^\/api\/v2\/companies\/(\d+)$/.exec(r.path);
    const company = m && companies.get(Number(m[1]));
    if (company)
      return {
        body: { id: company.id, name: company.name, siret: company.siret, intracommunity_number: '' },
      };
    return { status: 404, body: { error: 'Not found' } };
  };

  const sim = await startSimulator(handler);
  return { ...sim, companies, invoices };
}
