import { createAccountActivities, AccountActivityDeps } from './account';
import { createAttachmentActivities } from './attachment';
import { createInvoiceActivities, InvoiceActivityDeps } from './invoice';
import { createSupportActivities } from './support';
import { createFlowActivities } from './flow';

export type ActivityDeps = InvoiceActivityDeps & AccountActivityDeps;

/** Every activity the worker registers, built from its dependencies so tests can inject them. */
export function createActivities(deps: ActivityDeps) {
  return {
    ...createInvoiceActivities(deps),
    ...createAccountActivities(deps),
    ...createAttachmentActivities(deps),
    ...createSupportActivities(deps),
    ...createFlowActivities(deps),
  };
}
