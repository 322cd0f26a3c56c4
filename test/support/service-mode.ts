import type { Db } from '../../platform/db';

/** What a Service-mode client sends: its OAuth token, its cpro-account header, and its application. */
export interface ServiceModeClient {
  token: string;
  account: string;
  clientId: string;
  clientSecret: string;
}

/**
 * A structure's Service-mode client, set up through the native API at `url` as its manager would: a
 * technical account with `password`, an application put in production (as an operator does, straight
 * in the database), and the OAuth token the application gets for its credentials.
 */
export async function serviceModeClient(o: {
  url: string;
  db: Db;
  managerToken: string;
  structureId: string;
  password: string;
  appName?: string;
}): Promise<ServiceModeClient> {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const native = async (route: string, method: string, body: unknown): Promise<any> => {
    const res = await fetch(`${o.url}/api/v1/structures/${o.structureId}${route}`, {
      method,
      headers: { authorization: `Bearer ${o.managerToken}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${method} ${route}: ${res.status} ${await res.text()}`);
    return res.json();
  };
  const account = await native('/technical-account', 'PUT', { password: o.password });
  const app = await native('/api-applications', 'POST', { name: o.appName ?? 'ERP' });
  await o.db('api_applications').where({ id: app.id }).update({ mode: 'PRODUCTION' });
  const res = await fetch(`${o.url}/api/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: app.clientId,
      client_secret: app.clientSecret,
    }).toString(),
  });
  const issued = (await res.json()) as { access_token?: unknown };
  if (typeof issued.access_token !== 'string') throw new Error(`no token: ${JSON.stringify(issued)}`);
  return {
    token: issued.access_token as string,
    account: Buffer.from(`${account.login}:${o.password}`).toString('base64'),
    clientId: app.clientId,
    clientSecret: app.clientSecret,
  };
}
