import { Router } from 'express';
import type { AppDeps } from '../app';
import { requireCaller } from '../auth';
import { check } from '../schemas';
import { errorResponse, OpenApiPaths, queryParameters } from '../openapi';
import { listingQuery, queryAjv } from '../invoice-schemas';
import { listInvoices } from '../../invoicing/read-model';
import { setSubscription } from '../../invoicing/subscriptions';

const checkListing = queryAjv.compile(listingQuery);

const CSV_COLUMNS = [
  'id',
  'number',
  'status',
  'reformCode',
  'depositedAt',
  'issueDate',
  'cadre',
  'supplier',
  'recipient',
  'serviceCode',
  'currency',
  'totalWithVat',
  'amountDue',
];
const csvCell = (v: unknown) => {
  const s = v === undefined || v === null ? '' : String(v);
  // Quoted always; a leading formula character is neutralised so spreadsheets do not run it.
  return `"${(/^[=+\-@]/.test(s) && !/^-?\d/.test(s) ? `'${s}` : s).replace(/"/g, '""')}"`;
};

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
        all: format === 'csv',
      });
      if (format === 'csv') {
        const lines = page.items.map((i) =>
          [
            i.id,
            i.number,
            i.status,
            i.reformCode,
            i.depositedAt,
            i.issueDate,
            i.cadre,
            i.supplier.id,
            i.recipient.id,
            i.recipient.serviceCode,
            i.currency,
            i.totalWithVat,
            i.amountDue,
          ]
            .map(csvCell)
            .join(','),
        );
        res
          .type('text/csv; charset=utf-8')
          .setHeader(
            'content-disposition',
            `attachment; filename="factures-${side === 'supplier' ? 'emises' : 'recues'}.csv"`,
          )
          .send([CSV_COLUMNS.join(','), ...lines].join('\r\n') + '\r\n');
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
  return router;
}

const listed = (summary: string) => ({
  get: {
    summary,
    parameters: queryParameters(listingQuery),
    responses: {
      '200': { description: '{total, page, pageSize, items} — or text/csv with format=csv' },
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
};
