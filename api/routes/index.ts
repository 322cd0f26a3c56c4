import type { Router } from 'express';
import type { AppDeps } from '../app';
import type { OpenApiPaths } from '../openapi';
import { accountsOpenApi, accountsRouter } from './accounts';
import { devOutboxOpenApi, devOutboxRouter } from './dev-outbox';
import { healthOpenApi, healthRouter } from './health';
import { membershipRequestsOpenApi, membershipRequestsRouter } from './membership-requests';
import { bankAccountsOpenApi, bankAccountsRouter } from './bank-accounts';
import { membersOpenApi, membersRouter } from './members';
import { servicesOpenApi, servicesRouter } from './services';
import { structuresOpenApi, structuresRouter } from './structures';
import { invoicesOpenApi, invoicesRouter } from './invoices';
import { invoiceListingsOpenApi, invoiceListingsRouter } from './invoice-listings';
import { sessionsOpenApi, sessionsRouter } from './sessions';
import { supportOpenApi, supportRouter } from './support';
import { supportRequestsOpenApi, supportRequestsRouter } from './support-requests';
import { connectorsOpenApi, connectorsRouter } from './connectors';
import { connectionsOpenApi, connectionsRouter } from './connections';
import { flowsOpenApi, flowsRouter } from './flows';
import { draftsOpenApi, draftsRouter } from './drafts';
import { attachmentsOpenApi, attachmentsRouter } from './draft-attachments';
import { filesOpenApi, filesRouter } from './files';
import { applicationsOpenApi, applicationsRouter } from './service-mode';
import { structureDirectoryOpenApi, structureDirectoryRouter } from './structure-directory';
import { portalListsOpenApi, portalListsRouter } from './portal-lists';

/** A resource of the API: where it is mounted, its router, and its part of the OpenAPI document. */
export interface Resource {
  mount: string;
  router: (deps: AppDeps) => Router;
  openApi: OpenApiPaths;
}

/** Every resource the API serves; add one line per new resource. */
export const resources: Resource[] = [
  { mount: '/', router: healthRouter, openApi: healthOpenApi },
  { mount: '/api/v1', router: invoicesRouter, openApi: invoicesOpenApi },
  { mount: '/api/v1', router: invoiceListingsRouter, openApi: invoiceListingsOpenApi },
  { mount: '/api/v1', router: structuresRouter, openApi: structuresOpenApi },
  { mount: '/api/v1', router: bankAccountsRouter, openApi: bankAccountsOpenApi },
  { mount: '/api/v1', router: servicesRouter, openApi: servicesOpenApi },
  { mount: '/api/v1', router: membersRouter, openApi: membersOpenApi },
  { mount: '/api/v1', router: membershipRequestsRouter, openApi: membershipRequestsOpenApi },
  { mount: '/api/v1', router: accountsRouter, openApi: accountsOpenApi },
  { mount: '/api/v1', router: sessionsRouter, openApi: sessionsOpenApi },
  { mount: '/api/v1', router: devOutboxRouter, openApi: devOutboxOpenApi },
  { mount: '/api/v1', router: supportRouter, openApi: supportOpenApi },
  { mount: '/api/v1', router: supportRequestsRouter, openApi: supportRequestsOpenApi },
  { mount: '/api/v1', router: flowsRouter, openApi: flowsOpenApi },
  { mount: '/api/v1', router: draftsRouter, openApi: draftsOpenApi },
  { mount: '/api/v1', router: attachmentsRouter, openApi: attachmentsOpenApi },
  { mount: '/api/v1', router: filesRouter, openApi: filesOpenApi },
  { mount: '/api/v1', router: connectorsRouter, openApi: connectorsOpenApi },
  { mount: '/api/v1', router: connectionsRouter, openApi: connectionsOpenApi },
  { mount: '/api/v1', router: applicationsRouter, openApi: applicationsOpenApi },
  { mount: '/api/v1', router: structureDirectoryRouter, openApi: structureDirectoryOpenApi },
  { mount: '/api/v1', router: portalListsRouter, openApi: portalListsOpenApi },
];
