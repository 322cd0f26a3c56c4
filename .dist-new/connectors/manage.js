"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.createConnection = createConnection;
exports.testStoredConnection = testStoredConnection;
exports.pauseConnection = pauseConnection;
exports.resumeConnection = resumeConnection;
exports.requestSync = requestSync;
exports.requestRecordRetry = requestRecordRetry;
exports.deleteConnection = deleteConnection;
exports.acceptWebhook = acceptWebhook;
const node_crypto_1 = __importDefault(require("node:crypto"));
const time_1 = require("@temporalio/common/lib/time");
const client_1 = require("@temporalio/client");
const secrets_1 = require("../platform/secrets");
const domain_error_1 = require("../platform/domain-error");
const public_host_1 = require("../platform/public-host");
const connector_1 = require("../workflows/connector");
const connector_tick_1 = require("../workflows/connector-tick");
const contract_1 = require("./contract");
const connections_1 = require("./connections");
const store_1 = require("./store");
/**
 * Adds a connection to a structure: settings and credentials checked against the connector's
 * schemas, then tried on the ERP — nothing is saved unless the ERP accepts them. The credentials are
 * sealed before they touch the database; the sync workflow and its schedule start last, and a
 * failure there removes the row again, so no half-made connection remains.
 */
async function createConnection(deps, structureId, userId, input) {
    const { db, runtime } = deps;
    const connector = runtime.registry.get(input.connectorId);
    if (!connector) {
        throw new domain_error_1.DomainError('CONNECTOR_UNKNOWN', `No connector "${input.connectorId}" is installed.`, {
            field: 'connectorId',
        });
    }
    const config = structuredClone(input.config ?? {});
    const credentials = structuredClone(input.credentials);
    const problems = [
        ...runtime.registry.check(connector, 'config', config),
        ...runtime.registry.check(connector, 'credentials', credentials),
    ];
    if (problems.length > 0) {
        throw new domain_error_1.DomainError('INVALID_INPUT', `Invalid ${problems[0].field}: ${problems[0].message}.`, {
            field: problems[0].field,
            problems,
        });
    }
    await assertPublicUrls(config);
    await tryCredentials(connector, { config, credentials, supplier: await (0, connections_1.supplierOf)(db, structureId) });
    const id = node_crypto_1.default.randomUUID();
    const webhookToken = connector.manifest.capabilities.includes('webhook') ? (0, secrets_1.newToken)() : undefined;
    const now = new Date().toISOString();
    const interval = input.syncIntervalMinutes ?? runtime.syncIntervalMinutes;
    await (0, store_1.insertConnection)(db, {
        id,
        structure_id: structureId,
        connector_id: connector.manifest.id,
        label: input.label ?? null,
        config: JSON.stringify(config),
        credentials_sealed: runtime.cipher.seal(credentials),
        status: 'ACTIVE',
        sync_interval_minutes: interval,
        webhook_token_hash: webhookToken ? (0, secrets_1.hashToken)(webhookToken) : null,
        created_by: userId,
        created_at: now,
        updated_at: now,
    });
    try {
        await startSync(deps, { id, structureId, connector, interval });
    }
    catch (err) {
        await stopSync(deps, id);
        await (0, store_1.removeConnectionRow)(db, id);
        throw err;
    }
    return { connection: (await (0, connections_1.findConnection)(db, id)), webhookToken };
}
/**
 * Every URL among the settings (a base URL) must point at a public host, or one an operator allowed:
 * a connection must not make the platform call its own machine or network. The HTTP client checks
 * again when connecting, as a name may resolve elsewhere later.
 */
