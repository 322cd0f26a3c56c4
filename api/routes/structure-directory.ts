import { Router } from 'express';
import type { Db } from '../../platform/db';
import { requireCaller } from '../auth';
import { DomainError } from '../../platform/domain-error';
import { errorResponse, OpenApiPaths } from '../openapi';
import { findInDirectory } from '../../structures/directory';
import { digitsOnly } from '../../invoice/platform-rules/french-ids';

/**
 * rechercher structure: the public directory entry of a structure by its identifier, so that a user
 * who knows a SIRET can find the structure (and its active services) to ask to be a member of it;
 * by ids, to name the structures of one's membership requests.
 * Only what the platform's directory shows anyone: no members, bank details or parameters.
 */
export function structureDirectoryRouter({ db }: { db: Db }): Router {
  const router = Router();

  router.get('/structure-directory', async (req, res) => {
    requireCaller(res);
    const text = (name: string) => (typeof req.query[name] === 'string' ? (req.query[name] as string) : '');
    const identifier = digitsOnly(text('identifier'));
    const ids = text('ids').split(',').filter(Boolean).slice(0, 100);
    if ((!identifier && !ids.length) || identifier.length > 80)
      throw new DomainError('INVALID_INPUT', 'query.identifier or query.ids is required.', {
        errors: [{ field: 'query.identifier', message: 'query.identifier is required' }],
      });
    res.json({ items: await findInDirectory(db, identifier ? { identifier } : { ids }) });
  });

  return router;
}

export const structureDirectoryOpenApi: OpenApiPaths = {
  '/api/v1/structure-directory': {
    get: {
      summary:
        'Find a structure by its identifier (directory entry and active services), to ask to be attached',
      parameters: [
        {
          name: 'identifier',
          in: 'query',
          required: true,
          description: 'SIRET or other identifier',
          schema: { type: 'string' },
        },
      ],
      responses: {
        '200': {
          description: 'Matching structures (none or one per identifier type)',
          content: {
            'application/json': {
              schema: {
                type: 'object',
                properties: {
                  items: {
                    type: 'array',
                    items: {
                      type: 'object',
                      properties: {
                        id: { type: 'string' },
                        identifierType: { type: 'string' },
                        identifier: { type: 'string' },
                        name: { type: 'string' },
                        public: { type: 'boolean' },
                        services: {
                          type: 'array',
                          items: {
                            type: 'object',
                            properties: { code: { type: 'string' }, name: { type: 'string' } },
                          },
                        },
                      },
                    },
                  },
                },
              },
            },
          },
        },
        '400': errorResponse('INVALID_INPUT: neither identifier nor ids'),
        '401': errorResponse('UNAUTHENTICATED'),
      },
    },
  },
};
