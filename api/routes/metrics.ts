import crypto from 'node:crypto';
import { Router } from 'express';
import type { Client } from '@temporalio/client';
import { DomainError } from '../../platform/domain-error';
import { backlogReader, registry } from '../../platform/metrics';
import { errorResponse, type OpenApiPaths } from '../openapi';

/**
 * GET /metrics: the process's Prometheus metrics, for whoever holds METRICS_TOKEN (as a bearer token).
 * Without a token configured the route does not exist: operations data is not for the public, and the
 * API's port usually is. Mounted before sessions are looked up, so the token is never taken for one.
 */
export function metricsRouter({
  client,
  taskQueue,
  metricsToken,
}: {
  client: Client;
  taskQueue: string;
  metricsToken?: string;
}): Router {
  const router = Router();
  if (!metricsToken) return router;
  const expected = crypto.createHash('sha256').update(metricsToken).digest();
  const readBacklog = backlogReader(client, client.options.namespace, taskQueue);
  router.get('/metrics', async (req, res) => {
    const given = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1] ?? '';
    const digest = crypto.createHash('sha256').update(given).digest();
    if (!crypto.timingSafeEqual(digest, expected))
      throw new DomainError('UNAUTHENTICATED', 'The metrics need the bearer token set in METRICS_TOKEN.', {
        field: 'headers.authorization',
      });
    await readBacklog();
    res.setHeader('cache-control', 'no-store');
    res.type(registry.contentType).send(await registry.metrics());
  });
  return router;
}

export const metricsOpenApi: OpenApiPaths = {
  '/metrics': {
    get: {
      summary:
        'Prometheus metrics of this API process (deposits, check time, task queue backlog); only when METRICS_TOKEN is set',
      responses: {
        '200': {
          description: 'Prometheus text exposition format',
          content: { 'text/plain': { schema: { type: 'string' } } },
        },
        '401': errorResponse('Missing or wrong bearer token (UNAUTHENTICATED)'),
        '404': errorResponse('METRICS_TOKEN is not set: no metrics are served (NOT_FOUND)'),
      },
    },
  },
};
