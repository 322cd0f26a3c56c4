import { json } from '../../support/platform';

const SETTLED = ['IN_INTEGRE', 'IN_INTEGRE_PARTIEL', 'IN_REJETE', 'IN_INCIDENTE'];

/**
 * Polls a resource as the given user until `done` says so; answers its body. A poll that fails at the
 * socket is tried again: under a loaded test process the server may drop a kept-alive connection just
 * as the client reuses it (ECONNRESET), which says nothing about the resource.
 */
async function poll(
  url: string,
  token: string,
  done: (body: Awaited<ReturnType<typeof json>>) => boolean,
  timeoutMs: number,
): ReturnType<typeof json> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  for (;;) {
    try {
      const res = await fetch(url, { headers: { authorization: `Bearer ${token}` }, keepalive: false });
      const body = await json(res);
      if (res.ok && done(body)) return body;
      last = JSON.stringify(body).slice(0, 300);
    } catch (err) {
      last = String(err);
    }
    if (Date.now() > deadline) throw new Error(`${url} not there after ${timeoutMs} ms: ${last}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Polls a flow over HTTP until it is settled; answers its state. */
export function waitForFlow(url: string, token: string, numero: string, timeoutMs: number) {
  return poll(`${url}/api/v1/flows/${numero}`, token, (b) => SETTLED.includes(b.etatCourantFlux), timeoutMs);
}

/** Polls an invoice over HTTP until its status is one of `until`. */
export function waitForInvoice(url: string, token: string, id: string, until: string[], timeoutMs: number) {
  return poll(`${url}/api/v1/invoices/${id}`, token, (b) => until.includes(b.status), timeoutMs);
}
