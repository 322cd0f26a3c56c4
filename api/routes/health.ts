import { Router } from 'express';
import type { Client } from '@temporalio/client';
import { checkDb, Db } from '../../platform/db';
import type { OpenApiPaths } from '../openapi';
import { healthBody } from '../schemas';

/** GET /health: the API is up and can reach the database and Temporal. */
export function healthRouter({ db, client }: { db: Db; client: Client }): Router {
  const router = Router();
  router.get('/health', async (_req, res) => {
    const [database, temporal] = await Promise.all([
      settle(() => checkDb(db)),
      settle(() => client.workflowService.getSystemInfo({}).then(() => undefined)),
    ]);
    const ok = database === 'ok' && temporal === 'ok';
    res.status(ok ? 200 : 503).json({ status: ok ? 'ok' : 'degraded', checks: { database, temporal } });
  });
  return router;
}

async function settle(probe: () => Promise<void>): Promise<string> {
  try {
    await Promise.race([
      probe(),
      new Promise((_, reject) => setTimeout(() => reject(new Error('timed out after 3 s')), 3000).unref()),
    ]);
    return 'ok';
  } catch (err) {
    return `unreachable: ${(err as Error).message}`;
  }
}

export const healthOpenApi: OpenApiPaths = {
  '/health': {
    get: {
      summary: 'Health of the API and what it depends on (database, Temporal)',
      responses: {
        '200': {
          description: 'All dependencies reachable',
          content: { 'application/json': { schema: healthBody } },
        },
        '503': {
          description: 'A dependency is unreachable',
          content: { 'application/json': { schema: healthBody } },
        },
      },
    },
  },
};
