import { Router } from 'express';
import type { AppDeps } from '../app';
import { OpenApiPaths } from '../openapi';
import { listOf } from '../structure-schemas';
import { settingsOf } from '../../connectors/settings';

const settingBody = {
  type: 'object',
  properties: {
    key: { type: 'string', description: 'The property of configSchema or credentialsSchema.' },
    part: { type: 'string', enum: ['config', 'credentials'] },
    label: { type: 'string', description: 'French label.' },
    help: { type: 'string', description: 'French help text.' },
    type: { type: 'string', enum: ['text', 'secret', 'url', 'number'] },
    required: { type: 'boolean' },
    default: { oneOf: [{ type: 'string' }, { type: 'number' }] },
  },
  required: ['key', 'part', 'label', 'type', 'required'],
};

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
    settings: {
      type: 'array',
      items: settingBody,
      description: 'The fields of the form that adds a connection, as the connector declares them.',
    },
  },
  required: ['id', 'name', 'version', 'capabilities', 'configSchema', 'credentialsSchema', 'settings'],
};

/** The connectors this installation offers, with the fields (and schemas) a form needs to add a connection. */
export function connectorsRouter({ connectors }: AppDeps): Router {
  const router = Router();
  router.get('/connectors', (_req, res) => {
    res.json({
      items: (connectors?.registry.list() ?? []).map((c) => ({
        ...c.manifest,
        configSchema: c.configSchema,
        credentialsSchema: c.credentialsSchema,
        settings: settingsOf(c),
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
