import { Router, Request, Response } from 'express';
import type { JSONSchemaType } from 'ajv';
import type { AppDeps } from '../app';
import { DomainError } from '../../platform/domain-error';
import { errorResponse, OpenApiPaths } from '../openapi';
import { ajv } from '../schemas';
import { requireCaller } from '../auth';
import { accessErrors, body, pathParam, structureCaller, structureIdParam } from '../structure-routes';
import { listOf } from '../structure-schemas';
import { findConnection, listConnections, memberConnection } from '../../connectors/connections';
import { problemRecord, recordProblems } from '../../connectors/records';
import {
  acceptWebhook,
  createConnection,
  deleteConnection,
  ManageDeps,
  NewConnection,
  pauseConnection,
  requestRecordRetry,
  requestSync,
  resumeConnection,
  testStoredConnection,
} from '../../connectors/manage';

const connectionCreate: JSONSchemaType<NewConnection> = {
  type: 'object',
  properties: {
    connectorId: { type: 'string', minLength: 1, maxLength: 100 },
    label: { type: 'string', maxLength: 200, nullable: true },
    config: {
      type: 'object',
      nullable: true,
      description: 'Settings, checked against the connector’s configSchema.',
    },
    credentials: {
      type: 'object',
      description: 'Checked against credentialsSchema, tried on the ERP, stored encrypted.',
    },
    syncIntervalMinutes: { type: 'integer', minimum: 1, maximum: 1440, nullable: true },
  },
  required: ['connectorId', 'credentials'],
  additionalProperties: false,
};
const checkCreate = ajv.compile(connectionCreate);

const connectionBody = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    structureId: { type: 'string' },
    connectorId: { type: 'string' },
    label: { type: 'string' },
    config: { type: 'object' },
    status: { type: 'string', enum: ['ACTIVE', 'PAUSED', 'ERROR'] },
    error: { type: 'string' },
    syncIntervalMinutes: { type: 'integer' },
    lastReport: {
      type: 'object',
      description: 'What the last sync did: pages, imported, alreadyKnown, failed[], statusesPushed.',
    },
    createdAt: { type: 'string', format: 'date-time' },
  },
  required: ['id', 'structureId', 'connectorId', 'status', 'syncIntervalMinutes', 'createdAt'],
};

const recordProblemBody = {
  type: 'object',
  properties: {
    externalId: { type: 'string', description: 'The ERP’s id of the record.' },
    kind: { type: 'string', enum: ['IMPORT', 'REJETEE'] },
    code: { type: 'string', description: 'The refusal code, or the platform rule that rejected it.' },
    message: { type: 'string', description: 'Why, in French.' },
    at: { type: 'string', format: 'date-time' },
    invoiceId: { type: 'string' },
    number: { type: 'string' },
  },
  required: ['externalId', 'kind', 'code', 'message', 'at'],
};

/**
 * A structure's ERP connections (its "Applications"): any member sees them and their records in
 * error; its managers add, run, retry and delete them. Credentials go in and never come out. The webhook endpoint is reached by the ERP, with the connection's token.
 */
export function connectionsRouter(deps: AppDeps): Router {
  const router = Router();
  const manage = (): ManageDeps => {
    if (!deps.connectors)
      throw new DomainError('CONNECTORS_NOT_CONFIGURED', 'This API process runs without ERP connectors.');
    return { db: deps.db, client: deps.client, taskQueue: deps.taskQueue, runtime: deps.connectors };
  };
  /** The connection, after checking the caller is a member (or, to run or change it, a manager) of its structure. */
  const connectionOf = (req: Request, res: Response, need: 'member' | 'manager' = 'member') =>
    memberConnection(deps.db, requireCaller(res), req.params.connectionId as string, need);

  router.get('/structures/:structureId/connections', async (req, res) => {
    const { structureId } = await structureCaller(deps.db, req, res, 'member');
    res.json({ items: await listConnections(deps.db, structureId) });
  });

  router.post('/structures/:structureId/connections', async (req, res) => {
    const { structureId, caller } = await structureCaller(deps.db, req, res, 'manager');
    const { connection, webhookToken } = await createConnection(
      manage(),
      structureId,
      caller.userId,
      body(checkCreate, req),
    );
    res.status(201).json({
      ...connection,
      // Shown once: the ERP must send it back on each webhook call.
      ...(webhookToken && {
        webhook: { url: `/api/v1/connections/${connection.id}/webhook`, token: webhookToken },
      }),
    });
  });

  router.get('/connections/:connectionId', async (req, res) => {
    res.json(await connectionOf(req, res));
  });

  router.post('/connections/:connectionId/test', async (req, res) => {
    const connection = await connectionOf(req, res, 'manager');
    res.json({ ok: true, ...(await testStoredConnection(manage(), connection.id)) });
  });

  router.post('/connections/:connectionId/pause', async (req, res) => {
    const connection = await connectionOf(req, res, 'manager');
    await pauseConnection(manage(), connection.id);
    res.json(await findConnection(deps.db, connection.id));
  });

  router.post('/connections/:connectionId/resume', async (req, res) => {
    const connection = await connectionOf(req, res, 'manager');
    await resumeConnection(manage(), connection.id);
    res.json(await findConnection(deps.db, connection.id));
  });

  router.post('/connections/:connectionId/sync', async (req, res) => {
    const connection = await connectionOf(req, res, 'manager');
    await requestSync(manage(), connection.id, 'manual');
    res.status(202).json({ requested: true });
  });

  router.get('/connections/:connectionId/records', async (req, res) => {
    const connection = await connectionOf(req, res);
    res.json({ items: await recordProblems(deps.db, connection.id) });
  });

  router.post('/connections/:connectionId/records/:externalId/retry', async (req, res) => {
    const connection = await connectionOf(req, res, 'manager');
    const record = await problemRecord(deps.db, connection.id, req.params.externalId as string);
    await requestRecordRetry(manage(), connection.id, record.externalId);
    res.status(202).json({ requested: true });
  });

  router.delete('/connections/:connectionId', async (req, res) => {
    const connection = await connectionOf(req, res, 'manager');
    await deleteConnection(manage(), connection.id);
    res.status(204).end();
  });

  router.post('/connections/:connectionId/webhook', async (req, res) => {
    const accepted = await acceptWebhook(
      deps,
      req.params.connectionId as string,
      String(req.headers['x-webhook-token'] ?? ''),
    );
    res.status(202).json({ accepted });
  });

  return router;
}

