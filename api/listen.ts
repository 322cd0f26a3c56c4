import type { Server } from 'node:http';
import type { Express } from 'express';

/**
 * How long an idle keep-alive connection stays open (Node's default is 5 s). Longer than what sits in
 * front keeps connections idle itself (HAProxy drops its idle connections to servers after 5 s, clients
 * such as Node's fetch after a few seconds less than the server announces), so that the side closing an
 * idle connection is never the API while a request is being sent on it: that request would be lost,
 * answered 502 by a load balancer or "other side closed" to a client.
 */
export const KEEP_ALIVE_MS = 65_000;

/** Serves `app` on host:port once listening; a port in use is said in plain words. */
export async function listen(app: Express, port: number, host: string): Promise<Server> {
  const server = app.listen(port, host);
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  // Headers of a request on a kept connection may take until that connection's end.
  server.headersTimeout = KEEP_ALIVE_MS + 1000;
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', (err: NodeJS.ErrnoException) =>
      reject(
        err.code === 'EADDRINUSE'
          ? new Error(`port ${port} is already in use: stop what uses it or set PORT`)
          : err,
      ),
    );
  });
  return server;
}
