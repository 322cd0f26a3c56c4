"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.errorResponse = void 0;
exports.openApiDocument = openApiDocument;
exports.queryParameters = queryParameters;
const schemas_1 = require("./schemas");
/** A documented error response in the common shape. */
const errorResponse = (description) => ({
    description,
    content: { 'application/json': { schema: schemas_1.errorBody } },
});
exports.errorResponse = errorResponse;
/** The OpenAPI document, assembled from each resource's paths, built from the schemas that check input. */
function openApiDocument(parts) {
    return {
        openapi: '3.1.0',
        info: {
            title: 'facturflow API',
            version: '1.0.0',
            description: 'Deposit invoices and follow their lifecycle. Every error answers {error: {code, message, details}}.',
        },
        paths: Object.assign({}, ...parts),
    };
}
/** OpenAPI query parameters from the JSON Schema of a query object. */
function queryParameters(schema) {
    const { properties } = schema;
    return Object.entries(properties).map(([name, s]) => ({
        name,
        in: 'query',
        required: false,
        description: s.description,
        schema: s,
    }));
}
//# sourceMappingURL=openapi.js.map