import { json } from '../../support/platform';

const SETTLED = ['IN_INTEGRE', 'IN_INTEGRE_PARTIEL', 'IN_REJETE', 'IN_INCIDENTE'];

/** Polls a flow over HTTP until it is settled; answers its state. */
export async function waitForFlow(
  url: string,
  token: string,
  numero: string,
  timeoutMs: number,
): ReturnType<typeof json> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await fetch(`${url}/api/v1/flows/${numero}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const body = await json(res);
    if (res.ok && SETTLED.includes(body.etatCourantFlux)) return body;
    if (Date.now() > deadline)
      throw new Error(`flow ${numero} still ${body.etatCourantFlux ?? res.status} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Polls an invoice over HTTP, as the given user, until its status is one of `until`. */
export async function waitForInvoice(
  url: string,
  token: string,
  id: string,
  until: string[],
  timeoutMs: number,
): ReturnType<typeof json> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await fetch(`${url}/api/v1/invoices/${id}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const body = await json(res);
    if (res.ok && until.includes(body.status)) return body;
    if (Date.now() > deadline)
      throw new Error(`invoice ${id} still ${body.status ?? res.status} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
