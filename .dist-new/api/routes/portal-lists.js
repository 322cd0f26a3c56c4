"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.portalListsOpenApi = void 0;
exports.portalListsRouter = portalListsRouter;
const express_1 = require("express");
const auth_1 = require("../auth");
const openapi_1 = require("../openapi");
const flows_1 = require("./flows");
const reports_1 = require("../../flows/reports");
const drafts_1 = require("../../invoicing/drafts/drafts");
const subscriptions_1 = require("../../invoicing/subscriptions");
/**
 * Lists the portal shows and that no other resource gives: the flows I deposited ("Suivi des flux"),
 * the drafts still being edited in my structures ("Brouillons"), and the structures whose invoice
 * emails I subscribed to. Read-only; the rest of each is served by its own resource.
 */
function portalListsRouter({ db }) {
    const router = (0, express_1.Router)();
    router.get('/deposited-flows', async (_req, res) => {
        const flows = await (0, reports_1.depositedFlows)(db, (0, auth_1.requireCaller)(res).userId);
        res.json({ items: flows.map(flows_1.flowView) });
    });
    router.get('/drafts', async (_req, res) => {
        res.json({ items: await (0, drafts_1.draftsOfCaller)(db, (0, auth_1.requireCaller)(res)) });
    });
    router.get('/invoice-subscriptions', async (_req, res) => {
        const structureIds = await (0, subscriptions_1.subscriptionsOf)(db, (0, auth_1.requireCaller)(res));
        res.json({ items: structureIds.map((structureId) => ({ structureId })) });
    });
    return router;
}
const list = (item) => ({
    'application/json': {
        schema: {
            type: 'object',
            properties: { items: { type: 'array', items: { type: 'object', properties: item } } },
        },
    },
});
const str = { type: 'string' };
exports.portalListsOpenApi = {
    '/api/v1/deposited-flows': {
        get: {
            summary: 'The flows I deposited, newest first (at most 200)',
            responses: {
                '200': {
                    description: 'Flows with their state',
                    content: list({
                        numeroFluxDepot: str,
                        syntaxeFlux: str,
                        etatCourantFlux: str,
                        dateDepot: str,
                        nomFichier: str,
                        nombreFactures: { type: 'integer' },
                        nombreFacturesIntegrees: { type: 'integer' },
                    }),
                },
                '401': (0, openapi_1.errorResponse)('UNAUTHENTICATED'),
            },
        },
    },
    '/api/v1/invoice-subscriptions': {
        get: {
            summary: 'The structures whose invoice emails I receive (PUT/DELETE .../invoice-subscription)',
            responses: {
                '200': { description: 'Subscriptions', content: list({ structureId: str }) },
                '401': (0, openapi_1.errorResponse)('UNAUTHENTICATED'),
            },
        },
    },
    '/api/v1/drafts': {
        get: {
            summary: 'Drafts being edited in the structures I belong to, last changed first (at most 200)',
            responses: {
                '200': {
                    description: 'Drafts',
                    content: list({
                        id: str,
                        structureId: str,
                        structureName: str,
                        number: str,
                        recipientName: str,
                        modeDepot: str,
                        updatedAt: str,
                    }),
                },
                '401': (0, openapi_1.errorResponse)('UNAUTHENTICATED'),
            },
        },
    },
};
//# sourceMappingURL=portal-lists.js.map