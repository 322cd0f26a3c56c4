import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Client } from '@temporalio/client';
import { createApp, type AppDeps } from '../../api/app';
import type { Db } from '../../platform/db';
import { createLogger } from '../../platform/logger';
import { testBlobs } from '../support/stores';
import { listen } from '../../api/listen';

/**
 * The API over a test database, for what the edge decides before any workflow is involved: the
 * Temporal client is never connected (these requests do not reach it).
 */
export async function serveApi(
  db: Db,
  extra: Partial<AppDeps> = {},
): Promise<{ url: string; port: number; close(): Promise<void> }> {
  const app = createApp({
    db,
    client: new Client(),
    blobs: testBlobs(),
    logger: createLogger('silent'),
    taskQueue: 'unused',
    maxUploadBytes: 20 * 1024 * 1024,
    publicUrl: 'http://portal.test',
    ...extra,
  });
  const server: Server = await listen(app, 0, '127.0.0.1');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
