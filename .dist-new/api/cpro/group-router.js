"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.groupRouter = groupRouter;
const express_1 = require("express");
const context_1 = require("./context");
/** The router of a group: each operation at its published path, its body checked by its request schema. */
function groupRouter(deps, group) {
    const router = (0, express_1.Router)();
    for (const op of group.operations) {
        const validate = op.request ? context_1.wireAjv.compile(op.request) : undefined;
        const handler = (0, context_1.endpoint)(validate, (body, ctx, req) => op.run(deps, body, ctx, req), op.bare);
        if (op.method === 'get')
            router.get(op.path, handler);
        else
            router.post(op.path, handler);
    }
    return router;
}
//# sourceMappingURL=group-router.js.map