const json = (schema: object) => ({ 'application/json': { schema } });
const connectionIdParam = pathParam('connectionId', 'The connection’s id.');
const one = (summary: string, extra: Record<string, unknown> = {}) => ({
  summary,
  parameters: [connectionIdParam],
  responses: {
    '200': { description: 'The connection', content: json(connectionBody) },
    ...accessErrors(errorResponse),
    ...extra,
  },
});

export const connectionsOpenApi: OpenApiPaths = {
  '/api/v1/structures/{structureId}/connections': {
    get: {
      summary: 'The structure’s ERP connections (members); never their credentials',
      parameters: [structureIdParam],
      responses: {
        '200': { description: 'Connections', content: json(listOf(connectionBody)) },
        ...accessErrors(errorResponse),
      },
    },
    post: {
      summary: 'Add an ERP connection (managers): credentials tried on the ERP before anything is saved',
      parameters: [structureIdParam],
      requestBody: { required: true, content: json(connectionCreate) },
      responses: {
        '201': {
          description: 'Created, its sync workflow and schedule started',
          content: json(connectionBody),
        },
        '400': errorResponse('INVALID_INPUT (details.field names the setting or credential)'),
        ...accessErrors(errorResponse),
        '422': errorResponse('CONNECTOR_CREDENTIALS_REJECTED'),
        '502': errorResponse('CONNECTOR_UNREACHABLE'),
      },
    },
  },
  '/api/v1/connections/{connectionId}': {
    get: one('A connection with its last sync report'),
    delete: {
      summary: 'Delete a connection: schedule and workflow stopped, credentials erased',
      parameters: [connectionIdParam],
      responses: { '204': { description: 'Deleted' }, ...accessErrors(errorResponse) },
    },
  },
  '/api/v1/connections/{connectionId}/test': {
    post: {
      summary: 'Try the stored credentials on the ERP',
      parameters: [connectionIdParam],
      responses: {
        '200': {
          description: 'Accepted by the ERP',
          content: json({
            type: 'object',
            properties: { ok: { type: 'boolean' }, account: { type: 'string' } },
          }),
        },
        ...accessErrors(errorResponse),
        '422': errorResponse('CONNECTOR_CREDENTIALS_REJECTED'),
        '502': errorResponse('CONNECTOR_UNREACHABLE'),
      },
    },
  },
  '/api/v1/connections/{connectionId}/pause': { post: one('Pause the connection’s schedule') },
  '/api/v1/connections/{connectionId}/resume': {
    post: one('Resume the schedule, clear an error and sync now'),
  },
  '/api/v1/connections/{connectionId}/sync': {
    post: {
      summary: 'Sync now',
      parameters: [connectionIdParam],
      responses: { '202': { description: 'Requested' }, ...accessErrors(errorResponse) },
    },
  },
  '/api/v1/connections/{connectionId}/records': {
    get: {
      summary:
        'The ERP records that did not reach their buyer: not filed (IMPORT) or rejected by the platform (REJETEE)',
      parameters: [connectionIdParam],
      responses: {
        '200': {
          description: 'Records in error, most recent first',
          content: json(listOf(recordProblemBody)),
        },
        ...accessErrors(errorResponse),
      },
    },
  },
  '/api/v1/connections/{connectionId}/records/{externalId}/retry': {
    post: {
      summary:
        'File the record again, read afresh from the ERP, within the connection’s sync (never filed twice)',
      parameters: [connectionIdParam, pathParam('externalId', 'The ERP’s id of the record.')],
      responses: {
        '202': { description: 'Requested' },
        ...accessErrors(errorResponse),
        '404': errorResponse('CONNECTION_NOT_FOUND, CONNECTION_RECORD_NOT_FOUND'),
      },
    },
  },
  '/api/v1/connections/{connectionId}/webhook': {
    post: {
      summary: 'The ERP’s change notification (header X-Webhook-Token, given once at creation)',
      parameters: [connectionIdParam],
      responses: {
        '202': { description: 'A sync is requested' },
        '404': errorResponse('CONNECTION_NOT_FOUND'),
      },
    },
  },
};
