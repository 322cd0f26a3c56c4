"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.checkAdvisor = checkAdvisor;
exports.askAssistant = askAssistant;
exports.rateAnswer = rateAnswer;
exports.conversationFor = conversationFor;
exports.acceptLiveChat = acceptLiveChat;
exports.sendChatMessage = sendChatMessage;
exports.endLiveChat = endLiveChat;
exports.joinLiveChat = joinLiveChat;
exports.advisorQueue = advisorQueue;
exports.setAvailability = setAvailability;
/**
 * Conversations as the edges drive them: each is a workflow support/<conversationId>; signed in or
 * not, whoever holds a conversation id may continue it, and a signed-in user's conversation is theirs.
 */
const node_crypto_1 = __importDefault(require("node:crypto"));
const domain_error_1 = require("../platform/domain-error");
const support_1 = require("../workflows/support");
const store_1 = require("./store");
const workflow_calls_1 = require("./workflow-calls");
const handle = (client, id) => client.workflow.getHandle((0, support_1.conversationWorkflowId)(id));
const call = (run) => (0, workflow_calls_1.supportCall)('CONVERSATION_NOT_FOUND', 'params.conversationId', run);
/** Live-chat advisors are operators; anyone else is refused. */
function checkAdvisor(caller) {
    if (!caller.operator)
        throw new domain_error_1.DomainError('ADVISOR_REQUIRED', 'Only support advisors (operators) may do this.');
    return caller;
}
/** Asks the assistant, in the given conversation or in a new one. */
async function askAssistant({ client, taskQueue, settings }, who, { question, conversationId }) {
    let id = conversationId;
    if (!id) {
        id = node_crypto_1.default.randomUUID();
        await client.workflow.start(support_1.supportConversation, {
            workflowId: (0, support_1.conversationWorkflowId)(id),
            taskQueue,
            args: [
                {
                    conversationId: id,
                    userId: who.userId,
                    startedAt: new Date().toISOString(),
                    openingHours: settings.openingHours,
                },
            ],
        });
    }
    const started = id;
    const result = await call(() => handle(client, started).executeUpdate(support_1.ask, { args: [{ ...who, question }] }));
    return { conversationId: started, ...result };
}
function rateAnswer(client, id, who, rating) {
    return call(() => handle(client, id).executeUpdate(support_1.rate, { args: [{ ...who, ...rating }] }));
}
/** The conversation, for its user or an advisor. */
async function conversationFor(client, id, who) {
    const state = await call(() => handle(client, id).query(support_1.conversation));
    if (state.userId && state.userId !== who.userId && !who.advisor)
        throw new domain_error_1.DomainError('NOT_YOURS', 'This conversation belongs to another user.');
    return state;
}
/** Accepts the live chat on offer: the conversation joins the advisors' queue. */
function acceptLiveChat(client, id, who) {
    return call(() => handle(client, id).executeUpdate(support_1.requestLiveChat, { args: [who] }));
}
function sendChatMessage(client, id, who, text) {
    return call(() => handle(client, id).executeUpdate(support_1.postMessage, { args: [{ ...who, text }] }));
}
function endLiveChat(client, id, who) {
    return call(() => handle(client, id).executeUpdate(support_1.endChat, { args: [who] }));
}
/** An advisor takes a waiting live chat. */
function joinLiveChat(client, id, advisor) {
    return call(() => handle(client, id).executeUpdate(support_1.joinChat, { args: [{ userId: advisor.userId, advisor: true }] }));
}
/** Live chats waiting for an advisor, oldest first. */
function advisorQueue(db) {
    return (0, store_1.waitingChats)(db);
}
/** Whether an advisor takes live chats now; the chat is offered only when someone does. */
async function setAvailability(db, advisor, available) {
    await (0, store_1.saveAvailability)(db, advisor.userId, available, new Date().toISOString());
}
//# sourceMappingURL=conversations.js.map