"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.ConnectionRemoved = exports.scheduleIdOf = exports.workflowIdOf = void 0;
exports.toConnection = toConnection;
exports.findConnection = findConnection;
exports.listConnections = listConnections;
exports.memberConnection = memberConnection;
exports.webhookConnection = webhookConnection;
exports.supplierOf = supplierOf;
exports.openSession = openSession;
const node_crypto_1 = __importDefault(require("node:crypto"));
const domain_error_1 = require("../platform/domain-error");
const secrets_1 = require("../platform/secrets");
const access_1 = require("../structures/access");
const structures_1 = require("../structures/structures");
const store_1 = require("./store");
const workflowIdOf = (connectionId) => `connector/${connectionId}`;
exports.workflowIdOf = workflowIdOf;
const scheduleIdOf = (connectionId) => `connector-schedule/${connectionId}`;
exports.scheduleIdOf = scheduleIdOf;
function toConnection(row) {
    return {
        id: row.id,
        structureId: row.structure_id,
        connectorId: row.connector_id,
        label: row.label ?? undefined,
        config: JSON.parse(row.config),
        status: row.status,
        error: row.error ?? undefined,
        syncIntervalMinutes: Number(row.sync_interval_minutes),
        lastReport: row.last_report ? JSON.parse(row.last_report) : undefined,
        createdAt: new Date(row.created_at).toISOString(),
    };
}
/** The connection was deleted while work for it was under way: that work ends, it is not retried. */
class ConnectionRemoved extends Error {
    code = 'CONNECTION_REMOVED';
    constructor(connectionId) {
        super(`Connection ${connectionId} does not exist (any more).`);
        this.name = 'ConnectionRemoved';
    }
}
exports.ConnectionRemoved = ConnectionRemoved;
async function findConnection(db, id) {
    const row = await (0, store_1.findConnectionRow)(db, id);
    return row && toConnection(row);
}
/** A structure's connections (not deleted), oldest first. */
async function listConnections(db, structureId) {
    return (await (0, store_1.connectionRowsOf)(db, structureId)).map(toConnection);
}
/** A connection the caller may run: any member of its structure (or an operator). */
async function memberConnection(db, caller, id) {
    const connection = await findConnection(db, id);
    if (!connection)
        throw new domain_error_1.DomainError('CONNECTION_NOT_FOUND', `No connection ${id}.`, { field: 'params.connectionId' });
    await (0, access_1.authorize)(db, caller, connection.structureId, 'member');
    return connection;
}
/** The connection an ERP's webhook call names, when the token it sends is the connection's. */
async function webhookConnection(db, id, token) {
    const row = await (0, store_1.findConnectionRow)(db, id);
    const sent = Buffer.from((0, secrets_1.hashToken)(token));
    const expected = Buffer.from(String(row?.webhook_token_hash ?? ''));
    if (!row || sent.length !== expected.length || !node_crypto_1.default.timingSafeEqual(sent, expected)) {
        throw new domain_error_1.DomainError('CONNECTION_NOT_FOUND', 'No connection takes webhooks with this token.');
    }
    return toConnection(row);
}
/** The supplier an ERP session acts for: the connection's structure. */
async function supplierOf(db, structureId) {
    const structure = (await (0, structures_1.getStructure)(db, structureId));
    return { siret: structure.identifier, name: structure.name, vatNumber: structure.vatNumber };
}
/**
 * Opens a session on the ERP for a stored connection: the credentials are decrypted here, in the
 * process that calls the ERP, and nowhere else (never in workflow payloads). Records sealed under a
 * previous key are sealed again under the current one.
 */
async function openSession(db, runtime, connectionId, opts = {}) {
    const row = await (0, store_1.findConnectionRow)(db, connectionId);
    if (!row)
        throw new ConnectionRemoved(connectionId);
    const connector = runtime.registry.get(row.connector_id);
    if (!connector)
        throw new Error(`Connector ${row.connector_id} is not installed on this worker.`);
    const sealed = row.credentials_sealed;
    const credentials = runtime.cipher.open(sealed);
    if (runtime.cipher.isStale(sealed))
        await (0, store_1.resealCredentials)(db, connectionId, sealed, runtime.cipher.seal(credentials));
    const session = connector.open({
        config: JSON.parse(row.config),
        credentials,
        supplier: await supplierOf(db, row.structure_id),
        since: opts.since,
        signal: opts.signal,
    });
    return { connector, session, row };
}
//# sourceMappingURL=connections.js.map