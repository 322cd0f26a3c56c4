import { Router } from 'express';
import type { Client } from '@temporalio/client';
import { checkDb, Db } from '../../platform/db';
import type { BlobStore } from '../../platform/blobs';
import type { OpenApiPaths } from '../openapi';
import { healthBody } from '../schemas';

/** A dependency's check: resolves when it answers. */
export type Probe = () => Promise<void>;

/** What /health checks besides the database, Temporal and the blob store (all three required). */
export interface HealthProbes {
  /** The SMTP server, when one is configured: reported, but emails wait in the workflows when it is down. */
  mail?: Probe;
}

const PROBE_TIMEOUT_MS = 3000;
/** A hash no blob has: asking for it reaches the store without reading anything. */
const ABSENT_BLOB = '0'.repeat(64);

/**
 * GET /health: each dependency with its state and how long it took to answer. 503 when a required
 * one (database, Temporal, blob store) is down, so a load balancer takes the process out.
 */
export function healthRouter({
  db,
  client,
  blobs,
  health = {},
}: {
  db: Db;
  client: Client;
  blobs: BlobStore;
  health?: HealthProbes;
}): Router {
  const router = Router();
  const probes: { name: string; required: boolean; probe: Probe }[] = [
    { name: 'database', required: true, probe: () => checkDb(db) },
    {
      name: 'temporal',
      required: true,
      // Under a gRPC deadline: a dead address ends the call and its retries, not only the wait.
      probe: () =>
        client.connection.withDeadline(Date.now() + PROBE_TIMEOUT_MS, () =>
          client.workflowService.getSystemInfo({}).then(() => undefined),
        ),
    },
    { name: 'blobs', required: true, probe: () => blobs.has(ABSENT_BLOB).then(() => undefined) },
    ...(health.mail ? [{ name: 'mail', required: false, probe: health.mail }] : []),
  ];
  router.get('/health', async (_req, res) => {
    const results = await Promise.all(probes.map(async (p) => ({ ...p, ...(await settle(p.probe)) })));
    const ok = results.every((r) => !r.required || r.status === 'up');
    res.status(ok ? 200 : 503).json({
      status: ok ? 'ok' : 'degraded',
      checks: Object.fromEntries(
        results.map(({ name, required, status, latencyMs, error }) => [
          name,
          { status, required, latencyMs, ...(error && { error }) },
        ]),
      ),
    });
  });
  return router;
}

/** Runs a probe under a timeout; the error's message only (never a connection string) is reported. */
async function settle(probe: Probe): Promise<{ status: 'up' | 'down'; latencyMs: number; error?: string }> {
  const started = performance.now();
  const latencyMs = () => Math.round(performance.now() - started);
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      probe(),
      new Promise((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`timed out after ${PROBE_TIMEOUT_MS} ms`)),
          PROBE_TIMEOUT_MS,
        );
      }),
    ]);
    return { status: 'up', latencyMs: latencyMs() };
  } catch (err) {
    return { status: 'down', latencyMs: latencyMs(), error: redact((err as Error).message) };
  } finally {
    clearTimeout(timer);
  }
}

/** Credentials a driver may quote in its message (postgres://user:password@host) are blanked. */
function redact(message: string): string {
  return message.replace(/(\w+:\/\/)[^@\s/]*@/g, '$1***@').slice(0, 300);
}

export const healthOpenApi: OpenApiPaths = {
  '/health': {
    get: {
      summary: 'Health of the API and what it depends on (database, Temporal, blob store, SMTP server)',
      responses: {
        '200': {
          description: 'All required dependencies answer',
          content: { 'application/json': { schema: healthBody } },
        },
        '503': {
          description: 'A required dependency does not answer',
          content: { 'application/json': { schema: healthBody } },
        },
      },
    },
  },
};
