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
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.normalizeEmail = void 0;
exports.findUserByEmail = findUserByEmail;
exports.toAccount = toAccount;
exports.getAccount = getAccount;
exports.setOperator = setOperator;
exports.userIdByEmail = userIdByEmail;
const store = __importStar(require("./store"));
/** Logins are compared without case or surrounding spaces, as mail systems do in practice. */
const normalizeEmail = (email) => email.trim().toLowerCase();
exports.normalizeEmail = normalizeEmail;
async function findUserByEmail(db, email) {
    return store.findUserByEmail(db, (0, exports.normalizeEmail)(email));
}
function toAccount(row) {
    return {
        id: row.id,
        email: row.email,
        firstName: row.first_name,
        lastName: row.last_name,
        phone: row.phone ?? undefined,
        contactEmail: row.contact_email,
        siret: row.siret ?? undefined,
        status: row.status,
        // SQLite answers booleans as 0/1.
        operator: !!row.operator,
    };
}
/** The account of a signed-in user. */
async function getAccount(db, userId) {
    return toAccount((await store.findUserById(db, userId)));
}
/** Grants or withdraws the operator role (support staff); answers false when no account has this email. */
async function setOperator(db, email, operator) {
    return store.updateOperator(db, (0, exports.normalizeEmail)(email), operator);
}
/** The id of the account with this login email, if any. */
async function userIdByEmail(db, email) {
    return (await findUserByEmail(db, email))?.id;
}
//# sourceMappingURL=users.js.map