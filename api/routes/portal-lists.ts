import { Router } from 'express';
import type { Db } from '../../platform/db';
import { requireCaller } from '../auth';
import { errorResponse, OpenApiPaths } from '../openapi';
import { flowView } from './flows';
import { depositedFlows } from '../../flows/reports';
import { draftsOfCaller } from '../../invoicing/drafts/drafts';
import { subscriptionsOf } from '../../invoicing/subscriptions';

/**
 * Lists the portal shows and that no other resource gives: the flows I deposited ("Suivi des flux"),
 * the drafts still being edited in my structures ("Brouillons"), and the structures whose invoice
 * emails I subscribed to. Read-only; the rest of each is served by its own resource.
 */
export function portalListsRouter({ db }: { db: Db }): Router {
  const router = Router();

  router.get('/deposited-flows', async (_req, res) => {
    const flows = await depositedFlows(db, requireCaller(res).userId);
    res.json({ items: flows.map(flowView) });
  });

  router.get('/drafts', async (_req, res) => {
    res.json({ items: await draftsOfCaller(db, requireCaller(res)) });
  });

  router.get('/invoice-subscriptions', async (_req, res) => {
    const structureIds = await subscriptionsOf(db, requireCaller(res));
    res.json({ items: structureIds.map((structureId) => ({ structureId })) });
  });

  return router;
}

const list = (item: Record<string, object>) => ({
  'application/json': {
    schema: {
      type: 'object',
      properties: { items: { type: 'array', items: { type: 'object', properties: item } } },
    },
  },
});
const str = { type: 'string' };

export const portalListsOpenApi: OpenApiPaths = {
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
        '401': errorResponse('UNAUTHENTICATED'),
      },
    },
  },
  '/api/v1/invoice-subscriptions': {
    get: {
      summary: 'The structures whose invoice emails I receive (PUT/DELETE .../invoice-subscription)',
      responses: {
        '200': { description: 'Subscriptions', content: list({ structureId: str }) },
        '401': errorResponse('UNAUTHENTICATED'),
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
        '401': errorResponse('UNAUTHENTICATED'),
      },
    },
  },
};
