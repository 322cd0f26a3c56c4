import { Router } from 'express';
import type { AppDeps } from '../app';
import { requireCaller } from '../auth';
import { errorResponse, OpenApiPaths } from '../openapi';
import { ajv } from '../schemas';
import { accessErrors, body, pathParam, structureCaller, structureIdParam } from '../structure-routes';
import {
  applicationFor,
  listApplications,
  listOnboardings,
  registerApplication,
  revokeApplication,
} from '../../service-mode/applications';
import {
  approveApplication,
  requireScenarioOperator,
  setQualificationScenario,
  withOnboarding,
} from '../../service-mode/onboarding';
import { getTechnicalAccount, setTechnicalAccount } from '../../service-mode/technical-accounts';

const technicalAccountBody = {
  type: 'object',
  properties: {
    password: {
      type: 'string',
      minLength: 12,
      maxLength: 200,
      description: 'The password to set; omitted: one is generated and answered once.',
    },
  },
  additionalProperties: false,
} as const;
const applicationBody = {
  type: 'object',
  required: ['name'],
  properties: {
    name: { type: 'string', minLength: 1, maxLength: 200 },
    kind: { type: 'string', enum: ['API', 'EDI'], default: 'API', description: 'The connection requested.' },
  },
  additionalProperties: false,
} as const;
const scenarioBody = {
  type: 'object',
  required: ['requiredDeposits'],
  properties: {
    requiredDeposits: {
      type: 'integer',
      minimum: 1,
      maximum: 1000,
      description: 'Accepted qualification deposits needed before production may be approved.',
    },
  },
  additionalProperties: false,
} as const;
const checkScenario = ajv.compile<{ requiredDeposits: number }>(scenarioBody);
const checkTechnicalAccount = ajv.compile<{ password?: string }>(technicalAccountBody);
const checkApplication = ajv.compile<{ name: string; kind: 'API' | 'EDI' }>(applicationBody);

/**
 * Service mode, managed from the native API: a structure's technical account (main manager) and its
 * API applications with their connection onboarding (managers; operators approve production).
 */
export function applicationsRouter(deps: AppDeps): Router {
  const { db } = deps;
  const router = Router();

  router.get('/structures/:structureId/technical-account', async (req, res) => {
    const { structureId } = await structureCaller(db, req, res, 'manager');
    res.json(await getTechnicalAccount(db, structureId));
  });

  router.put('/structures/:structureId/technical-account', async (req, res) => {
    const { structureId, caller } = await structureCaller(db, req, res, 'principal');
    const { password } = body(checkTechnicalAccount, req);
    res.json(await setTechnicalAccount(deps, structureId, caller.userId, password));
  });

  router.get('/structures/:structureId/api-applications', async (req, res) => {
    const { structureId } = await structureCaller(db, req, res, 'manager');
    res.json({ items: await listApplications(db, structureId) });
  });

  router.post('/structures/:structureId/api-applications', async (req, res) => {
    const { structureId, caller } = await structureCaller(db, req, res, 'manager');
    res
      .status(201)
      .json(await registerApplication(deps, structureId, caller.userId, body(checkApplication, req)));
  });

  router.get('/api-applications/:applicationId', async (req, res) => {
    const app = await applicationFor(db, requireCaller(res), req.params.applicationId as string);
    res.json(await withOnboarding(deps, app));
  });

  router.delete('/api-applications/:applicationId', async (req, res) => {
    const app = await applicationFor(db, requireCaller(res), req.params.applicationId as string);
    await revokeApplication(deps, app.id);
    res.status(204).end();
  });

  router.post('/api-applications/:applicationId/approval', async (req, res) => {
    const caller = requireCaller(res);
    const app = await applicationFor(db, caller, req.params.applicationId as string);
    const state = await approveApplication(deps, caller, app);
    res.json({ ...app, mode: state.status, raccordement: state });
  });

  router.put('/api-applications/:applicationId/qualification', async (req, res) => {
    const caller = requireCaller(res);
    const app = await applicationFor(db, caller, req.params.applicationId as string);
    requireScenarioOperator(caller);
    const { requiredDeposits } = body(checkScenario, req);
    await setQualificationScenario(deps, caller, app, requiredDeposits);
    res.json(await withOnboarding(deps, app));
  });

  router.get('/raccordements', async (req, res) => {
    const mode = typeof req.query.mode === 'string' ? req.query.mode : undefined;
    res.json({ items: await listOnboardings(db, requireCaller(res), mode) });
  });

  return router;
}

