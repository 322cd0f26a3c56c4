"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.ConfigError = void 0;
exports.loadConfig = loadConfig;
exports.isLoopbackHost = isLoopbackHost;
exports.documentPoolOptions = documentPoolOptions;
const node_path_1 = __importDefault(require("node:path"));
const categories_1 = require("../support/categories");
const xml_1 = require("../invoice/xml");
const document_pool_1 = require("../platform/document-pool");
const public_host_1 = require("../platform/public-host");
/** A real day of the calendar written YYYY-MM-DD (2026-02-30 is not). */
function isCalendarDay(day) {
    const at = Date.parse(`${day}T00:00:00Z`);
    return /^\d{4}-\d{2}-\d{2}$/.test(day) && !Number.isNaN(at) && new Date(at).toISOString().startsWith(day);
}
class ConfigError extends Error {
    problems;
    constructor(problems) {
        super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
        this.problems = problems;
        this.name = 'ConfigError';
    }
}
exports.ConfigError = ConfigError;
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
/** The environment being read, and what is wrong with it so far: every section adds its problems. */
class EnvReader {
    env;
    cwd;
    problems = [];
    constructor(env, cwd) {
        this.env = env;
        this.cwd = cwd;
    }
    int(name, fallback, min, max) {
        const raw = this.env[name];
        if (raw === undefined || raw === '')
            return fallback;
        const value = Number(raw);
        if (!Number.isInteger(value) || value < min || value > max) {
            this.problems.push(`${name}="${raw}" must be an integer between ${min} and ${max}`);
            return fallback;
        }
        return value;
    }
    check(ok, problem) {
        if (!ok)
            this.problems.push(problem);
    }
}
function loadConfig(env = process.env, cwd = process.cwd()) {
    const r = new EnvReader(env, cwd);
    const dataDir = node_path_1.default.resolve(cwd, env.DATA_DIR || 'data');
    // Sections read in this order, so problems are listed as the README lists the variables.
    const database = databaseOf(r, dataDir);
    const temporal = temporalOf(r);
    const mail = mailOf(r);
    const port = r.int('PORT', 3000, 0, 65535);
    const host = env.HOST || '127.0.0.1';
    r.check(/^[\w.:-]+$/.test(host), `HOST="${host}" must be an address or host name, e.g. 127.0.0.1 or 0.0.0.0`);
    const devOutbox = devOutboxOf(r, !!mail.smtp);
    const rateLimits = {
        credentialsPerIp: r.int('RATE_LIMIT_CREDENTIALS_PER_IP', 30, 1, 100_000),
        oauthPerClient: r.int('RATE_LIMIT_OAUTH_PER_CLIENT', 30, 1, 100_000),
    };
    const publicUrl = (env.PUBLIC_URL || `http://localhost:${port}`).replace(/\/+$/, '');
    r.check(/^https?:\/\/[^\s/]+/.test(publicUrl), `PUBLIC_URL="${publicUrl}" must be an http(s) URL, e.g. https://facturflow.example.org`);
    const sirene = sireneOf(r);
    const connectors = connectorsOf(r);
    const connectorAllowedHosts = (0, public_host_1.hostList)(env.CONNECTOR_ALLOWED_HOSTS);
    for (const entry of connectorAllowedHosts) {
        const problem = (0, public_host_1.allowedHostProblem)(entry);
        r.check(!problem, `CONNECTOR_ALLOWED_HOSTS: ${problem} (comma-separated list)`);
    }
    const documents = documentsOf(r);
    const flowInbox = env.FLOW_INBOX_DIR
        ? {
            dir: node_path_1.default.resolve(cwd, env.FLOW_INBOX_DIR),
            intervalMs: r.int('FLOW_INBOX_INTERVAL_SECONDS', 10, 1, 3600) * 1000,
        }
        : undefined;
    const logLevel = env.LOG_LEVEL || 'info';
    r.check(LOG_LEVELS.includes(logLevel), `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}`);
    const lifecycle = lifecycleOf(r);
    const support = supportOf(r);
    const maxUploadBytes = r.int('MAX_UPLOAD_BYTES', 120 * 1024 * 1024, 1024, 1024 * 1024 * 1024);
    const notificationDigestHour = r.int('NOTIFICATION_DIGEST_HOUR', 8, 0, 23);
    const config = {
        ...{
            port,
            host,
            devOutbox,
            rateLimits,
            dataDir,
            database,
            temporal,
            logLevel,
            maxUploadBytes,
            mail,
            publicUrl,
        },
        ...{ sirene, flowInbox, connectors, connectorAllowedHosts, documents, lifecycle, support },
        notificationDigestHour,
    };
    if (r.problems.length > 0)
        throw new ConfigError(r.problems);
    return config;
}
function databaseOf({ env, cwd, problems }, dataDir) {
    const dbUrl = env.DATABASE_URL;
    if (!dbUrl)
        return { client: 'better-sqlite3', filename: node_path_1.default.join(dataDir, 'facturflow.db') };
    if (/^postgres(ql)?:\/\//.test(dbUrl))
        return { client: 'pg', url: dbUrl };
    if (dbUrl.startsWith('sqlite:'))
        return { client: 'better-sqlite3', filename: node_path_1.default.resolve(cwd, dbUrl.slice('sqlite:'.length)) };
    problems.push('DATABASE_URL must start with postgres:// or postgresql:// (or sqlite:<file>)');
    return { client: 'better-sqlite3', filename: node_path_1.default.join(dataDir, 'facturflow.db') };
}
function temporalOf(r) {
    const { env } = r;
    const address = env.TEMPORAL_ADDRESS || undefined;
    r.check(!address || /^[^\s:/]+:\d+$/.test(address), `TEMPORAL_ADDRESS="${address}" must be host:port, e.g. temporal.example.org:7233`);
    const tlsEnabled = env.TEMPORAL_TLS === 'true' || !!env.TEMPORAL_TLS_CERT || !!env.TEMPORAL_API_KEY;
    r.check(!env.TEMPORAL_TLS || ['true', 'false'].includes(env.TEMPORAL_TLS), 'TEMPORAL_TLS must be "true" or "false"');
    r.check(!!env.TEMPORAL_TLS_CERT === !!env.TEMPORAL_TLS_KEY, 'TEMPORAL_TLS_CERT and TEMPORAL_TLS_KEY must be set together (mTLS client certificate and key)');
    r.check(!(tlsEnabled || env.TEMPORAL_API_KEY) || !!address, 'TLS or API-key settings need TEMPORAL_ADDRESS (the local dev server runs without TLS)');
    return {
        address,
        namespace: env.TEMPORAL_NAMESPACE || 'default',
        taskQueue: env.TEMPORAL_TASK_QUEUE || 'facturflow',
        tls: tlsEnabled
            ? {
                serverName: env.TEMPORAL_TLS_SERVER_NAME || undefined,
                clientCertPath: env.TEMPORAL_TLS_CERT || undefined,
                clientKeyPath: env.TEMPORAL_TLS_KEY || undefined,
                serverRootCaPath: env.TEMPORAL_TLS_CA || undefined,
            }
            : undefined,
        apiKey: env.TEMPORAL_API_KEY || undefined,
        uiPort: r.int('TEMPORAL_UI_PORT', 8233, 1, 65535),
        devServerPort: r.int('TEMPORAL_DEV_SERVER_PORT', 7233, 1, 65535),
    };
}
function mailOf(r) {
    const { env } = r;
    let smtp;
    if (env.SMTP_URL) {
        r.check(/^smtps?:\/\//.test(env.SMTP_URL), 'SMTP_URL must start with smtp:// or smtps://');
        smtp = { url: env.SMTP_URL };
    }
    else if (env.SMTP_HOST) {
        r.check(!env.SMTP_SECURE || ['true', 'false'].includes(env.SMTP_SECURE), 'SMTP_SECURE must be "true" or "false"');
        const secure = env.SMTP_SECURE === 'true';
        smtp = {
            host: env.SMTP_HOST,
            port: r.int('SMTP_PORT', secure ? 465 : 587, 1, 65535),
            secure,
            user: env.SMTP_USER || undefined,
            password: env.SMTP_PASSWORD || undefined,
        };
    }
    const from = env.MAIL_FROM || 'facturflow <no-reply@facturflow.localhost>';
    r.check(/@/.test(from), `MAIL_FROM="${from}" must contain an email address`);
    return { from, smtp };
}
function devOutboxOf(r, smtp) {
    const raw = r.env.DEV_OUTBOX;
    r.check(!raw || ['true', 'false'].includes(raw), 'DEV_OUTBOX must be "true" or "false"');
    r.check(!(raw === 'true' && smtp), 'DEV_OUTBOX=true needs no SMTP server: with SMTP configured, emails are not kept in the outbox');
    return raw === 'true' && !smtp;
}
/** Whether an address only this machine can reach: 127.0.0.0/8, ::1 or localhost. */
function isLoopbackHost(host) {
    return /^127\.\d+\.\d+\.\d+$/.test(host) || host === '::1' || host === 'localhost';
}
function sireneOf(r) {
    const { env } = r;
    r.check(!!env.SIRENE_API_URL === !!env.SIRENE_API_KEY, 'SIRENE_API_URL and SIRENE_API_KEY must be set together (the INSEE Sirene API)');
    r.check(!env.SIRENE_API_URL || /^https?:\/\//.test(env.SIRENE_API_URL), `SIRENE_API_URL="${env.SIRENE_API_URL}" must be an http(s) URL`);
    return env.SIRENE_API_URL && env.SIRENE_API_KEY
        ? { baseUrl: env.SIRENE_API_URL, apiKey: env.SIRENE_API_KEY }
        : undefined;
}
function connectorsOf(r) {
    const { env } = r;
    const connectors = {
        secretKey: env.FACTURFLOW_SECRET_KEY || undefined,
        previousKeys: (env.FACTURFLOW_SECRET_KEY_PREVIOUS ?? '').split(',').filter(Boolean),
        syncIntervalMinutes: r.int('CONNECTOR_SYNC_INTERVAL_MINUTES', 15, 1, 24 * 60),
        extraPaths: (env.FACTURFLOW_CONNECTOR_PATHS ?? '').split(node_path_1.default.delimiter).filter(Boolean),
    };
    for (const [name, key] of [
        ['FACTURFLOW_SECRET_KEY', connectors.secretKey],
        ...connectors.previousKeys.map((k) => ['FACTURFLOW_SECRET_KEY_PREVIOUS', k]),
    ]) {
        r.check(!key || /^([0-9a-f]{64}|[A-Za-z0-9+/]{43}=)$/i.test(key.trim()), `${name} must be 32 bytes as 64 hex characters or base64 (openssl rand -hex 32)`);
    }
    return connectors;
}
/** The document pool's budgets for these limits (the other XML limits stay the invoice core's). */
function documentPoolOptions(d) {
    return {
        timeoutMs: d.timeoutMs,
        maxMemoryMb: d.maxMemoryMb,
        limits: { ...xml_1.DEFAULT_XML_LIMITS, maxDepth: d.maxDepth, maxLines: d.maxLines },
    };
}
function documentsOf(r) {
    return {
        maxDepth: r.int('XML_MAX_DEPTH', xml_1.DEFAULT_XML_LIMITS.maxDepth, 8, 1024),
        maxLines: r.int('INVOICE_MAX_LINES', xml_1.DEFAULT_XML_LIMITS.maxLines, 1, 1_000_000),
        timeoutMs: r.int('DOCUMENT_TIMEOUT_SECONDS', document_pool_1.DEFAULT_DOCUMENT_POOL.timeoutMs / 1000, 1, 3600) * 1000,
        maxMemoryMb: r.int('DOCUMENT_MAX_MEMORY_MB', document_pool_1.DEFAULT_DOCUMENT_POOL.maxMemoryMb, 64, 16_384),
        flowMaxConcurrentActivities: r.int('FLOW_MAX_CONCURRENT_ACTIVITIES', 4, 1, 1000),
        flowThreads: r.int('FLOW_DOCUMENT_THREADS', 1, 1, 64),
    };
}
function lifecycleOf(r) {
    const referenceRate = r.env.LATE_PAYMENT_REFERENCE_RATE || '2.15';
    r.check(/^\d{1,2}(\.\d{1,4})?$/.test(referenceRate), `LATE_PAYMENT_REFERENCE_RATE="${referenceRate}" must be a percentage such as 2.15`);
    return {
        paymentDelays: {
            standardDays: r.int('PAYMENT_DELAY_DAYS', 30, 1, 365),
            hospitalDays: r.int('PAYMENT_DELAY_HOSPITAL_DAYS', 50, 1, 365),
        },
        referenceRate,
        validationDelayDays: r.int('VALIDATION_DELAY_DAYS', 15, 1, 365),
    };
}
function supportOf({ env, cwd, problems }) {
    const extraHolidays = (env.SUPPORT_EXTRA_HOLIDAYS ?? '')
        .split(',')
        .map((d) => d.trim())
        .filter(Boolean);
    for (const day of extraHolidays)
        if (!isCalendarDay(day))
            problems.push(`SUPPORT_EXTRA_HOLIDAYS: "${day}" is not a date as YYYY-MM-DD (comma-separated list)`);
    let categories = [];
    const categoriesFile = node_path_1.default.resolve(cwd, env.SUPPORT_CATEGORIES_FILE || categories_1.DEFAULT_CATEGORIES_FILE);
    try {
        categories = (0, categories_1.loadCategories)(categoriesFile);
    }
    catch (err) {
        problems.push(`SUPPORT_CATEGORIES_FILE: ${err.message}`);
    }
    return { openingHours: { extraHolidays }, categories };
}
//# sourceMappingURL=config.js.map