import { createAccountActivities, AccountActivityDeps } from './account';
import { createMembershipActivities } from './membership';
import { createInvoiceActivities, InvoiceActivityDeps } from './invoice';
import { createSupportActivities } from './support';
import { createFlowActivities } from './flow';
import { createConnectorActivities, ConnectorActivityDeps } from './connector';
import { createServiceModeActivities } from './service-mode';
import { createDigestActivities } from './digest';

export type ActivityDeps = InvoiceActivityDeps &
  AccountActivityDeps &
  // A worker without connectors configured (most tests) simply does not run connector syncs.
  Partial<Pick<ConnectorActivityDeps, 'connectors'>>;

/** Every activity the worker registers, built from its dependencies so tests can inject them. */
export function createActivities(deps: ActivityDeps) {
  return {
    ...createInvoiceActivities(deps),
    ...createAccountActivities(deps),
    ...createMembershipActivities(deps),
    ...createSupportActivities(deps),
    ...createFlowActivities(deps),
    ...createServiceModeActivities(deps),
    ...createDigestActivities(deps),
    ...(deps.connectors ? createConnectorActivities({ ...deps, connectors: deps.connectors }) : {}),
  };
}
