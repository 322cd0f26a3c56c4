import crypto from 'node:crypto';
import { samplePdf, SimRequest, SimResponse, Simulator, startSimulator } from './server';

export interface EvolizClient {
  clientid: number;
  name: string;
  business_number?: string;
}

export interface EvolizRecord {
  invoiceid: number;
  document_number: string;
  documentdate: string;
  clientid: number;
  items: { designation: string; quantity: number; unit_price_vat_exclude: number; vat_rate: number }[];
  /** The customer's reference of the document (the public buyer's engagement number, BT-13). */
  external_document_number?: string;
  /** The code of the document's analytic axis (the public buyer's code service, BT-10). */
  analyticCode?: string;
  /** The simulator serves a record that lacks its items (a malformed record). */
  broken?: boolean;
}

/**
 * Evoliz as its API documents it: `POST api/login` with the two keys → a bearer token (lifetime
 * configurable, ~20 min for real), invoices paginated with `links.next`, detail, PDF, clients,
 * payments recorded on an invoice and the payments listing (`typedoc`, `period=custom` with
 * `date_min`/`date_max`, paginated the same way). Quirks reproduced: tokens can be expired by the
 * test, answering 401 until renewed; a payment takes no idempotency key.
 */
export async function startEvoliz(opts: {
  publicKey: string;
  secretKey: string;
  perPage?: number;
  tokenLifetimeMs?: number;
}) {
  const clients = new Map<number, EvolizClient>();
  const invoices: EvolizRecord[] = [];
  const tokens = new Map<string, number>();
  const payments: { paymentid: number; invoiceid: number; amount: number; paydate: string; label: string }[] =
    [];
  let logins = 0;
  let secretKey = opts.secretKey;

  const authorized = (r: SimRequest) => {
    const token = /^Bearer (.+)$/.exec(String(r.headers.authorization ?? ''))?.[1];
    return !!token && (tokens.get(token) ?? 0) > Date.now();
  };
  const detail = (i: EvolizRecord) => {
    const total = i.items.reduce(
      (s, it) => s + it.quantity * it.unit_price_vat_exclude * (1 + it.vat_rate / 100),
      0,
    );
    return {
      invoiceid: i.invoiceid,
      document_number: i.document_number,
      documentdate: i.documentdate,
      currency: { code: 'EUR' },
      client: { clientid: i.clientid, name: clients.get(i.clientid)?.name },
      total: { vat_include: Math.round(total * 100) / 100 },
      external_document_number: i.external_document_number ?? null,
      analytic: i.analyticCode ? { id: 7, code: i.analyticCode, label: `Axe ${i.analyticCode}` } : null,
      ...(i.broken ? {} : { items: i.items.map((it) => ({ ...it, unit: 'heure' })) }),
    };
  };

  const handler = (r: SimRequest): SimResponse => {
    if (r.method === 'POST' && r.path === '/api/login') {
      const b = r.body as { public_key?: string; secret_key?: string };
      if (b?.public_key !== opts.publicKey || b?.secret_key !== secretKey)
        return { status: 401, body: { error: 'Unauthorized' } };
      logins += 1;
      const token = crypto.randomBytes(12).toString('hex');
      const expiresAt = Date.now() + (opts.tokenLifetimeMs ?? 20 * 60_000);
      tokens.set(token, expiresAt);
      return { body: { access_token: token, expires_at: new Date(expiresAt).toISOString() } };
    }
    if (!authorized(r)) return { status: 401, body: { error: 'Token expired or invalid' } };
    if (r.method === 'GET' && r.path === '/api/v1/invoices') return paged(r, invoices.map(detail));
    if (r.method === 'GET' && r.path === '/api/v1/payments') {
      const typedoc = r.query.get('typedoc');
      const [min, max] = [r.query.get('date_min'), r.query.get('date_max')];
      const custom = r.query.get('period') === 'custom';
      // Every simulated payment is on an invoice (none on an advance).
      const rows = (typedoc && typedoc !== 'invoice' ? [] : payments)
        .filter((p) => !custom || ((!min || p.paydate >= min) && (!max || p.paydate <= max)))
        .map((p) => ({
          paymentid: p.paymentid,
          paydate: p.paydate,
          label: p.label,
          amount: p.amount,
          document: { documentid: p.invoiceid, typedoc: 'invoice' },
        }));
      return paged(r, rows);
    }
    let m = /^\/api\/v1\/invoices\/(\d+)(\/pdf|\/payments)?$/.exec(r.path);
    if (m) {
      const inv = invoices.find((i) => i.invoiceid === Number(m![1]));
      if (!inv) return { status: 404, body: { error: 'Not found' } };
      if (m[2] === '/pdf') return { body: samplePdf(inv.document_number) };
      if (m[2] === '/payments' && r.method === 'POST') {
        const b = r.body as { amount: number; paydate: string; label: string };
        const paymentid = payments.length + 1;
        payments.push({
          paymentid,
          invoiceid: inv.invoiceid,
          amount: b.amount,
          paydate: b.paydate,
          label: b.label,
        });
        return { status: 201, body: { paymentid } };
      }
      return { body: detail(inv) };
    }
    m = /^\/api\/v1\/clients\/(\d+)$/.exec(r.path);
    if (m && clients.has(Number(m[1]))) return { body: clients.get(Number(m[1])) };
    return { status: 404, body: { error: 'Not found' } };
  };

  /** A listing page as Evoliz gives them: `data`, `links` (first, last, prev, next) and `meta`. */
  function paged(r: SimRequest, rows: unknown[]): SimResponse {
    const per = Number(r.query.get('per_page') ?? opts.perPage ?? 10);
    const page = Number(r.query.get('page') ?? 1);
    const last = Math.max(1, Math.ceil(rows.length / per));
    const link = (p: number) => {
      const q = new URLSearchParams(r.query);
      q.set('per_page', String(per));
      q.set('page', String(p));
      return `${r.path}?${q}`;
    };
    return {
      body: {
        data: rows.slice((page - 1) * per, page * per),
        links: {
          first: link(1),
          last: link(last),
          prev: page > 1 ? link(page - 1) : null,
          next: page < last ? link(page + 1) : null,
        },
        meta: { current_page: page, last_page: last, per_page: per, total: rows.length },
      },
    };
  }

  const sim: Simulator = await startSimulator(handler);
  return {
    ...sim,
    clients,
    invoices,
    payments,
    logins: () => logins,
    /** The user regenerates their secret key in Evoliz: the stored one stops working. */
    setSecretKey: (key: string) => void (secretKey = key),
    /** Every issued token expires now, as after 20 idle minutes. */
    expireTokens: () => tokens.forEach((_, t) => tokens.set(t, 0)),
  };
}