async function assertPublicUrls(config) {
    for (const [key, value] of Object.entries(config)) {
        if (typeof value !== 'string' || !/^https?:\/\//i.test(value))
            continue;
        let url;
        try {
            url = new URL(value);
        }
        catch {
            continue;
        }
        try {
            await (0, public_host_1.assertPublicUrl)(url);
        }
        catch (err) {
            if (!(err instanceof public_host_1.HostNotAllowed))
                throw err;
            throw new domain_error_1.DomainError('INVALID_INPUT', `Invalid config.${key}: the ERP must be on a public host.`, {
                field: `config.${key}`,
            });
        }
    }
}
async function tryCredentials(connector, ctx) {
    try {
        await connector.open(ctx).testConnection();
    }
    catch (err) {
        throw testFailure(connector, err);
    }
}
/**
 * What a failed connection test tells the person: their credentials, or the ERP's availability —
 * never what answered (or did not) at the URL, which would make connections a way to probe networks.
 */
function testFailure(connector, err) {
    if ((0, contract_1.isCredentialsRejected)(err)) {
        return new domain_error_1.DomainError('CONNECTOR_CREDENTIALS_REJECTED', `${connector.manifest.name} refused these credentials.`, {
            field: 'credentials',
        });
    }
    return new domain_error_1.DomainError('CONNECTOR_UNREACHABLE', `${connector.manifest.name} could not be reached or gave no usable answer.`, {
        field: 'config',
    });
}
async function startSync({ client, taskQueue, runtime }, c) {
    await client.workflow.start(connector_1.connectorSync, {
        workflowId: (0, connections_1.workflowIdOf)(c.id),
        taskQueue,
        args: [
            {
                connectionId: c.id,
                connectorId: c.connector.manifest.id,
                structureId: c.structureId,
                retry: c.connector.manifest.retry,
                pageHeartbeatTimeout: runtime.pageHeartbeatTimeout,
            },
        ],
        staticSummary: `${c.connector.manifest.name} sync of connection ${c.id}`,
    });
    const every = (0, time_1.msToNumber)(runtime.scheduleEvery ?? `${c.interval} minutes`);
    await client.schedule.create({
        scheduleId: (0, connections_1.scheduleIdOf)(c.id),
        // Offset by the creation time: the first tick comes one interval after the connection is made, and
        // connections do not all sync at the same instants (:00, :15, ...) to the workers and ERPs' cost.
        spec: { intervals: [{ every, offset: Date.now() % every }] },
        action: {
            type: 'startWorkflow',
            workflowType: connector_tick_1.connectorTick,
            args: [c.id],
            taskQueue,
            workflowId: `connector-tick/${c.id}`,
        },
        policies: { overlap: client_1.ScheduleOverlapPolicy.SKIP },
        memo: { connectionId: c.id },
    });
}
async function stopSync({ client }, id) {
    await ignoreMissing(client.schedule.getHandle((0, connections_1.scheduleIdOf)(id)).delete());
    await ignoreMissing(client.workflow.getHandle((0, connections_1.workflowIdOf)(id)).signal(connector_1.removeConnection));
}
async function ignoreMissing(p) {
    try {
        await p;
    }
    catch (err) {
        if (!(err instanceof client_1.ScheduleNotFoundError) && !(err instanceof client_1.WorkflowNotFoundError))
            throw err;
    }
}
/** Tries the stored credentials again on the ERP. */
async function testStoredConnection(deps, id) {
    const { connector, session } = await (0, connections_1.openSession)(deps.db, deps.runtime, id);
    try {
        return await session.testConnection();
    }
    catch (err) {
        throw testFailure(connector, err);
    }
}
async function pauseConnection({ db, client }, id) {
    await client.schedule.getHandle((0, connections_1.scheduleIdOf)(id)).pause('Paused from the Applications page');
    await (0, store_1.setConnectionStatus)(db, id, 'PAUSED');
}
/** Resumes the schedule, clears an error, and syncs at once (new credentials are tried right away). */
async function resumeConnection({ db, client }, id) {
    await client.schedule.getHandle((0, connections_1.scheduleIdOf)(id)).unpause('Resumed from the Applications page');
    await (0, store_1.setConnectionStatus)(db, id, 'ACTIVE', { clearError: true });
    await client.workflow.getHandle((0, connections_1.workflowIdOf)(id)).signal(connector_1.syncNow, 'resume');
}
async function requestSync({ client }, id, reason) {
    await client.workflow.getHandle((0, connections_1.workflowIdOf)(id)).signal(connector_1.syncNow, reason);
}
/**
 * Asks the connection's sync workflow to file one record again: it runs between syncs, retried until
 * the ERP answers, and survives a restart of the platform.
 */
async function requestRecordRetry({ client }, id, externalId) {
    await client.workflow.getHandle((0, connections_1.workflowIdOf)(id)).signal(connector_1.retryRecord, externalId);
}
/** Stops the schedule and the workflow and forgets the credentials; the invoice links stay as history. */
async function deleteConnection(deps, id) {
    await stopSync(deps, id);
    await (0, store_1.markConnectionDeleted)(deps.db, id);
}
/** An ERP's change notification: a sync of an active connection; answers whether one was requested. */
async function acceptWebhook(deps, id, token) {
    const connection = await (0, connections_1.webhookConnection)(deps.db, id, token);
    if (connection.status !== 'ACTIVE')
        return false;
    await requestSync(deps, connection.id, 'webhook');
    return true;
}
//# sourceMappingURL=manage.js.map