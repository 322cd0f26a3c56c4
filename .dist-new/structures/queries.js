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
exports.resolveOperatorTask = exports.openOperatorTask = exports.structureIdentifiersOfUser = exports.membershipsOfUser = exports.structureNames = exports.structureExists = exports.searchStructures = exports.preferredFormatOf = exports.recipientStructureByIdentifier = exports.findStructureByIdentifier = void 0;
exports.structureIdByIdentifier = structureIdByIdentifier;
exports.isMemberOfStructureIdentified = isMemberOfStructureIdentified;
exports.structuresOfUser = structuresOfUser;
exports.memberContacts = memberContacts;
exports.memberEmails = memberEmails;
exports.bankAccountOf = bankAccountOf;
exports.addTechnicalMember = addTechnicalMember;
const accounts_1 = require("../accounts");
const members = __importStar(require("./store/members"));
const structures = __importStar(require("./store/structures"));
const bank_accounts_1 = require("./store/bank-accounts");
var structures_1 = require("./store/structures");
Object.defineProperty(exports, "findStructureByIdentifier", { enumerable: true, get: function () { return structures_1.findStructureByIdentifier; } });
Object.defineProperty(exports, "recipientStructureByIdentifier", { enumerable: true, get: function () { return structures_1.recipientStructureByIdentifier; } });
Object.defineProperty(exports, "preferredFormatOf", { enumerable: true, get: function () { return structures_1.preferredFormatOf; } });
Object.defineProperty(exports, "searchStructures", { enumerable: true, get: function () { return structures_1.searchStructures; } });
Object.defineProperty(exports, "structureExists", { enumerable: true, get: function () { return structures_1.structureExists; } });
Object.defineProperty(exports, "structureNames", { enumerable: true, get: function () { return structures_1.structureNames; } });
var members_1 = require("./store/members");
Object.defineProperty(exports, "membershipsOfUser", { enumerable: true, get: function () { return members_1.membershipsOfUser; } });
Object.defineProperty(exports, "structureIdentifiersOfUser", { enumerable: true, get: function () { return members_1.structureIdentifiersOfUser; } });
var operator_tasks_1 = require("./store/operator-tasks");
Object.defineProperty(exports, "openOperatorTask", { enumerable: true, get: function () { return operator_tasks_1.openOperatorTask; } });
Object.defineProperty(exports, "resolveOperatorTask", { enumerable: true, get: function () { return operator_tasks_1.resolveOperatorTask; } });
/** The id of the structure with this identifier, if any. */
async function structureIdByIdentifier(db, identifier) {
    return (await structures.findStructureByIdentifier(db, identifier))?.id;
}
/** Whether the user is a member of the structure with this identifier (e.g. the seller an invoice names). */
async function isMemberOfStructureIdentified(db, userId, identifier) {
    return members.isMemberOfIdentified(db, userId, identifier);
}
/** The structures a user is a member of, with their role and services in each. */
async function structuresOfUser(db, userId, orderBy = 'name') {
    return structures.structuresOfUser(db, userId, orderBy);
}
/**
 * The members of a structure with the contact email their mail goes to, by user id, optionally only
 * those with the given roles (e.g. its managers: PRINCIPAL and SECONDAIRE).
 */
async function memberContacts(db, structureId, roles) {
    const found = await members.membersByUserId(db, structureId, roles);
    const email = new Map((await (0, accounts_1.contactsOf)(db, found.map((m) => m.userId))).map((c) => [c.userId, c.email]));
    return found.filter((m) => email.has(m.userId)).map((m) => ({ ...m, email: email.get(m.userId) }));
}
/** Contact emails of every member of a structure, in alphabetical order. */
async function memberEmails(db, structureId) {
    if (!structureId)
        return [];
    return (await memberContacts(db, structureId)).map((m) => m.email).sort();
}
/** The structure's bank account with this id, or its oldest one when no id is given. */
async function bankAccountOf(db, structureId, id) {
    const accounts = await (0, bank_accounts_1.listBankAccounts)(db, structureId);
    return id ? accounts.find((a) => a.id === id) : accounts[0];
}
/**
 * Makes a Service-mode technical account's user a plain member of the whole structure. Takes the
 * caller's transaction: the account and its membership are made together.
 */
async function addTechnicalMember(db, structureId, userId, at) {
    await members.addWholeStructureUser(db, structureId, userId, at);
}
//# sourceMappingURL=queries.js.map