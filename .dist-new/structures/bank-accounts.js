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
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.addBankAccount = addBankAccount;
exports.listBankAccounts = listBankAccounts;
exports.removeBankAccount = removeBankAccount;
const node_crypto_1 = __importDefault(require("node:crypto"));
const domain_error_1 = require("../platform/domain-error");
const iban_1 = require("../invoice/platform-rules/iban");
const identifiers_1 = require("./identifiers");
const store = __importStar(require("./store/bank-accounts"));
/** Adds a bank account after the ISO 13616 (IBAN) and ISO 9362 (BIC) checks; the IBAN is kept compact. */
async function addBankAccount(db, structureId, input) {
    const iban = input.iban.replace(/\s+/g, '').toUpperCase();
    const bic = input.bic.trim().toUpperCase();
    const problem = (0, iban_1.ibanProblem)(iban);
    // The message names the account by its masked form only: IBANs never appear in clear in logs.
    if (problem)
        throw new domain_error_1.DomainError('IBAN_INVALID', `IBAN ${(0, identifiers_1.maskIban)(iban)} is invalid: ${problem}.`, {
            field: 'body.iban',
        });
    const bicBad = (0, identifiers_1.bicProblem)(bic);
    if (bicBad)
        throw new domain_error_1.DomainError(bicBad.code, bicBad.message, { field: bicBad.field });
    const existing = await store.bankAccountIdByIban(db, structureId, iban);
    if (existing)
        throw new domain_error_1.DomainError('BANK_ACCOUNT_EXISTS', `The structure already has the account ${(0, identifiers_1.maskIban)(iban)}.`, {
            field: 'body.iban',
            bankAccountId: existing,
        });
    const account = {
        id: node_crypto_1.default.randomUUID(),
        iban,
        bic,
        label: input.label,
        factor: !!input.factor,
        createdAt: new Date().toISOString(),
    };
    await store.insertBankAccount(db, structureId, account);
    return account;
}
/** The structure's bank accounts, oldest first. */
async function listBankAccounts(db, structureId) {
    return store.listBankAccounts(db, structureId);
}
async function removeBankAccount(db, structureId, id) {
    if (!(await store.deleteBankAccount(db, structureId, id)))
        throw new domain_error_1.DomainError('BANK_ACCOUNT_NOT_FOUND', `No bank account ${id} in this structure.`, {
            field: 'params.bankAccountId',
        });
}
//# sourceMappingURL=bank-accounts.js.map