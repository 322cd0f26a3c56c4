import path from 'node:path';
import express, { Router } from 'express';
import { clientBundle, CLIENT_DIR } from './bundle';
import { layout, Page } from './layout';
import { accountPages } from './pages/account';
import { authPages } from './pages/auth';
import { invoicePages } from './pages/invoices';
import { structurePages } from './pages/structures';
import { supportPages } from './pages/support';
import { workPages } from './pages/work';
import type { Caller } from '../accounts/caller';
import type { Db } from '../platform/db';
import { structuresOfUser } from '../structures';

/** A page of the portal: whether it needs a signed-in user, and how it is drawn. */
export interface PortalRoute {
  path: string;
  signedIn: boolean;
  /** Operators only (the development outbox): anyone else is told the page does not exist. */
  operator?: boolean;
  page: (params: Record<string, string>, caller?: Caller) => Page;
}

const DSFR_DIST = path.join(path.dirname(require.resolve('@gouvfr/dsfr/package.json')), 'dist');

/**
 * The portal (suppliers' and buyers' web space): server-drawn DSFR pages whose small browser modules
 * call the same JSON API as every other client. Mounted after `authenticate`, so it knows the caller.
 */
export function portalRouter(opts: { devOutbox: boolean; db: Db }): Router {
  const router = Router();
  const routes: PortalRoute[] = [
    ...authPages({ devOutbox: opts.devOutbox }),
    ...accountPages(),
    ...structurePages(),
    ...invoicePages(),
    ...workPages(),
    ...supportPages(),
  ];

  router.use('/dsfr', express.static(DSFR_DIST, { index: false, maxAge: '1d' }));
  router.get('/portail/portal.css', (_req, res) => {
    res.type('text/css').sendFile(path.join(CLIENT_DIR, 'portal.css'));
  });
  router.get('/portail/js/:file', async (req, res, next) => {
    try {
      const bytes = (await clientBundle()).get(req.params.file);
      if (!bytes) return next();
      res.type('text/javascript').setHeader('cache-control', 'no-cache').send(Buffer.from(bytes));
    } catch (err) {
      next(err);
    }
  });

  for (const route of routes) {
    router.get(route.path, async (req, res, next) => {
      const caller = res.locals.caller as Caller | undefined;
      if ((route.signedIn || route.operator) && !caller) {
        res.redirect(303, `/connexion?${new URLSearchParams({ retour: req.originalUrl })}`);
        return;
      }
      if (route.operator && !caller?.operator) return next();
      const params = { ...(req.params as Record<string, string | string[]>) };
      const flat = Object.fromEntries(
        Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v.join('/') : v]),
      );
      // The menu shows what the caller's structures open.
      const structures = caller ? await structuresOfUser(opts.db, caller.userId) : [];
      res
        .type('html')
        .setHeader('cache-control', 'no-store')
        .send(
          layout(route.page(flat, caller), { path: req.path, caller, structures, devOutbox: opts.devOutbox }),
        );
    });
  }
  return router;
}
