"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const node_child_process_1 = require("node:child_process");
const db_1 = require("../platform/db");
const dev_server_1 = require("./dev-server");
const temporal_1 = require("../platform/temporal");
const boot_1 = require("./boot");
const config_1 = require("./config");
const outbox_1 = require("../platform/mail/outbox");
/**
 * `npm start`: the whole platform on one machine — the Temporal dev server (unless TEMPORAL_ADDRESS
 * names a cluster), migrations, one worker and the API, each role in its own process as in production.
 * Ctrl-C stops every child cleanly.
 */
async function main() {
    const { config, logger } = (0, boot_1.boot)();
    let devServer;
    const children = new Map();
    let stopping = false;
    const stop = async (code) => {
        if (stopping)
            return;
        stopping = true;
        logger.info('stopping facturflow');
        await Promise.all([...children.values()].map(stopChild));
        await devServer?.stop();
        process.exit(code);
    };
    process.once('SIGINT', () => void stop(0));
    process.once('SIGTERM', () => void stop(0));
    // Each role runs in its own process, as in production. One that dies (a crash, a SIGKILL) is started
    // again: Temporal hands its unfinished work to the new worker, so nothing is lost. A role that keeps
    // dying stops the platform rather than looping.
    const env = { ...process.env };
    const devOutbox = developmentOutbox(config);
    if (devOutbox)
        env.DEV_OUTBOX = 'true';
    const crashes = [];
    const supervise = (role) => {
        const child = (0, node_child_process_1.spawn)(process.execPath, (0, boot_1.roleArgs)(role), {
            env,
            stdio: 'inherit',
        });
        children.set(role, child);
        logger.info({ role, pid: child.pid }, `${role} process started`);
        child.once('exit', (code, signal) => {
            if (stopping)
                return;
            const now = Date.now();
            crashes.push(now);
            while (crashes[0] < now - 60_000)
                crashes.shift();
            if (crashes.length > 5) {
                logger.error({ role, code, signal }, `${role} keeps exiting; stopping`);
                void stop(1);
                return;
            }
            logger.warn({ role, code, signal }, `${role} process exited; starting it again`);
            setTimeout(() => !stopping && supervise(role), 1000);
        });
    };
    try {
        if (!config.temporal.address) {
            devServer = await (0, dev_server_1.startDevServer)({
                cli: (0, temporal_1.temporalBinaries)().cli,
                dataDir: config.dataDir,
                port: config.temporal.devServerPort,
                uiPort: config.temporal.uiPort,
                namespace: config.temporal.namespace,
                logger,
            });
            devServer.process.once('exit', (code) => {
                if (stopping)
                    return;
                logger.error({ code }, 'Temporal dev server exited');
                void stop(1);
            });
            env.TEMPORAL_ADDRESS = devServer.address;
        }
        const db = (0, db_1.createDb)(config.database);
        const applied = await (0, db_1.migrate)(db);
        await db.destroy();
        if (applied.length)
            logger.info({ applied }, 'database migrated');
        for (const role of ['worker', 'api'])
            supervise(role);
        await waitForHealth(['0.0.0.0', '::'].includes(config.host) ? '127.0.0.1' : config.host, config.port);
        process.stdout.write(banner(config, devOutbox, devServer?.uiUrl).join('\n') + '\n');
        if (devOutbox)
            watchOutbox(new outbox_1.Outbox((0, boot_1.outboxDir)(config)), () => stopping);
    }
    catch (err) {
        logger.error({ err }, err.message);
        await stop(1);
    }
}
/**
 * The development outbox under `npm start`: as asked by DEV_OUTBOX, else on by default when no SMTP
 * server is configured and the API listens on loopback only (nobody else can reach it).
 */
function developmentOutbox(config) {
    if (config.mail.smtp)
        return false;
    if (process.env.DEV_OUTBOX)
        return config.devOutbox;
    return (0, config_1.isLoopbackHost)(config.host);
}
function banner(config, devOutbox, uiUrl) {
    const local = (0, config_1.isLoopbackHost)(config.host);
    const base = `http://${local ? 'localhost' : config.host}:${config.port}`;
    const mail = config.mail.smtp
        ? '  Email           sent through SMTP'
        : devOutbox
            ? `  Email           development outbox: ${base}/outbox (operators only; links also printed here)`
            : `  Email           written to ${(0, boot_1.outboxDir)(config)} (no SMTP server; DEV_OUTBOX=true shows them)`;
    return [
        '',
        'facturflow is running:',
        `  Portal          ${base}/`,
        `  API             ${base}  (health: /health, OpenAPI: /api/openapi.json)`,
        `  Listening on    ${config.host}${local ? ' (this machine only; HOST=0.0.0.0 opens it to the network)' : ' (reachable from the network)'}`,
        mail,
        uiUrl
            ? `  Temporal Web UI ${uiUrl}`
            : `  Temporal        ${config.temporal.address} (namespace ${config.temporal.namespace})`,
        `  Data            ${config.dataDir}`,
        'Press Ctrl-C to stop.',
        '',
    ];
}
/**
 * Prints each new message of the development outbox (recipient, subject, links) on this terminal, so
 * the first account can be activated before any operator exists to read the outbox page.
 */
function watchOutbox(outbox, stopped) {
    const seen = new Set();
    let first = true;
    const poll = async () => {
        for (const entry of await outbox.list().catch(() => [])) {
            if (seen.has(entry.id))
                continue;
            seen.add(entry.id);
            if (first)
                continue;
            const message = await outbox.message(entry.id);
            const links = message?.links.map((l) => `\n    ${l}`).join('') ?? '';
            process.stdout.write(`email to ${entry.to}: ${entry.subject}${links}\n`);
        }
        first = false;
    };
    const tick = () => {
        if (stopped())
            return;
        void poll().finally(() => setTimeout(tick, 1000).unref());
    };
    tick();
}
function stopChild(child) {
    if (child.exitCode !== null || child.signalCode !== null)
        return Promise.resolve();
    return new Promise((resolve) => {
        const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
        child.once('exit', () => {
            clearTimeout(timer);
            resolve();
        });
        child.kill('SIGTERM');
    });
}
async function waitForHealth(host, port) {
    const deadline = Date.now() + 60_000;
    for (;;) {
        try {
            const res = await fetch(`http://${host.includes(':') ? `[${host}]` : host}:${port}/health`);
            if (res.ok)
                return;
        }
        catch {
            // not listening yet
        }
        if (Date.now() > deadline)
            throw new Error(`the API did not become healthy on port ${port} within 60 s`);
        await new Promise((r) => setTimeout(r, 250));
    }
}
main().catch((err) => (0, boot_1.fatal)((0, boot_1.boot)().logger, err));
//# sourceMappingURL=start.js.map