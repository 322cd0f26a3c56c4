"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.structureDirectoryOpenApi = void 0;
exports.structureDirectoryRouter = structureDirectoryRouter;
const express_1 = require("express");
const auth_1 = require("../auth");
const domain_error_1 = require("../../platform/domain-error");
const openapi_1 = require("../openapi");
const directory_1 = require("../../structures/directory");
const french_ids_1 = require("../../invoice/platform-rules/french-ids");
/**
 * rechercher structure: the public directory entry of a structure by its identifier, so that a user
 * who knows a SIRET can find the structure (and its active services: what a supplier offers as code
 * service) to ask to be a member of it or to invoice it; by ids, to name the structures of one's
 * membership requests; or a search by name, town or the start of an identifier (`q`), by pages.
 * Only what the platform's directory shows anyone: no members, bank details or parameters.
 */
function structureDirectoryRouter({ db }) {
    const router = (0, express_1.Router)();
    router.get('/structure-directory', async (req, res) => {
        (0, auth_1.requireCaller)(res);
        const text = (name) => (typeof req.query[name] === 'string' ? req.query[name] : '');
        if (text('q')) {
            const number = (name) => (text(name) ? Number(text(name)) : undefined);
            res.json(await (0, directory_1.searchInDirectory)(db, text('q'), { page: number('page'), perPage: number('perPage') }));
            return;
        }
        const identifier = (0, french_ids_1.digitsOnly)(text('identifier'));
        const ids = text('ids').split(',').filter(Boolean).slice(0, 100);
        if ((!identifier && !ids.length) || identifier.length > 80)
            throw new domain_error_1.DomainError('INVALID_INPUT', 'query.q, query.identifier or query.ids is required.', {
                errors: [{ field: 'query.q', message: 'query.q, query.identifier or query.ids is required' }],
            });
        res.json({ items: await (0, directory_1.findInDirectory)(db, identifier ? { identifier } : { ids }) });
    });
    return router;
}
exports.structureDirectoryOpenApi = {
    '/api/v1/structure-directory': {
        get: {
            summary: 'Search the directory by name, town or identifier start, or find a structure by its identifier ' +
                '(directory entry and active services: the code services a supplier may address)',
            parameters: [
                {
                    name: 'q',
                    in: 'query',
                    description: 'Words of the name or town (any case, with or without accents), or the first digits of an identifier',
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
                    description: `With q: results per page (${directory_1.DIRECTORY_PAGE.default} unless given, ${directory_1.DIRECTORY_PAGE.max} at most)`,
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
                    description: 'Matching structures, best first (with q: also total, page and perPage; else none or one per identifier type)',
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
                '400': (0, openapi_1.errorResponse)('INVALID_INPUT: none of q, identifier, ids; q too short or long; page or perPage out of range'),
                '401': (0, openapi_1.errorResponse)('UNAUTHENTICATED'),
            },
        },
    },
};
//# sourceMappingURL=structure-directory.js.map