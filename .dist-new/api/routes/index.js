"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.resources = void 0;
const accounts_1 = require("./accounts");
const dev_outbox_1 = require("./dev-outbox");
const health_1 = require("./health");
const membership_requests_1 = require("./membership-requests");
const bank_accounts_1 = require("./bank-accounts");
const members_1 = require("./members");
const services_1 = require("./services");
const structures_1 = require("./structures");
const invoices_1 = require("./invoices");
const invoice_listings_1 = require("./invoice-listings");
const sessions_1 = require("./sessions");
const support_1 = require("./support");
const support_requests_1 = require("./support-requests");
const connectors_1 = require("./connectors");
const connections_1 = require("./connections");
const flows_1 = require("./flows");
const drafts_1 = require("./drafts");
const draft_attachments_1 = require("./draft-attachments");
const files_1 = require("./files");
const service_mode_1 = require("./service-mode");
const structure_directory_1 = require("./structure-directory");
const portal_lists_1 = require("./portal-lists");
/** Every resource the API serves; add one line per new resource. */
exports.resources = [
    { mount: '/', router: health_1.healthRouter, openApi: health_1.healthOpenApi },
    { mount: '/api/v1', router: invoices_1.invoicesRouter, openApi: invoices_1.invoicesOpenApi },
    { mount: '/api/v1', router: invoice_listings_1.invoiceListingsRouter, openApi: invoice_listings_1.invoiceListingsOpenApi },
    { mount: '/api/v1', router: structures_1.structuresRouter, openApi: structures_1.structuresOpenApi },
    { mount: '/api/v1', router: bank_accounts_1.bankAccountsRouter, openApi: bank_accounts_1.bankAccountsOpenApi },
    { mount: '/api/v1', router: services_1.servicesRouter, openApi: services_1.servicesOpenApi },
    { mount: '/api/v1', router: members_1.membersRouter, openApi: members_1.membersOpenApi },
    { mount: '/api/v1', router: membership_requests_1.membershipRequestsRouter, openApi: membership_requests_1.membershipRequestsOpenApi },
    { mount: '/api/v1', router: accounts_1.accountsRouter, openApi: accounts_1.accountsOpenApi },
    { mount: '/api/v1', router: sessions_1.sessionsRouter, openApi: sessions_1.sessionsOpenApi },
    { mount: '/api/v1', router: dev_outbox_1.devOutboxRouter, openApi: dev_outbox_1.devOutboxOpenApi },
    { mount: '/api/v1', router: support_1.supportRouter, openApi: support_1.supportOpenApi },
    { mount: '/api/v1', router: support_requests_1.supportRequestsRouter, openApi: support_requests_1.supportRequestsOpenApi },
    { mount: '/api/v1', router: flows_1.flowsRouter, openApi: flows_1.flowsOpenApi },
    { mount: '/api/v1', router: drafts_1.draftsRouter, openApi: drafts_1.draftsOpenApi },
    { mount: '/api/v1', router: draft_attachments_1.attachmentsRouter, openApi: draft_attachments_1.attachmentsOpenApi },
    { mount: '/api/v1', router: files_1.filesRouter, openApi: files_1.filesOpenApi },
    { mount: '/api/v1', router: connectors_1.connectorsRouter, openApi: connectors_1.connectorsOpenApi },
    { mount: '/api/v1', router: connections_1.connectionsRouter, openApi: connections_1.connectionsOpenApi },
    { mount: '/api/v1', router: service_mode_1.applicationsRouter, openApi: service_mode_1.applicationsOpenApi },
    { mount: '/api/v1', router: structure_directory_1.structureDirectoryRouter, openApi: structure_directory_1.structureDirectoryOpenApi },
    { mount: '/api/v1', router: portal_lists_1.portalListsRouter, openApi: portal_lists_1.portalListsOpenApi },
];
//# sourceMappingURL=index.js.map