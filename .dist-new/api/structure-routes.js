"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.accessErrors = exports.structureIdParam = exports.pathParam = exports.body = void 0;
exports.structureCaller = structureCaller;
const auth_1 = require("./auth");
const schemas_1 = require("./schemas");
const access_1 = require("../structures/access");
/**
 * What the structure routers share: the authenticated caller, their membership checked against what
 * the action needs, and the checked body.
 */
async function structureCaller(db, req, res, need) {
    const caller = (0, auth_1.requireCaller)(res);
    const structureId = req.params.structureId;
    const membership = await (0, access_1.authorize)(db, caller, structureId, need);
    return { caller, structureId, membership };
}
const body = (validate, req) => (0, schemas_1.check)(validate, req.body ?? {}, 'body');
exports.body = body;
const pathParam = (name, description) => ({
    name,
    in: 'path',
    required: true,
    description,
    schema: { type: 'string' },
});
exports.pathParam = pathParam;
exports.structureIdParam = (0, exports.pathParam)('structureId', 'The structure’s id.');
/** The responses every structure endpoint may give besides its own. */
const accessErrors = (errorResponse) => ({
    '401': errorResponse('Not signed in (UNAUTHENTICATED)'),
    '403': errorResponse('Not a member, or a role the action needs (NOT_A_MEMBER, MANAGER_REQUIRED, ...)'),
    '404': errorResponse('No such structure (STRUCTURE_NOT_FOUND) or item'),
});
exports.accessErrors = accessErrors;
//# sourceMappingURL=structure-routes.js.map