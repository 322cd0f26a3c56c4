import { json } from '../../support/platform';

const SETTLED = ['IN_INTEGRE', 'IN_INTEGRE_PARTIEL', 'IN_REJETE', 'IN_INCIDENTE'];

/** Polls a flow over HTTP until it is settled; answers its state. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function waitForFlow(
  url: string,
  token: string,
  numero: string,
  timeoutMs: number,
): Promise<any> {
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
