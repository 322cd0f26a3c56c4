import { Router } from 'express';
import type { Db } from '../../platform/db';
import { errorResponse, OpenApiPaths } from '../openapi';
import { ajv } from '../schemas';
import { accessErrors, body, pathParam, structureCaller, structureIdParam } from '../structure-routes';
import { listOf, serviceBody, serviceCreate, serviceUpdate } from '../structure-schemas';
import { seesService } from '../../structures/access';
import { createService, listServices, updateService } from '../../structures/services';
import type { ServiceInput } from '../../structures/types';
import { getStructure } from '../../structures/structures';

const checkCreate = ajv.compile<ServiceInput>(serviceCreate);
const checkUpdate = ajv.compile<Partial<ServiceInput>>(serviceUpdate);

/**
 * A structure's services: members see those they act for, managers change them. Non-members read the
 * active ones from the directory (structure-directory), which shows no more than code and name.
 */
export function servicesRouter({ db }: { db: Db }): Router {
  const router = Router();
  const base = '/structures/:structureId/services';

  router.get(base, async (req, res) => {
    const { structureId, membership, caller } = await structureCaller(db, req, res, 'member');
    const services = await listServices(db, structureId);
    res.json({ items: services.filter((s) => caller.operator || seesService(membership, s.code)) });
  });

  router.post(base, async (req, res) => {
    const { structureId } = await structureCaller(db, req, res, 'manager');
    const structure = (await getStructure(db, structureId))!;
    res.status(201).json(await createService(db, structure, body(checkCreate, req)));
  });

  router.patch(`${base}/:code`, async (req, res) => {
    const { structureId } = await structureCaller(db, req, res, 'manager');
    res.json(await updateService(db, structureId, req.params.code as string, body(checkUpdate, req)));
  });

  return router;
}

const json = (schema: object) => ({ 'application/json': { schema } });

export const servicesOpenApi: OpenApiPaths = {
  '/api/v1/structures/{structureId}/services': {
    get: {
      summary:
        'The structure’s services (members: those they are attached to). Anyone else, e.g. a supplier ' +
        'choosing a code service, finds the active ones in GET /api/v1/structure-directory',
      parameters: [structureIdParam],
      responses: {
        '200': { description: 'Services', content: json(listOf(serviceBody)) },
        ...accessErrors(errorResponse),
      },
    },
    post: {
      summary: 'Add a service (managers)',
      parameters: [structureIdParam],
      requestBody: { required: true, content: json(serviceCreate) },
      responses: {
        '201': { description: 'Added', content: json(serviceBody) },
        '400': errorResponse('INVALID_INPUT'),
        ...accessErrors(errorResponse),
        '409': errorResponse('SERVICE_EXISTS'),
        '422': errorResponse('SERVICE_CODE_RESERVED, SERVICE_DATES_INVALID'),
      },
    },
  },
  '/api/v1/structures/{structureId}/services/{code}': {
    patch: {
      summary: 'Change a service: name, active, validity dates, engagement number required (managers)',
      parameters: [structureIdParam, pathParam('code', 'The service code.')],
      requestBody: { required: true, content: json(serviceUpdate) },
      responses: {
        '200': { description: 'The service as changed', content: json(serviceBody) },
        '400': errorResponse('INVALID_INPUT'),
        ...accessErrors(errorResponse),
        '422': errorResponse('SERVICE_DATES_INVALID'),
      },
    },
  },
};
