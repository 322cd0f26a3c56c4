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
exports.conversationWorkflowId = exports.conversation = exports.endChat = exports.postMessage = exports.joinChat = exports.requestLiveChat = exports.rate = exports.ask = void 0;
exports.supportConversation = supportConversation;
const wf = __importStar(require("@temporalio/workflow"));
const opening_hours_1 = require("../support/opening-hours");
const search_attributes_1 = require("./search-attributes");
const activity_retry_1 = require("./activity-retry");
exports.ask = wf.defineUpdate('ask');
exports.rate = wf.defineUpdate('rate');
exports.requestLiveChat = wf.defineUpdate('requestLiveChat');
exports.joinChat = wf.defineUpdate('joinChat');
exports.postMessage = wf.defineUpdate('postMessage');
exports.endChat = wf.defineUpdate('endChat');
exports.conversation = wf.defineQuery('conversation');
const conversationWorkflowId = (conversationId) => `support/${conversationId}`;
exports.conversationWorkflowId = conversationWorkflowId;
const refusal = (message, type) => wf.ApplicationFailure.nonRetryable(message, type);
const MINUTE = 60_000;
/** The article answering "I want to talk to someone": its answer comes with the live chat's offer. */
const ADVISOR_ARTICLE = 'contacter-support';
const acts = wf.proxyActivities({
    startToCloseTimeout: '30 seconds',
    retry: (0, activity_retry_1.boundedRetry)(),
});
function setStatus(c, s) {
    c.state.status = s;
    wf.upsertSearchAttributes([{ key: search_attributes_1.SupportStatus, value: s }]);
}
const save = (c) => acts.saveConversation({ state: c.state, startedAt: c.start.startedAt, at: now() });
function mine({ state }, a) {
    if (state.status === 'TERMINEE')
        throw refusal('This conversation has ended.', 'Ended');
    if (state.userId && a.userId !== state.userId && !a.advisor)
        throw refusal('This conversation belongs to another user.', 'NotYours');
}
function chatParticipant({ state }, a) {
    if (state.chat?.status !== 'EN_COURS')
        throw refusal('No live chat is going on.', 'ChatNotActive');
    if (a.advisor ? a.userId !== state.chat.advisorId : state.userId && a.userId !== state.userId)
        throw refusal('You are not in this chat.', 'NotYours');
}
/**
 * Conversations started before a live chat could be asked for directly, or offered again after a chat
 * that found no advisor, replay without these checks.
 */
