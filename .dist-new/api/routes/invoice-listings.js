"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.invoiceListingsOpenApi = void 0;
exports.invoiceListingsRouter = invoiceListingsRouter;
const express_1 = require("express");
const auth_1 = require("../auth");
const schemas_1 = require("../schemas");
const openapi_1 = require("../openapi");
const invoice_schemas_1 = require("../invoice-schemas");
const read_model_1 = require("../../invoicing/read-model");
const invoice_csv_1 = require("../invoice-csv");
const subscriptions_1 = require("../../invoicing/subscriptions");
const checkListing = invoice_schemas_1.queryAjv.compile(invoice_schemas_1.listingQuery);
/** "Factures émises" and "Factures reçues", and subscriptions to invoice emails. */
function invoiceListingsRouter({ db }) {
    const router = (0, express_1.Router)();
    const listing = (side) => async (req, res) => {
        const caller = (0, auth_1.requireCaller)(res);
        const { page: n, pageSize, sort, format, ...filter } = (0, schemas_1.check)(checkListing, { ...req.query }, 'query');
        const page = await (0, read_model_1.listInvoices)(db, caller, side, filter, {
            page: n,
            pageSize,
            sort,
            all: format !== 'json',
        });
        if (format !== 'json') {
            res
                .type('text/csv; charset=utf-8')
                .setHeader('content-disposition', `attachment; filename="factures-${side === 'supplier' ? 'emises' : 'recues'}.csv"`)
                .send((0, invoice_csv_1.invoicesCsv)(page.items, format));
            return;
        }
        res.json(page);
    };
    router.get('/issued-invoices', listing('supplier'));
    router.get('/received-invoices', listing('recipient'));
    for (const [method, subscribed] of [
        ['put', true],
        ['delete', false],
    ])
        router[method]('/structures/:structureId/invoice-subscription', async (req, res) => {
            const structureId = req.params.structureId;
            await (0, subscriptions_1.setSubscription)(db, (0, auth_1.requireCaller)(res), structureId, subscribed);
            res.json({ structureId, subscribed });
        });
    router.get('/structures/:structureId/notification-preferences', async (req, res) => {
        const structureId = req.params.structureId;
        res.json(await (0, subscriptions_1.notificationSettings)(db, (0, auth_1.requireCaller)(res), structureId));
    });
    router.put('/structures/:structureId/notification-preferences', async (req, res) => {
        const structureId = req.params.structureId;
        const body = (req.body ?? {});
        res.json(await (0, subscriptions_1.setNotificationSettings)(db, (0, auth_1.requireCaller)(res), structureId, body));
    });
    return router;
}
const listed = (summary) => ({
    get: {
        summary,
        parameters: (0, openapi_1.queryParameters)(invoice_schemas_1.listingQuery),
        responses: {
            '200': {
                description: '{total, page, pageSize, items} — or text/csv: format=csv for French spreadsheets (`;`, UTF-8 BOM, French headers, dd/mm/yyyy, decimal comma), format=csv-international for `,`, ISO dates and API field names',
            },
            '400': (0, openapi_1.errorResponse)('Bad filter (INVALID_INPUT, with the field)'),
            '401': (0, openapi_1.errorResponse)('Not signed in'),
        },
    },
});
const subscription = {
    parameters: [{ name: 'structureId', in: 'path', required: true, schema: { type: 'string' } }],
    responses: {
        '200': { description: 'Subscription state' },
        '403': (0, openapi_1.errorResponse)('Not a member'),
        '404': (0, openapi_1.errorResponse)('No such structure'),
    },
};
exports.invoiceListingsOpenApi = {
    '/api/v1/issued-invoices': listed('Factures émises: invoices of the supplier structures you belong to'),
    '/api/v1/received-invoices': listed('Factures reçues: invoices to the recipient structures (and services) you belong to'),
    '/api/v1/structures/{structureId}/invoice-subscription': {
        put: { summary: 'Receive emails about the structure’s invoices', ...subscription },
        delete: { summary: 'Stop the emails about the structure’s invoices', ...subscription },
    },
    '/api/v1/structures/{structureId}/notification-preferences': {
        get: {
            summary: 'Which invoice emails of the structure I receive: each kind with its default and my choice',
            ...subscription,
        },
        put: {
            summary: 'Turn kinds of invoice emails on or off, and choose a daily digest of new invoices: {"events": {"SUSPENSION": false, ...}, "digest": true}',
            ...subscription,
            requestBody: {
                required: true,
                content: {
                    'application/json': {
                        schema: {
                            type: 'object',
                            properties: {
                                events: { type: 'object', additionalProperties: { type: 'boolean' } },
                                digest: {
                                    type: 'boolean',
                                    description: 'New invoices in one email a day (NOTIFICATION_DIGEST_HOUR, Paris time)',
                                },
                            },
                        },
                    },
                },
            },
            responses: {
                ...subscription.responses,
                '400': (0, openapi_1.errorResponse)('Unknown kind (INVALID_INPUT, with the field)'),
            },
        },
    },
};
//# sourceMappingURL=invoice-listings.js.map