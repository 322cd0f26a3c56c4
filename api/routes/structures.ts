import { Router } from 'express';
import type { Client } from '@temporalio/client';
import type { Db } from '../../platform/db';
import { requireCaller } from '../auth';
import { errorResponse, OpenApiPaths } from '../openapi';
import { ajv } from '../schemas';
import { accessErrors, body, structureCaller, structureIdParam } from '../structure-routes';
import { listOf, serviceCreate, structureBody, structureCreate, structureUpdate } from '../structure-schemas';
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

/** A structure with the services it starts with (a public buyer onboarding sets them up at once). */
const structureOnboarding = {
  ...structureCreate,
  properties: {
    ...structureCreate.properties,
    public: {
      type: 'boolean',
      description:
        'A public buyer: created by its first user (its main manager), it waits for an operator to verify ' +
        'it; created by an operator, it is verified at once and its main manager is appointed later.',
    },
    services: {
      type: 'array',
      maxItems: 100,
      items: serviceCreate,
      description: 'Services created with the structure, in the same transaction.',
    },
  },
} as const;

const checkCreate = ajv.compile<StructureInput>(structureOnboarding);
const checkUpdate = ajv.compile<StructureChanges>(structureUpdate);

/** The fiche structure: create (the creator becomes main manager; public ones wait for an operator), read, update, list mine. */
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
      summary: 'Create a structure (with its services); its creator becomes its main manager',
      description:
        'A SIRET (spaces and dots allowed, stored as digits) is checked (Luhn, La Poste exception) then looked ' +
        'up in the company registry, which fills the name and address when not given. With no registry ' +
        '(no Sirene key, nothing imported) a SIRET with a valid key is taken and the structure answers ' +
        'identityVerified: false. Any structure not confirmed by the registry or created by an operator waits ' +
        'for an operator (identityVerified: false): it neither deposits nor receives invoices until then. ' +
        'A public structure (a public buyer) declared by a user waits for an operator whatever the registry ' +
        'says; its creator is its main manager. Services given in `services` are created with it; a bad one ' +
        'is refused with its row (body.services.<n>.<field>) and nothing is written.',
      requestBody: { required: true, content: json(structureOnboarding) },
      responses: {
        '201': { description: 'Created', content: json(structureBody) },
        '400': errorResponse('Input does not match the schema (INVALID_INPUT)'),
        '401': errorResponse('Not signed in (UNAUTHENTICATED)'),
        '409': errorResponse(
          'IDENTIFIER_HELD: the identifier (any type label) or its company is held; the claim became a ' +
            'membership request to the holder (details.membershipRequest), or, the holder being unverified, a case for the support',
        ),
        '422': errorResponse(
          'SIRET_INVALID, SIRET_UNKNOWN, IDENTIFIER_INVALID, VAT_NUMBER_INVALID, SERVICE_CODE_DUPLICATE, ' +
            'SERVICE_CODE_RESERVED, SERVICE_DATES_INVALID',
        ),
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
