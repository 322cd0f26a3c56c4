import { errorBody } from './schemas';

/** One resource's part of the OpenAPI document: its paths, under the prefix it is mounted at. */
export type OpenApiPaths = Record<string, Record<string, unknown>>;

/** A documented error response in the common shape. */
export const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: errorBody } },
});

/** The OpenAPI document, assembled from each resource's paths, built from the schemas that check input. */
export function openApiDocument(parts: OpenApiPaths[]) {
  return {
    openapi: '3.1.0',
    info: {
      title: 'facturflow API',
      version: '1.0.0',
      description:
        'Deposit invoices and follow their lifecycle. Every error answers {error: {code, message, details}}.',
    },
    paths: Object.assign({}, ...parts),
  };
}

/** OpenAPI query parameters from the JSON Schema of a query object. */
export function queryParameters(schema: object) {
  const { properties } = schema as { properties: Record<string, object> };
  return Object.entries(properties).map(([name, s]) => ({
    name,
    in: 'query',
    required: false,
    description: (s as { description?: string }).description,
    schema: s,
  }));
}
