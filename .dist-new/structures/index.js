"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __exportStar = (this && this.__exportStar) || function(m, exports) {
    for (var p in m) if (p !== "default" && !Object.prototype.hasOwnProperty.call(exports, p)) __createBinding(exports, m, p);
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.dbRecipientDirectory = exports.listBankAccounts = exports.unknownServices = exports.requireKnownServices = exports.listServices = exports.getService = exports.getStructure = exports.createStructure = exports.seesService = exports.requireStructure = exports.membershipOf = exports.isManager = exports.authorize = void 0;
var access_1 = require("./access");
Object.defineProperty(exports, "authorize", { enumerable: true, get: function () { return access_1.authorize; } });
Object.defineProperty(exports, "isManager", { enumerable: true, get: function () { return access_1.isManager; } });
Object.defineProperty(exports, "membershipOf", { enumerable: true, get: function () { return access_1.membershipOf; } });
Object.defineProperty(exports, "requireStructure", { enumerable: true, get: function () { return access_1.requireStructure; } });
Object.defineProperty(exports, "seesService", { enumerable: true, get: function () { return access_1.seesService; } });
var structures_1 = require("./structures");
Object.defineProperty(exports, "createStructure", { enumerable: true, get: function () { return structures_1.createStructure; } });
Object.defineProperty(exports, "getStructure", { enumerable: true, get: function () { return structures_1.getStructure; } });
var services_1 = require("./services");
Object.defineProperty(exports, "getService", { enumerable: true, get: function () { return services_1.getService; } });
Object.defineProperty(exports, "listServices", { enumerable: true, get: function () { return services_1.listServices; } });
Object.defineProperty(exports, "requireKnownServices", { enumerable: true, get: function () { return services_1.requireKnownServices; } });
Object.defineProperty(exports, "unknownServices", { enumerable: true, get: function () { return services_1.unknownServices; } });
var bank_accounts_1 = require("./bank-accounts");
Object.defineProperty(exports, "listBankAccounts", { enumerable: true, get: function () { return bank_accounts_1.listBankAccounts; } });
var directory_1 = require("./directory");
Object.defineProperty(exports, "dbRecipientDirectory", { enumerable: true, get: function () { return directory_1.dbRecipientDirectory; } });
__exportStar(require("./queries"), exports);
//# sourceMappingURL=index.js.map