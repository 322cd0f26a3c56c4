"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.notificationDigest = exports.raccordement = exports.technicalAccountReminders = exports.invoiceFlow = exports.connectorTick = exports.connectorSync = exports.supportRequest = exports.supportConversation = exports.structureAttachment = exports.passwordReset = exports.accountActivation = exports.invoiceLifecycle = void 0;
// The worker's workflow bundle: every workflow the platform runs.
var invoice_1 = require("./invoice");
Object.defineProperty(exports, "invoiceLifecycle", { enumerable: true, get: function () { return invoice_1.invoiceLifecycle; } });
var account_1 = require("./account");
Object.defineProperty(exports, "accountActivation", { enumerable: true, get: function () { return account_1.accountActivation; } });
var password_reset_1 = require("./password-reset");
Object.defineProperty(exports, "passwordReset", { enumerable: true, get: function () { return password_reset_1.passwordReset; } });
var membership_1 = require("./membership");
Object.defineProperty(exports, "structureAttachment", { enumerable: true, get: function () { return membership_1.structureAttachment; } });
var support_1 = require("./support");
Object.defineProperty(exports, "supportConversation", { enumerable: true, get: function () { return support_1.supportConversation; } });
var support_request_1 = require("./support-request");
Object.defineProperty(exports, "supportRequest", { enumerable: true, get: function () { return support_request_1.supportRequest; } });
var connector_1 = require("./connector");
Object.defineProperty(exports, "connectorSync", { enumerable: true, get: function () { return connector_1.connectorSync; } });
var connector_tick_1 = require("./connector-tick");
Object.defineProperty(exports, "connectorTick", { enumerable: true, get: function () { return connector_tick_1.connectorTick; } });
var flow_1 = require("./flow");
Object.defineProperty(exports, "invoiceFlow", { enumerable: true, get: function () { return flow_1.invoiceFlow; } });
var technical_account_1 = require("./technical-account");
Object.defineProperty(exports, "technicalAccountReminders", { enumerable: true, get: function () { return technical_account_1.technicalAccountReminders; } });
var raccordement_1 = require("./raccordement");
Object.defineProperty(exports, "raccordement", { enumerable: true, get: function () { return raccordement_1.raccordement; } });
var digest_1 = require("./digest");
Object.defineProperty(exports, "notificationDigest", { enumerable: true, get: function () { return digest_1.notificationDigest; } });
//# sourceMappingURL=index.js.map