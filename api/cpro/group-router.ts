import { Router } from 'express';
import type { AppDeps } from '../app';
import { endpoint, wireAjv } from './context';
import type { CproBody, CproGroup } from './operation';

/** The router of a group: each operation at its published path, its body checked by its request schema. */
export function groupRouter(deps: AppDeps, group: CproGroup): Router {
  const router = Router();
  for (const op of group.operations) {
    const validate = op.request ? wireAjv.compile<CproBody>(op.request) : undefined;
    const handler = endpoint(validate, (body, ctx, req) => op.run(deps, body, ctx, req), op.bare);
    if (op.method === 'get') router.get(op.path, handler);
    else router.post(op.path, handler);
  }
  return router;
}
