"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.userExists = exports.operatorContacts = exports.loginEmailsOf = exports.insertTechnicalUser = exports.contactsOf = exports.userIdByEmail = exports.normalizeEmail = exports.getAccount = void 0;
var users_1 = require("./users");
Object.defineProperty(exports, "getAccount", { enumerable: true, get: function () { return users_1.getAccount; } });
Object.defineProperty(exports, "normalizeEmail", { enumerable: true, get: function () { return users_1.normalizeEmail; } });
Object.defineProperty(exports, "userIdByEmail", { enumerable: true, get: function () { return users_1.userIdByEmail; } });
var store_1 = require("./store");
Object.defineProperty(exports, "contactsOf", { enumerable: true, get: function () { return store_1.contactsOf; } });
Object.defineProperty(exports, "insertTechnicalUser", { enumerable: true, get: function () { return store_1.insertTechnicalUser; } });
Object.defineProperty(exports, "loginEmailsOf", { enumerable: true, get: function () { return store_1.loginEmailsOf; } });
Object.defineProperty(exports, "operatorContacts", { enumerable: true, get: function () { return store_1.operatorContacts; } });
Object.defineProperty(exports, "userExists", { enumerable: true, get: function () { return store_1.userExists; } });
//# sourceMappingURL=index.js.map