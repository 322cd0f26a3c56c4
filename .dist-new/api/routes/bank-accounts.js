"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.bankAccountsOpenApi = void 0;
exports.bankAccountsRouter = bankAccountsRouter;
const express_1 = require("express");
const openapi_1 = require("../openapi");
const schemas_1 = require("../schemas");
const structure_routes_1 = require("../structure-routes");
const structure_schemas_1 = require("../structure-schemas");
const bank_accounts_1 = require("../../structures/bank-accounts");
const checkCreate = schemas_1.ajv.compile(structure_schemas_1.bankAccountCreate);
/** A structure's bank accounts (IBAN + BIC): managers only, as they are where the money goes. */
function bankAccountsRouter({ db }) {
    const router = (0, express_1.Router)();
    const base = '/structures/:structureId/bank-accounts';
    router.get(base, async (req, res) => {
        const { structureId } = await (0, structure_routes_1.structureCaller)(db, req, res, 'manager');
        res.json({ items: await (0, bank_accounts_1.listBankAccounts)(db, structureId) });
    });
    router.post(base, async (req, res) => {
        const { structureId } = await (0, structure_routes_1.structureCaller)(db, req, res, 'manager');
        res.status(201).json(await (0, bank_accounts_1.addBankAccount)(db, structureId, (0, structure_routes_1.body)(checkCreate, req)));
    });
    router.delete(`${base}/:bankAccountId`, async (req, res) => {
        const { structureId } = await (0, structure_routes_1.structureCaller)(db, req, res, 'manager');
        await (0, bank_accounts_1.removeBankAccount)(db, structureId, req.params.bankAccountId);
        res.status(204).end();
    });
    return router;
}
const json = (schema) => ({ 'application/json': { schema } });
exports.bankAccountsOpenApi = {
    '/api/v1/structures/{structureId}/bank-accounts': {
        get: {
            summary: 'The structure’s bank accounts (managers)',
            parameters: [structure_routes_1.structureIdParam],
            responses: {
                '200': { description: 'Accounts', content: json((0, structure_schemas_1.listOf)(structure_schemas_1.bankAccountBody)) },
                ...(0, structure_routes_1.accessErrors)(openapi_1.errorResponse),
            },
        },
        post: {
            summary: 'Add a bank account (managers); IBAN mod-97 and BIC format checked',
            parameters: [structure_routes_1.structureIdParam],
            requestBody: { required: true, content: json(structure_schemas_1.bankAccountCreate) },
            responses: {
                '201': { description: 'Added', content: json(structure_schemas_1.bankAccountBody) },
                '400': (0, openapi_1.errorResponse)('INVALID_INPUT'),
                ...(0, structure_routes_1.accessErrors)(openapi_1.errorResponse),
                '409': (0, openapi_1.errorResponse)('The structure already has this IBAN (BANK_ACCOUNT_EXISTS)'),
                '422': (0, openapi_1.errorResponse)('IBAN_INVALID, BIC_INVALID'),
            },
        },
    },
    '/api/v1/structures/{structureId}/bank-accounts/{bankAccountId}': {
        delete: {
            summary: 'Remove a bank account (managers)',
            parameters: [structure_routes_1.structureIdParam, (0, structure_routes_1.pathParam)('bankAccountId', 'The account’s id.')],
            responses: { '204': { description: 'Removed' }, ...(0, structure_routes_1.accessErrors)(openapi_1.errorResponse) },
        },
    },
};
//# sourceMappingURL=bank-accounts.js.map