import { Router } from 'express';
import type { AppDeps } from '../app';
import { requireCaller } from '../auth';
import { check } from '../schemas';
import { errorResponse, OpenApiPaths, queryParameters } from '../openapi';
import { listingQuery, queryAjv } from '../invoice-schemas';
import { listInvoices } from '../../invoicing/read-model';
import { invoicesCsv } from '../invoice-csv';
import {
  notificationSettings,
  setNotificationSettings,
  setSubscription,
} from '../../invoicing/subscriptions';

const checkListing = queryAjv.compile(listingQuery);

/** "Factures émises" and "Factures reçues", and subscriptions to invoice emails. */
export function invoiceListingsRouter({ db }: AppDeps): Router {
  const router = Router();
  const listing =
    (side: 'supplier' | 'recipient') =>
    async (
      req: Parameters<Parameters<Router['get']>[1]>[0],
      res: Parameters<Parameters<Router['get']>[1]>[1],
    ) => {
      const caller = requireCaller(res);
      const { page: n, pageSize, sort, format, ...filter } = check(checkListing, { ...req.query }, 'query');
      const page = await listInvoices(db, caller, side, filter, {
        page: n,
        pageSize,
        sort,
        all: format !== 'json',
      });
      if (format !== 'json') {
        res
          .type('text/csv; charset=utf-8')
          .setHeader(
            'content-disposition',
            `attachment; filename="factures-${side === 'supplier' ? 'emises' : 'recues'}.csv"`,
          )
          .send(invoicesCsv(page.items, format));
        return;
      }
      res.json(page);
    };
  router.get('/issued-invoices', listing('supplier'));
  router.get('/received-invoices', listing('recipient'));

  for (const [method, subscribed] of [
    ['put', true],
    ['delete', false],
  ] as const)
    router[method]('/structures/:structureId/invoice-subscription', async (req, res) => {
      const structureId = req.params.structureId as string;
      await setSubscription(db, requireCaller(res), structureId, subscribed);
      res.json({ structureId, subscribed });
    });

  router.get('/structures/:structureId/notification-preferences', async (req, res) => {
    const structureId = req.params.structureId as string;
    res.json(await notificationSettings(db, requireCaller(res), structureId));
  });
  router.put('/structures/:structureId/notification-preferences', async (req, res) => {
    const structureId = req.params.structureId as string;
    const body = (req.body ?? {}) as { events?: unknown; digest?: unknown };
    res.json(await setNotificationSettings(db, requireCaller(res), structureId, body));
  });
  return router;
}

const listed = (summary: string) => ({
  get: {
    summary,
    parameters: queryParameters(listingQuery),
    responses: {
      '200': {
        description:
          '{total, page, pageSize, items} — or text/csv: format=csv for French spreadsheets (`;`, UTF-8 BOM, French headers, dd/mm/yyyy, decimal comma), format=csv-international for `,`, ISO dates and API field names',
      },
      '400': errorResponse('Bad filter (INVALID_INPUT, with the field)'),
      '401': errorResponse('Not signed in'),
    },
  },
});
const subscription = {
  parameters: [{ name: 'structureId', in: 'path', required: true, schema: { type: 'string' } }],
  responses: {
    '200': { description: 'Subscription state' },
    '403': errorResponse('Not a member'),
    '404': errorResponse('No such structure'),
  },
};

export const invoiceListingsOpenApi: OpenApiPaths = {
  '/api/v1/issued-invoices': listed('Factures émises: invoices of the supplier structures you belong to'),
  '/api/v1/received-invoices': listed(
    'Factures reçues: invoices to the recipient structures (and services) you belong to',
  ),
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
      summary:
        'Turn kinds of invoice emails on or off, and choose a daily digest of new invoices: {"events": {"SUSPENSION": false, ...}, "digest": true}',
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
        '400': errorResponse('Unknown kind (INVALID_INPUT, with the field)'),
      },
    },
  },
};