const OFFER_ON_REQUEST = 'live-chat-offered-on-request';
const onDuty = async (start) => (0, opening_hours_1.isOpen)(Date.now(), start.openingHours) && (await acts.advisorsAvailable()) > 0;
/** After two troubles, or when the user asks for a person, offers a live chat if someone is on duty. */
async function maybeOffer({ start, state }, askedForAdvisor = false) {
    const troubled = state.misunderstood + state.negativeRatings >= (start.troublesBeforeOffer ?? 2);
    if (!troubled && !askedForAdvisor)
        return;
    if (state.chat && !(state.chat.status === 'SANS_CONSEILLER' && wf.patched(OFFER_ON_REQUEST)))
        return;
    state.offer = (await onDuty(start)) ? 'LIVE_CHAT' : 'REQUEST';
}
/** What the user is offered, with the live chat's hours and next opening when anything is. */
const offered = ({ start, state }) => state.offer ? { offer: state.offer, liveChat: (0, opening_hours_1.liveChatHours)(Date.now(), start.openingHours) } : {};
async function chatMessage(c, author, text, authorId) {
    const message = { seq: ++c.chatSeq, author, authorId, text, at: now() };
    c.state.chat.messages.push(message);
    c.activity++;
    await acts.saveChatMessage({ conversationId: c.start.conversationId, message });
    return message;
}
async function closeChat(c, status, note) {
    c.state.chat.status = status;
    if (status === 'SANS_CONSEILLER')
        c.state.offer = 'REQUEST';
    await chatMessage(c, 'SYSTEM', note);
    setStatus(c, status === 'SANS_CONSEILLER' ? 'OUVERTE' : 'TERMINEE');
    await save(c);
}
/** The assistant's side: questions and their ratings, which may lead to an offer. */
function handleQuestions(c) {
    const { start, state } = c;
    wf.setHandler(exports.ask, async ({ question }) => {
        const seq = ++state.exchanges;
        c.activity++;
        const answer = await acts.answerQuestion({
            conversationId: start.conversationId,
            seq,
            question,
            userId: start.userId,
            at: now(),
        });
        if (!answer.understood)
            state.misunderstood++;
        await maybeOffer(c, answer.article === ADVISOR_ARTICLE && wf.patched(OFFER_ON_REQUEST));
        await save(c);
        return { seq, answer, ...offered(c) };
    }, {
        validator: (a) => {
            mine(c, a);
            if (!a.question.trim())
                throw wf.ApplicationFailure.nonRetryable('The question is empty.', 'Empty');
        },
    });
    wf.setHandler(exports.rate, async ({ seq, useful }) => {
        c.rated.add(seq);
        c.activity++;
        if (!useful)
            state.negativeRatings++;
        await acts.rateAnswer({ conversationId: start.conversationId, seq, useful });
        await maybeOffer(c);
        await save(c);
        return offered(c);
    }, {
        validator: (a) => {
            mine(c, a);
            if (!Number.isInteger(a.seq) || a.seq < 1 || a.seq > state.exchanges || c.rated.has(a.seq))
                throw refusal(`Answer ${a.seq} does not exist or is already rated.`, 'UnknownAnswer');
        },
    });
}
/** The live chat's side: queued, taken by an advisor, messages both ways, ended by either. */
function handleLiveChat(c) {
    const { start, state } = c;
    wf.setHandler(exports.requestLiveChat, async () => {
        // Whoever asks while an advisor is on duty gets the chat, whatever was offered before.
        if (wf.patched(OFFER_ON_REQUEST) && state.offer !== 'LIVE_CHAT') {
            state.offer = (await onDuty(start)) ? 'LIVE_CHAT' : 'REQUEST';
            if (state.offer === 'REQUEST') {
                await save(c);
                const { nextOpeningText } = (0, opening_hours_1.liveChatHours)(Date.now(), start.openingHours);
                throw refusal(`Aucun conseiller n’est disponible ; prochaine ouverture : ${nextOpeningText}.`, 'NoOffer');
            }
        }
        state.chat = { status: 'EN_ATTENTE', requestedAt: now(), messages: [] };
        c.activity++;
        setStatus(c, 'CHAT_EN_ATTENTE');
        await save(c);
        return state;
    }, {
        validator: (a) => {
            mine(c, a);
            if (state.chat && state.chat.status !== 'SANS_CONSEILLER')
                throw refusal('A live chat is already going on in this conversation.', 'NoOffer');
        },
    });
    wf.setHandler(exports.joinChat, async ({ userId }) => {
        state.chat.status = 'EN_COURS';
        state.chat.advisorId = userId;
        setStatus(c, 'CHAT_EN_COURS');
        await chatMessage(c, 'SYSTEM', 'Un conseiller a rejoint la conversation.');
        await save(c);
        return state;
    }, {
        validator: (a) => {
            if (!a.advisor)
                throw refusal('Only a support advisor may join a live chat.', 'NotAnAdvisor');
            if (state.chat?.status !== 'EN_ATTENTE')
                throw refusal('This chat is not waiting for an advisor.', 'ChatNotWaiting');
        },
    });
    wf.setHandler(exports.postMessage, ({ userId, advisor, text }) => advisor && userId === state.chat?.advisorId
        ? chatMessage(c, 'ADVISOR', text, userId)
        : chatMessage(c, 'USER', text, userId), {
        validator: (a) => {
            chatParticipant(c, a);
            if (!a.text.trim())
                throw wf.ApplicationFailure.nonRetryable('The message is empty.', 'Empty');
        },
    });
    wf.setHandler(exports.endChat, async (a) => {
        await closeChat(c, 'TERMINE', a.advisor ? 'Le conseiller a mis fin à la conversation.' : 'Vous avez mis fin à la conversation.');
        return state;
    }, { validator: (a) => chatParticipant(c, a) });
}
/** Waits while something happens; silence ends a queued chat, a live chat, then the conversation. */
async function untilEnded(c) {
    const { start, state } = c;
    while (state.status !== 'TERMINEE') {
        const seen = c.activity;
        const waiting = state.chat?.status === 'EN_ATTENTE';
        const minutes = waiting
            ? (start.chatWaitMinutes ?? 10)
            : state.chat?.status === 'EN_COURS'
                ? (start.chatIdleMinutes ?? 15)
                : (start.idleMinutes ?? 30);
        const stillWaiting = () => state.chat?.status === 'EN_ATTENTE';
        const moved = await wf.condition(() => state.status === 'TERMINEE' || (waiting ? !stillWaiting() : c.activity !== seen), minutes * MINUTE);
        if (moved)
            continue;
        if (waiting)
            await closeChat(c, 'SANS_CONSEILLER', 'Aucun conseiller n’est disponible : vous pouvez faire une sollicitation.');
        else if (state.chat?.status === 'EN_COURS')
            await closeChat(c, 'TERMINE', 'Conversation terminée faute d’activité.');
        else {
            setStatus(c, 'TERMINEE');
            await save(c);
        }
    }
}
/**
 * One conversation: the user asks, the assistant answers (an activity over the knowledge base). After
 * two answers it did not understand or the user voted down, it offers a live chat when advisors are on
 * duty (opening hours, decided on workflow time) and one is available, else a request. A live chat
 * waits in the advisors' queue until one joins, then carries messages both ways until either ends it
 * or it falls silent; every message is kept in the database as the transcript.
 */
async function supportConversation(start) {
    const c = {
        start,
        state: {
            conversationId: start.conversationId,
            userId: start.userId,
            status: 'OUVERTE',
            exchanges: 0,
            misunderstood: 0,
            negativeRatings: 0,
        },
        rated: new Set(),
        activity: 0,
        chatSeq: 0,
    };
    wf.setHandler(exports.conversation, () => c.state);
    handleQuestions(c);
    handleLiveChat(c);
    wf.upsertSearchAttributes([{ key: search_attributes_1.SupportStatus, value: c.state.status }]);
    await save(c);
    await untilEnded(c);
    await wf.condition(wf.allHandlersFinished);
    return c.state;
}
const now = () => new Date().toISOString();
//# sourceMappingURL=support.js.map