import { facturesGroup } from './factures';
import type { CproGroup } from './operation';
import { structuresGroup } from './structures';
import { transversesGroup } from './transverses';
import { utilisateursGroup } from './utilisateurs';

/** Every group of the published catalogue: the router serves it, the OpenAPI document describes it. */
export function cproCatalogue(): CproGroup[] {
  return [facturesGroup, structuresGroup, utilisateursGroup, transversesGroup];
}
