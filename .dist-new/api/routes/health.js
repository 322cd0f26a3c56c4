"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.healthOpenApi = void 0;
exports.healthRouter = healthRouter;
const express_1 = require("express");
const db_1 = require("../../platform/db");
const schemas_1 = require("../schemas");
/** GET /health: the API is up and can reach the database and Temporal. */
function healthRouter({ db, client }) {
    const router = (0, express_1.Router)();
    router.get('/health', async (_req, res) => {
        const [database, temporal] = await Promise.all([
            settle(() => (0, db_1.checkDb)(db)),
            settle(() => client.workflowService.getSystemInfo({}).then(() => undefined)),
        ]);
        const ok = database === 'ok' && temporal === 'ok';
        res.status(ok ? 200 : 503).json({ status: ok ? 'ok' : 'degraded', checks: { database, temporal } });
    });
    return router;
}
async function settle(probe) {
    try {
        await Promise.race([
            probe(),
            new Promise((_, reject) => setTimeout(() => reject(new Error('timed out after 3 s')), 3000).unref()),
        ]);
        return 'ok';
    }
    catch (err) {
        return `unreachable: ${err.message}`;
    }
}
exports.healthOpenApi = {
    '/health': {
        get: {
            summary: 'Health of the API and what it depends on (database, Temporal)',
            responses: {
                '200': {
                    description: 'All dependencies reachable',
                    content: { 'application/json': { schema: schemas_1.healthBody } },
                },
                '503': {
                    description: 'A dependency is unreachable',
                    content: { 'application/json': { schema: schemas_1.healthBody } },
                },
            },
        },
    },
};
//# sourceMappingURL=health.js.map