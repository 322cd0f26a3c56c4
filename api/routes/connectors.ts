import { Router } from 'express';
import type { AppDeps } from '../app';
import { OpenApiPaths } from '../openapi';
import { listOf } from '../structure-schemas';

const connectorBody = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    name: { type: 'string' },
    version: { type: 'string' },
    capabilities: { type: 'array', items: { type: 'string' } },
    retry: { type: 'object' },
    rateLimit: { type: 'object' },
    configSchema: { type: 'object', description: 'JSON Schema of the connection settings.' },
    credentialsSchema: { type: 'object', description: 'JSON Schema of the credentials (stored encrypted).' },
  },
  required: ['id', 'name', 'version', 'capabilities', 'configSchema', 'credentialsSchema'],
};

/** The connectors this installation offers, with the schemas a form needs to add a connection. */
export function connectorsRouter({ connectors }: AppDeps): Router {
  const router = Router();
  router.get('/connectors', (_req, res) => {
    res.json({
      items: (connectors?.registry.list() ?? []).map((c) => ({
        ...c.manifest,
        configSchema: c.configSchema,
        credentialsSchema: c.credentialsSchema,
      })),
    });
  });
  return router;
}

export const connectorsOpenApi: OpenApiPaths = {
  '/api/v1/connectors': {
    get: {
      summary: 'ERP connectors available (built-in and installed facturflow-connector-* packages)',
      responses: {
        '200': {
          description: 'Connectors',
          content: { 'application/json': { schema: listOf(connectorBody) } },
        },
      },
    },
  },
};
