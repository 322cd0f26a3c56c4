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
exports.recordMembershipRequest = recordMembershipRequest;
exports.loadManagers = loadManagers;
exports.notifyManagers = notifyManagers;
exports.escalateMembershipRequest = escalateMembershipRequest;
exports.applyDecision = applyDecision;
exports.closeMembershipRequest = closeMembershipRequest;
exports.notifyRequester = notifyRequester;
const accounts_1 = require("../accounts");
const requests = __importStar(require("./store/membership-requests"));
const members_1 = require("./store/members");
const structures_1 = require("./store/structures");
const structureName = async (db, structureId) => (await (0, structures_1.findStructure)(db, structureId))?.name ?? structureId;
/** Files the request as EN_ATTENTE (a later request of the same user replaces a decided one). */
async function recordMembershipRequest(db, step) {
    await requests.savePendingRequest(db, step);
}
/** Who manages the structure now (with the email to reach them), and whether the requester is a member. */
async function loadManagers(db, { structureId, userId }) {
    const managing = await (0, members_1.membersByUserId)(db, structureId, ['PRINCIPAL', 'SECONDAIRE']);
    const managers = await (0, accounts_1.contactsOf)(db, managing.map((m) => m.userId));
    return { managers, requesterIsMember: !!(await (0, members_1.findMembership)(db, structureId, userId)) };
}
/** Emails each manager about the request (round 0) or reminds them of it (round n). */
async function notifyManagers({ db, mailer, publicUrl }, { id, request, managers, round }) {
    const name = await structureName(db, request.structureId);
    const services = request.services.length ? ` (services ${request.services.join(', ')})` : '';
    for (const m of managers) {
        await mailer.send({
            to: m.email,
            subject: `${round === 0 ? '' : 'Rappel : '}demande de rattachement à ${name}`,
            text: `Bonjour,\n\n${request.requesterEmail} demande à être rattaché(e) à la structure ${name}${services}.\n` +
                `Approuvez ou refusez la demande sur la page de la structure : ` +
                `${publicUrl ?? ''}/structures/${encodeURIComponent(request.structureId)}`,
            idempotencyKey: `${id}@${request.requestedAt}/managers/${round}/${m.userId}`,
        });
    }
}
/** Puts the request in the operators' queue and marks it ESCALADEE. */
async function escalateMembershipRequest(db, step) {
    await requests.escalateRequest(db, step, `${step.request.requesterEmail} awaits an answer to an attachment request`, new Date().toISOString());
}
/** Records the decision; an approval makes the requester a member with the granted role and services. */
async function applyDecision(db, { outcome, ...step }) {
    await requests.recordDecision(db, step, outcome);
}
/** Ends a request nobody decided: withdrawn by the requester, or made moot by a direct membership. */
async function closeMembershipRequest(db, { outcome, ...step }) {
    await requests.closeRequest(db, step, outcome);
}
/** Tells the requester the answer. */
async function notifyRequester({ db, mailer }, { id, request, outcome }) {
    const name = await structureName(db, request.structureId);
    const approved = outcome.status === 'APPROUVEE';
    await mailer.send({
        to: request.requesterEmail,
        subject: `Demande de rattachement à ${name} ${approved ? 'approuvée' : 'refusée'}`,
        text: approved
            ? `Vous pouvez désormais agir pour la structure ${name}.`
            : `Votre demande de rattachement à ${name} a été refusée : ${outcome.reason ?? ''}`,
        idempotencyKey: `${id}@${request.requestedAt}/decision`,
    });
}
//# sourceMappingURL=membership-request-steps.js.map