import { depositAccepted, depositQuery, errorBody, healthBody, invoiceDetail } from './schemas';

const error = (description: string) => ({
  description,
  content: { 'application/json': { schema: errorBody } },
});

/** The OpenAPI document, assembled from the same schemas the handlers check input with. */
export function openApiDocument() {
  return {
    openapi: '3.1.0',
    info: {
      title: 'facturflow API',
      version: '1.0.0',
      description:
        'Deposit invoices and follow their lifecycle. Every error answers {error: {code, message, details}}.',
    },
    paths: {
      '/health': {
        get: {
          summary: 'Health of the API and what it depends on (database, Temporal)',
          responses: {
            '200': {
              description: 'All dependencies reachable',
              content: { 'application/json': { schema: healthBody } },
            },
            '503': {
              description: 'A dependency is unreachable',
              content: { 'application/json': { schema: healthBody } },
            },
          },
        },
      },
      '/api/v1/invoices': {
        post: {
          summary: 'Deposit an invoice (UBL 2.1 or CII D16B XML, or a Factur-X PDF)',
          description:
            'Stores the file and starts its workflow: DEPOSEE → checks → EN_COURS_ACHEMINEMENT → MISE_A_DISPOSITION, or REJETEE. ' +
            'Depositing the same file again answers the same id.',
          parameters: queryParameters(depositQuery),
          requestBody: {
            required: true,
            content: {
              'application/xml': { schema: { type: 'string' } },
              'text/xml': { schema: { type: 'string' } },
              'application/pdf': { schema: { type: 'string', format: 'binary' } },
              'multipart/form-data': {
                schema: {
                  type: 'object',
                  properties: { file: { type: 'string', format: 'binary' } },
                  required: ['file'],
                },
              },
            },
          },
          responses: {
            '202': {
              description: 'Deposited; follow it at links.self',
              content: { 'application/json': { schema: depositAccepted } },
            },
            '200': {
              description: 'This very file was already deposited',
              content: { 'application/json': { schema: depositAccepted } },
            },
            '400': error('Empty, not well-formed, or bad parameters'),
            '409': error('Another file was already deposited under this number by this supplier this year'),
            '413': error('File too large'),
            '415': error('Not an invoice format the platform reads (or a PDF without invoice XML)'),
            '422': error('The invoice lacks what is needed to file it (number, date, seller identifier)'),
          },
        },
      },
      '/api/v1/invoices/{id}': {
        get: {
          summary: 'An invoice: current status and status history',
          parameters: [
            {
              name: 'id',
              in: 'path',
              required: true,
              description: 'invoice/<supplier id>/<year>/<number> (slashes may be sent as is or URL-encoded)',
              schema: { type: 'string' },
            },
          ],
          responses: {
            '200': { description: 'The invoice', content: { 'application/json': { schema: invoiceDetail } } },
            '404': error('No such invoice'),
          },
        },
      },
    },
  };
}

function queryParameters(schema: object) {
  const { properties } = schema as { properties: Record<string, object> };
  return Object.entries(properties).map(([name, s]) => ({
    name,
    in: 'query',
    required: false,
    description: (s as { description?: string }).description,
    schema: s,
  }));
}
