"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.createActivities = createActivities;
const account_1 = require("./account");
const membership_1 = require("./membership");
const invoice_1 = require("./invoice");
const support_1 = require("./support");
const flow_1 = require("./flow");
const connector_1 = require("./connector");
const service_mode_1 = require("./service-mode");
const digest_1 = require("./digest");
/** Every activity the worker registers, built from its dependencies so tests can inject them. */
function createActivities(deps) {
    return {
        ...(0, invoice_1.createInvoiceActivities)(deps),
        ...(0, account_1.createAccountActivities)(deps),
        ...(0, membership_1.createMembershipActivities)(deps),
        ...(0, support_1.createSupportActivities)(deps),
        ...(0, flow_1.createFlowActivities)(deps),
        ...(0, service_mode_1.createServiceModeActivities)(deps),
        ...(0, digest_1.createDigestActivities)(deps),
        ...(deps.connectors ? (0, connector_1.createConnectorActivities)({ ...deps, connectors: deps.connectors }) : {}),
    };
}
//# sourceMappingURL=index.js.map