const json = (schema: object) => ({ 'application/json': { schema } });
const applicationSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    structureId: { type: 'string' },
    name: { type: 'string' },
    kind: { type: 'string', enum: ['API', 'EDI'] },
    clientId: { type: 'string' },
    clientSecret: { type: 'string', description: 'Only in the answer to the registration.' },
    mode: { type: 'string', enum: ['QUALIFICATION', 'QUALIFIEE', 'PRODUCTION', 'REVOKED'] },
    acceptedDeposits: { type: 'integer' },
    rejectedDeposits: { type: 'integer' },
    requiredDeposits: { type: 'integer' },
  },
};
const technicalAccountSchema = {
  type: 'object',
  properties: {
    login: { type: 'string', description: 'TECH_1_<random>@<domain>' },
    password: { type: 'string', description: 'Only when generated, in this answer only.' },
    passwordSetAt: { type: 'string', format: 'date-time' },
    passwordExpiresAt: { type: 'string', format: 'date-time', description: '424 days after setting it' },
    expired: { type: 'boolean' },
  },
};
const applicationIdParam = pathParam('applicationId', 'The application’s id.');

export const applicationsOpenApi: OpenApiPaths = {
  '/api/v1/structures/{structureId}/technical-account': {
    get: {
      summary: 'The structure’s technical account for the Service API (managers): login and password expiry',
      parameters: [structureIdParam],
      responses: {
        '200': { description: 'The account', content: json(technicalAccountSchema) },
        ...accessErrors(errorResponse),
      },
    },
    put: {
      summary:
        'Create the technical account or reset its password (main manager); valid 424 days, reminders 15 and 1 days before',
      parameters: [structureIdParam],
      requestBody: { required: false, content: json(technicalAccountBody) },
      responses: {
        '200': {
          description: 'The account (with the generated password, once)',
          content: json(technicalAccountSchema),
        },
        '400': errorResponse('Password too weak (PASSWORD_WEAK)'),
        ...accessErrors(errorResponse),
      },
    },
  },
  '/api/v1/structures/{structureId}/api-applications': {
    get: {
      summary: 'The structure’s API applications and their connection state (managers)',
      parameters: [structureIdParam],
      responses: {
        '200': { description: 'items', content: json({ type: 'object' }) },
        ...accessErrors(errorResponse),
      },
    },
    post: {
      summary:
        'Register an application (client_id, client_secret shown once) and request its connection: it starts in qualification',
      parameters: [structureIdParam],
      requestBody: { required: true, content: json(applicationBody) },
      responses: {
        '201': { description: 'Registered', content: json(applicationSchema) },
        ...accessErrors(errorResponse),
      },
    },
  },
  '/api/v1/api-applications/{applicationId}': {
    get: {
      summary: 'An application with its onboarding (raccordement) state, for its managers and operators',
      parameters: [applicationIdParam],
      responses: {
        '200': { description: 'The application', content: json(applicationSchema) },
        ...accessErrors(errorResponse),
      },
    },
    delete: {
      summary: 'Revoke the application (managers): its tokens stop working at once',
      parameters: [applicationIdParam],
      responses: { '204': { description: 'Revoked' }, ...accessErrors(errorResponse) },
    },
  },
  '/api/v1/api-applications/{applicationId}/approval': {
    post: {
      summary: 'An operator moves a qualified application to production',
      parameters: [applicationIdParam],
      responses: {
        '200': { description: 'In production', content: json(applicationSchema) },
        '403': errorResponse('Not an operator (OPERATOR_REQUIRED)'),
        '409': errorResponse('Qualification scenario not passed (NOT_QUALIFIED)'),
      },
    },
  },
  '/api/v1/api-applications/{applicationId}/qualification': {
    put: {
      summary: 'Operators: how many accepted deposits the application’s qualification scenario needs',
      parameters: [applicationIdParam],
      requestBody: { required: true, content: json(scenarioBody) },
      responses: {
        '200': { description: 'The application and its onboarding', content: json(applicationSchema) },
        '403': errorResponse('Not an operator (OPERATOR_REQUIRED)'),
        '409': errorResponse('Not in qualification any more (NOT_IN_QUALIFICATION)'),
      },
    },
  },
  '/api/v1/raccordements': {
    get: {
      summary:
        'Operators: every application by onboarding state (?mode=QUALIFIEE for those awaiting approval)',
      parameters: [{ name: 'mode', in: 'query', required: false, schema: applicationSchema.properties.mode }],
      responses: {
        '200': { description: 'items', content: json({ type: 'object' }) },
        '403': errorResponse('Not an operator'),
      },
    },
  },
};
