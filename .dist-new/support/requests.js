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
exports.fileRequest = fileRequest;
exports.myRequests = myRequests;
exports.requestQueue = requestQueue;
exports.requestWithMessages = requestWithMessages;
exports.takeRequest = takeRequest;
exports.answerRequest = answerRequest;
exports.replyToRequest = replyToRequest;
exports.closeRequest = closeRequest;
/**
 * Requests (sollicitations) as the edges drive them: filed signed in (followed in the portal) or not
 * (answered by email only, with no id to follow, as on the real platform); each is a workflow
 * sollicitation/<id> routed to platform support or to the business service of the buyer concerned,
 * whose members answer it.
 */
const node_crypto_1 = __importDefault(require("node:crypto"));
const client_1 = require("@temporalio/client");
const domain_error_1 = require("../platform/domain-error");
const structures_1 = require("../structures");
const requestWorkflow = __importStar(require("../workflows/support-request"));
const advisors_1 = require("./advisors");
const store_1 = require("./store");
const workflow_calls_1 = require("./workflow-calls");
const handle = (client, id) => client.workflow.getHandle(requestWorkflow.requestWorkflowId(id));
const call = (run) => (0, workflow_calls_1.supportCall)('REQUEST_NOT_FOUND', 'params.requestId', run);
const view = ({ userId: _requester, ...request }) => request;
/** Checks the request against the categories (and the buyer it names), then starts its workflow. */
async function fileRequest({ db, client, taskQueue }, categories, caller, input) {
    const category = categories.find((c) => c.code === input.category);
    if (!category)
        throw new domain_error_1.DomainError('CATEGORY_UNKNOWN', `No category ${input.category}.`, { field: 'body.category' });
    if (!category.subcategories.some((s) => s.code === input.subcategory))
        throw new domain_error_1.DomainError('SUBCATEGORY_UNKNOWN', `No sub-category ${input.subcategory} in ${category.code}.`, {
            field: 'body.subcategory',
        });
    const contactEmail = input.contactEmail ?? caller?.email;
    if (!contactEmail)
        throw new domain_error_1.DomainError('INVALID_INPUT', 'body.contactEmail is required when not signed in.', {
            field: 'body.contactEmail',
        });
    const toBuyer = category.routing === 'SERVICE_ACHETEUR';
    if (toBuyer)
        await checkBuyer(db, input);
    const id = node_crypto_1.default.randomUUID();
    const request = {
        id,
        userId: caller?.userId,
        contactEmail,
        category: category.code,
        subcategory: input.subcategory,
        routing: category.routing,
        structureId: toBuyer ? input.structureId : undefined,
        serviceCode: toBuyer ? input.serviceCode : undefined,
        subject: input.subject,
        text: input.text,
        createdAt: new Date().toISOString(),
    };
    await client.workflow.start(requestWorkflow.supportRequest, {
        workflowId: requestWorkflow.requestWorkflowId(id),
        taskQueue,
        args: [request],
    });
    return caller ? { trackable: true, id, routing: request.routing } : { trackable: false, contactEmail };
}
/** A request routed to a buyer's service names an existing structure, and a service it has. */
async function checkBuyer(db, input) {
    if (!input.structureId)
        throw new domain_error_1.DomainError('INVALID_INPUT', 'body.structureId is required for this category (the buyer concerned).', {
            field: 'body.structureId',
        });
    if (!(await (0, structures_1.structureExists)(db, input.structureId)))
        throw new domain_error_1.DomainError('STRUCTURE_NOT_FOUND', `No structure with id ${input.structureId}.`, {
            field: 'body.structureId',
        });
    if (input.serviceCode && (await (0, structures_1.unknownServices)(db, input.structureId, [input.serviceCode])).length > 0)
        throw new domain_error_1.DomainError('SERVICE_UNKNOWN', `The structure has no service ${input.serviceCode}.`, {
            field: 'body.serviceCode',
        });
}
/** The caller's requests, newest first. */
async function myRequests(db, caller) {
    return (await (0, store_1.requestsOf)(db, caller.userId)).map(view);
}
/** Open requests the caller handles: operators (platform support) and members of the routed buyer services. */
async function requestQueue(db, caller) {
    return (await (0, store_1.openRequests)(db, await (0, advisors_1.queueScopeOf)(db, caller))).map(view);
}
/** A request with its messages, for its requester, operators and its advisors. */
async function requestWithMessages(db, client, caller, id) {
    const request = await (0, store_1.findRequest)(db, id);
    if (!request)
        throw new domain_error_1.DomainError('REQUEST_NOT_FOUND', `No request ${id}.`, { field: 'params.requestId' });
    const messages = await (0, store_1.requestMessages)(db, id);
    let advisors = [];
    try {
        advisors = (await handle(client, id).query(requestWorkflow.requestState)).advisors;
    }
    catch (err) {
        // A closed request's workflow may be gone: only its requester and operators see it then.
        if (!(err instanceof client_1.WorkflowNotFoundError))
            throw err;
    }
    if (request.userId !== caller.userId && !caller.operator && !advisors.includes(caller.userId))
        throw new domain_error_1.DomainError('NOT_YOURS', 'This request is not yours to see.');
    return { ...view(request), messages };
}
const summary = (s) => ({ id: s.id, status: s.status, advisorId: s.advisorId });
/** An advisor takes the request (EN_COURS). */
async function takeRequest(client, id, who) {
    return summary(await call(() => handle(client, id).executeUpdate(requestWorkflow.take, { args: [who] })));
}
/** An advisor answers (REPONDUE, or EN_ATTENTE_UTILISATEUR when they need something from the requester). */
async function answerRequest(client, id, who, answer) {
    return summary(await call(() => handle(client, id).executeUpdate(requestWorkflow.answerRequest, { args: [{ ...who, ...answer }] })));
}
/** The requester replies (back to EN_COURS). */
async function replyToRequest(client, id, who, reply) {
    return summary(await call(() => handle(client, id).executeUpdate(requestWorkflow.replyToRequest, { args: [{ ...who, ...reply }] })));
}
/** The requester, or an advisor, closes the request (CLOTUREE). */
async function closeRequest(client, id, who) {
    return summary(await call(() => handle(client, id).executeUpdate(requestWorkflow.closeRequest, { args: [who] })));
}
//# sourceMappingURL=requests.js.map