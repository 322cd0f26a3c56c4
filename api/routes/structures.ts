import { Router } from 'express';
import type { Client } from '@temporalio/client';
import type { Db } from '../../platform/db';
import { requireCaller } from '../auth';
import { errorResponse, OpenApiPaths } from '../openapi';
import { ajv } from '../schemas';
import { accessErrors, body, structureCaller, structureIdParam } from '../structure-routes';
import { listOf, structureBody, structureCreate, structureUpdate } from '../structure-schemas';
import type { CompanyRegistry } from '../../structures/registry';
import { dbCompanyRegistry } from '../../structures/registry';
import {
  claimStructure,
  getStructure,
  listStructuresOf,
  updateStructure,
  verifyIdentity,
} from '../../structures/structures';
import type { StructureChanges, StructureInput } from '../../structures/types';

const checkCreate = ajv.compile<StructureInput>(structureCreate);
const checkUpdate = ajv.compile<StructureChanges>(structureUpdate);

/** The fiche structure: create (the creator becomes main manager), read, update, list mine. */
export function structuresRouter(deps: {
  db: Db;
  companyRegistry?: CompanyRegistry;
  client?: Client;
  taskQueue?: string;
}): Router {
  const { db } = deps;
  const registry = deps.companyRegistry ?? dbCompanyRegistry(db);
  const router = Router();

  router.post('/structures', async (req, res) => {
    const caller = requireCaller(res);
    const { client, taskQueue } = deps;
    const membership = client && taskQueue ? { client, taskQueue } : undefined;
    const structure = await claimStructure({ db, registry, membership }, caller, body(checkCreate, req));
    res.status(201).location(`/api/v1/structures/${structure.id}`).json(structure);
  });

  router.get('/structures', async (_req, res) => {
    const caller = requireCaller(res);
    res.json({ items: await listStructuresOf(db, caller.userId) });
  });

  router.get('/structures/:structureId', async (req, res) => {
    const { structureId } = await structureCaller(db, req, res, 'member');
    res.json(await getStructure(db, structureId));
  });

  // "identité non vérifiée": an operator confirms it; a member asks the registry again.
  router.post('/structures/:structureId/identity-verification', async (req, res) => {
    const { structureId, caller } = await structureCaller(db, req, res, 'member');
    res.json(await verifyIdentity(db, registry, structureId, caller));
  });

  router.patch('/structures/:structureId', async (req, res) => {
    const { structureId } = await structureCaller(db, req, res, 'manager');
    res.json(await updateStructure(db, structureId, body(checkUpdate, req)));
  });

  return router;
}

const json = (schema: object) => ({ 'application/json': { schema } });

export const structuresOpenApi: OpenApiPaths = {
  '/api/v1/structures': {
    post: {
      summary: 'Create a structure; the creator of a private one becomes its main manager',
      description:
        'A SIRET (spaces and dots allowed, stored as digits) is checked (Luhn, La Poste exception) then looked ' +
        'up in the company registry, which fills the name and address when not given. With no registry ' +
        '(no Sirene key, nothing imported) a SIRET with a valid key is taken and the structure answers ' +
        'identityVerified: false. Any structure not confirmed by the registry or created by an operator waits ' +
        'for an operator (identityVerified: false): it neither deposits nor receives invoices until then. ' +
        'Public structures are created by operators only.',
      requestBody: { required: true, content: json(structureCreate) },
      responses: {
        '201': { description: 'Created', content: json(structureBody) },
        '400': errorResponse('Input does not match the schema (INVALID_INPUT)'),
        '401': errorResponse('Not signed in (UNAUTHENTICATED)'),
        '403': errorResponse('A public structure by a non-operator (OPERATOR_REQUIRED)'),
        '409': errorResponse(
          'IDENTIFIER_HELD: the identifier (any type label) or its company is held; the claim became a ' +
            'membership request to the holder (details.membershipRequest), or, the holder being unverified, a case for the support',
        ),
        '422': errorResponse('SIRET_INVALID, SIRET_UNKNOWN, IDENTIFIER_INVALID, VAT_NUMBER_INVALID'),
      },
    },
    get: {
      summary: 'The structures the caller is attached to, with their role',
      responses: {
        '200': { description: 'My structures', content: json(listOf(structureBody)) },
        '401': errorResponse('Not signed in (UNAUTHENTICATED)'),
      },
    },
  },
  '/api/v1/structures/{structureId}/identity-verification': {
    post: {
      summary: 'Confirm an unverified identity: an operator confirms it, a member asks the registry again',
      parameters: [structureIdParam],
      responses: {
        '200': { description: 'The structure, identityVerified: true', content: json(structureBody) },
        ...accessErrors(errorResponse),
        '422': errorResponse('IDENTITY_NOT_CONFIRMED: the registry does not know the SIRET'),
      },
    },
  },
  '/api/v1/structures/{structureId}': {
    get: {
      summary: 'A structure (members and operators)',
      parameters: [structureIdParam],
      responses: {
        '200': { description: 'The structure', content: json(structureBody) },
        ...accessErrors(errorResponse),
      },
    },
    patch: {
      summary: 'Change general information, recipient parameters or personalisation (managers)',
      parameters: [structureIdParam],
      requestBody: { required: true, content: json(structureUpdate) },
      responses: {
        '200': { description: 'The structure as changed', content: json(structureBody) },
        '400': errorResponse('INVALID_INPUT'),
        ...accessErrors(errorResponse),
        '422': errorResponse('VAT_NUMBER_INVALID'),
      },
    },
  },
};
