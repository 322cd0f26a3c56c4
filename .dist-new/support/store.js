"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.insertExchange = insertExchange;
exports.rateExchange = rateExchange;
exports.upsertConversation = upsertConversation;
exports.insertChatMessage = insertChatMessage;
exports.waitingChats = waitingChats;
exports.saveAvailability = saveAvailability;
exports.availableAdvisorIds = availableAdvisorIds;
exports.insertRequest = insertRequest;
exports.updateRequestStatus = updateRequestStatus;
exports.insertRequestMessage = insertRequestMessage;
exports.findRequest = findRequest;
exports.requestsOf = requestsOf;
exports.openRequests = openRequests;
exports.requestMessages = requestMessages;
const iso = (v) => new Date(v).toISOString();
// ---- Conversations ----
async function insertExchange(db, q, answer) {
    await db('support_exchanges')
        .insert({
        conversation_id: q.conversationId,
        seq: q.seq,
        question: q.question,
        answer: answer.text,
        article: answer.article ?? null,
        understood: answer.understood,
        useful: null,
        asked_at: q.at,
    })
        .onConflict(['conversation_id', 'seq'])
        .ignore();
}
async function rateExchange(db, conversationId, seq, useful) {
    await db('support_exchanges').where({ conversation_id: conversationId, seq }).update({ useful });
}
/** The conversation's current state, as the advisors' queue reads it. */
async function upsertConversation(db, { state, startedAt, at }) {
    const row = {
        user_id: state.userId ?? null,
        status: state.status,
        offer: state.offer ?? null,
        misunderstood: state.misunderstood,
        negative_ratings: state.negativeRatings,
        chat_status: state.chat?.status ?? null,
        advisor_id: state.chat?.advisorId ?? null,
        chat_requested_at: state.chat?.requestedAt ?? null,
        ended_at: state.status === 'TERMINEE' ? at : null,
    };
    await db('support_conversations')
        .insert({ id: state.conversationId, started_at: startedAt, ...row })
        .onConflict('id')
        .merge(row);
}
async function insertChatMessage(db, conversationId, message) {
    await db('support_chat_messages')
        .insert({
        conversation_id: conversationId,
        seq: message.seq,
        author: message.author,
        author_id: message.authorId ?? null,
        text: message.text,
        at: message.at,
    })
        .onConflict(['conversation_id', 'seq'])
        .ignore();
}
/** Live chats waiting for an advisor, oldest first. */
async function waitingChats(db) {
    const rows = await db('support_conversations')
        .where({ chat_status: 'EN_ATTENTE' })
        .orderBy('chat_requested_at')
        .select('id', 'user_id', 'chat_requested_at', 'misunderstood', 'negative_ratings');
    return rows.map((r) => ({
        conversationId: r.id,
        userId: r.user_id ?? undefined,
        waitingSince: iso(r.chat_requested_at),
        misunderstood: r.misunderstood,
        negativeRatings: r.negative_ratings,
    }));
}
async function saveAvailability(db, userId, available, at) {
    const row = { available, updated_at: at };
    await db('support_advisors')
        .insert({ user_id: userId, ...row })
        .onConflict('user_id')
        .merge(row);
}
/** The users who said they take live chats now (whether they are still operators is not checked here). */
async function availableAdvisorIds(db) {
    const rows = await db('support_advisors').where({ available: true }).select('user_id');
    return rows.map((r) => r.user_id);
}
// ---- Requests ----
async function insertRequest(db, request) {
    await db('support_requests')
        .insert({
        id: request.id,
        user_id: request.userId ?? null,
        contact_email: request.contactEmail,
        category: request.category,
        subcategory: request.subcategory,
        routing: request.routing,
        structure_id: request.structureId ?? null,
        service_code: request.serviceCode ?? null,
        subject: request.subject,
        status: 'NOUVELLE',
        advisor_id: null,
        created_at: request.createdAt,
        updated_at: request.createdAt,
    })
        .onConflict('id')
        .ignore();
}
async function updateRequestStatus(db, { id, status, advisorId, at }) {
    await db('support_requests')
        .where({ id })
        .update({ status, advisor_id: advisorId ?? null, updated_at: at });
}
async function insertRequestMessage(db, requestId, message) {
    await db('support_request_messages')
        .insert({
        request_id: requestId,
        seq: message.seq,
        author: message.author,
        author_id: message.authorId ?? null,
        text: message.text,
        at: message.at,
    })
        .onConflict(['request_id', 'seq'])
        .ignore();
}
function toRequest(r) {
    return {
        id: r.id,
        status: r.status,
        category: r.category,
        subcategory: r.subcategory,
        routing: r.routing,
        structureId: r.structure_id ?? undefined,
        serviceCode: r.service_code ?? undefined,
        subject: r.subject,
        advisorId: r.advisor_id ?? undefined,
        createdAt: iso(r.created_at),
        updatedAt: iso(r.updated_at),
        userId: r.user_id ?? undefined,
    };
}
async function findRequest(db, id) {
    const row = await db('support_requests').where({ id }).first();
    return row ? toRequest(row) : undefined;
}
/** The user's requests, newest first. */
async function requestsOf(db, userId) {
    const rows = await db('support_requests').where({ user_id: userId }).orderBy('created_at', 'desc');
    return rows.map(toRequest);
}
/** Open requests in the scope, oldest first. */
async function openRequests(db, scope) {
    const rows = await db('support_requests')
        .whereNot({ status: 'CLOTUREE' })
        .where((q) => {
        if (scope.platform)
            q.orWhere({ routing: 'PLATEFORME' });
        for (const b of scope.buyers)
            q.orWhere((s) => {
                s.where({ routing: 'SERVICE_ACHETEUR', structure_id: b.structureId });
                if (b.services.length)
                    s.where((c) => c.whereIn('service_code', b.services).orWhereNull('service_code'));
            });
        if (!scope.platform && scope.buyers.length === 0)
            q.whereRaw('1 = 0');
    })
        .orderBy('created_at');
    return rows.map(toRequest);
}
async function requestMessages(db, requestId) {
    const rows = await db('support_request_messages').where({ request_id: requestId }).orderBy('seq');
    return rows.map((m) => ({
        seq: m.seq,
        author: m.author,
        authorId: m.author_id ?? undefined,
        text: m.text,
        at: iso(m.at),
    }));
}
//# sourceMappingURL=store.js.map