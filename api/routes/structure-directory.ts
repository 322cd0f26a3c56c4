import { Router } from 'express';
import type { Db } from '../../platform/db';
import { requireCaller } from '../auth';
import { DomainError } from '../../platform/domain-error';
import { errorResponse, OpenApiPaths } from '../openapi';
import { findInDirectory, searchInDirectory, DIRECTORY_PAGE } from '../../structures/directory';
import { digitsOnly } from '../../invoice/platform-rules/french-ids';

/**
 * rechercher structure: the public directory entry of a structure by its identifier, so that a user
 * who knows a SIRET can find the structure (and its active services: what a supplier offers as code
 * service) to ask to be a member of it or to invoice it; by ids, to name the structures of one's
 * membership requests; or a search by name, town or the start of an identifier (`q`), by pages.
 * Only what the platform's directory shows anyone: no members, bank details or parameters.
 */
export function structureDirectoryRouter({ db }: { db: Db }): Router {
  const router = Router();

  router.get('/structure-directory', async (req, res) => {
    requireCaller(res);
    const text = (name: string) => (typeof req.query[name] === 'string' ? (req.query[name] as string) : '');
    if (text('q')) {
      const number = (name: string) => (text(name) ? Number(text(name)) : undefined);
      res.json(await searchInDirectory(db, text('q'), { page: number('page'), perPage: number('perPage') }));
      return;
    }
    const identifier = digitsOnly(text('identifier'));
    const ids = text('ids').split(',').filter(Boolean).slice(0, 100);
    if ((!identifier && !ids.length) || identifier.length > 80)
      throw new DomainError('INVALID_INPUT', 'query.q, query.identifier or query.ids is required.', {
        errors: [{ field: 'query.q', message: 'query.q, query.identifier or query.ids is required' }],
      });
    res.json({ items: await findInDirectory(db, identifier ? { identifier } : { ids }) });
  });

  return router;
}

export const structureDirectoryOpenApi: OpenApiPaths = {
  '/api/v1/structure-directory': {
    get: {
      summary:
        'Search the directory by name, town or identifier start, or find a structure by its identifier ' +
        '(directory entry and active services: the code services a supplier may address)',
      parameters: [
        {
          name: 'q',
          in: 'query',
          description:
            'Words of the name or town (any case, with or without accents), or the first digits of an identifier',
          schema: { type: 'string', maxLength: 100 },
        },
        {
          name: 'page',
          in: 'query',
          description: 'With q: page number, from 1',
          schema: { type: 'integer' },
        },
        {
          name: 'perPage',
          in: 'query',
          description: `With q: results per page (${DIRECTORY_PAGE.default} unless given, ${DIRECTORY_PAGE.max} at most)`,
          schema: { type: 'integer' },
        },
        {
          name: 'identifier',
          in: 'query',
          description: 'SIRET or other identifier, exactly',
          schema: { type: 'string' },
        },
        {
          name: 'ids',
          in: 'query',
          description: 'Structure ids, comma-separated',
          schema: { type: 'string' },
        },
      ],
      responses: {
        '200': {
          description:
            'Matching structures, best first (with q: also total, page and perPage; else none or one per identifier type)',
          content: {
            'application/json': {
              schema: {
                type: 'object',
                properties: {
                  total: { type: 'integer' },
                  page: { type: 'integer' },
                  perPage: { type: 'integer' },
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
                        address: {
                          type: 'object',
                          properties: {
                            street: { type: 'string' },
                            postalCode: { type: 'string' },
                            city: { type: 'string' },
                            countryCode: { type: 'string' },
                          },
                        },
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
        '400': errorResponse(
          'INVALID_INPUT: none of q, identifier, ids; q too short or long; page or perPage out of range',
        ),
        '401': errorResponse('UNAUTHENTICATED'),
      },
    },
  },
};
