import { Router } from 'express';
import type { Db } from '../../platform/db';
import { requireCaller } from '../auth';
import { errorResponse, OpenApiPaths } from '../openapi';
import { flowView } from './flows';

/**
 * Lists the portal shows and that no other resource gives: the flows I deposited ("Suivi des flux"),
 * the drafts still being edited in my structures ("Brouillons"), and the structures whose invoice
 * emails I subscribed to. Read-only; the rest of each is served by its own resource.
 */
export function portalListsRouter({ db }: { db: Db }): Router {
  const router = Router();

  router.get('/deposited-flows', async (_req, res) => {
    const caller = requireCaller(res);
    const rows = await db('flows')
      .where({ deposited_by: caller.userId })
      .orderBy('deposited_at', 'desc')
      .limit(200);
    res.json({ items: rows.map(flowView) });
  });

  router.get('/drafts', async (_req, res) => {
    const caller = requireCaller(res);
    const rows = await db('invoice_drafts')
      .join('structure_members', 'structure_members.structure_id', 'invoice_drafts.structure_id')
      .join('structures', 'structures.id', 'invoice_drafts.structure_id')
      .where({ 'structure_members.user_id': caller.userId, 'invoice_drafts.status': 'BROUILLON' })
      .orderBy('invoice_drafts.updated_at', 'desc')
      .limit(200)
      .select('invoice_drafts.*', 'structures.name as structure_name');
    res.json({
      items: rows.map((d) => {
        const invoice = JSON.parse(d.invoice) as { number?: string; buyer?: { name?: string } };
        return {
          id: d.id,
          structureId: d.structure_id,
          structureName: d.structure_name,
          number: invoice.number || undefined,
          recipientName: invoice.buyer?.name,
          modeDepot: d.deposit_mode,
          updatedAt: new Date(d.updated_at).toISOString(),
        };
      }),
    });
  });

  router.get('/invoice-subscriptions', async (_req, res) => {
    const caller = requireCaller(res);
    const rows = await db('invoice_subscriptions').where({ user_id: caller.userId }).select('structure_id');
    res.json({ items: rows.map((r) => ({ structureId: r.structure_id as string })) });
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
