import path from 'node:path';
import type { DatabaseSettings } from '../platform/db';
import type { TemporalSettings } from '../platform/temporal';
import type { MailConfig } from '../platform/mail/mailer';
import type { ConnectorSettings } from '../connectors/runtime';
import { DEFAULT_CATEGORIES_FILE, loadCategories } from '../support/categories';
import type { Category } from '../support/types';
import type { OpeningHours } from '../support/opening-hours';
import type { LifecycleSettings } from '../invoicing/settings';
import { DEFAULT_XML_LIMITS } from '../invoice/xml';
import { DEFAULT_DOCUMENT_POOL, type DocumentPoolOptions } from '../platform/document-pool';
import { allowedHostProblem, hostList } from '../platform/public-host';
import type { BlobStoreSettings } from '../platform/blob-store-config';

/**
 * The platform's configuration, read once from the environment at start and checked there, so a
 * mistake is reported with a clear message before anything runs. Everything else receives values.
 */
export interface Config {
  port: number;
  /** The address the API listens on: loopback (127.0.0.1) unless HOST names another (0.0.0.0: every interface). */
  host: string;
  /**
   * DEV_OUTBOX=true: the API shows the development outbox (emails written under DATA_DIR/outbox when no
   * SMTP server is configured) to operators. Off unless asked; `npm start` asks for it only on loopback.
   */
  devOutbox: boolean;
  /** Requests a minute on the credential endpoints: per IP (RATE_LIMIT_CREDENTIALS_PER_IP) and per OAuth client (RATE_LIMIT_OAUTH_PER_CLIENT). */
  rateLimits: { credentialsPerIp: number; oauthPerClient: number };
  dataDir: string;
  /** knex connection: a SQLite file under dataDir unless DATABASE_URL points at PostgreSQL. */
  database: DatabaseSettings;
  /** Where files live: DATA_DIR/blobs unless BLOB_STORE=s3 names a bucket (S3_*) every process shares. */
  blobs: BlobStoreSettings;
  temporal: TemporalSettings;
  logLevel: string;
  /** Largest request body accepted by the API (raw XML or multipart file), in bytes. */
  maxUploadBytes: number;
  /** Where emails go: an SMTP server when configured, else .eml files under DATA_DIR/outbox. */
  mail: MailConfig;
  /** The address people reach the platform at: the base of the links sent by email. */
  publicUrl: string;
  /** The hour (0–23, Paris time) the daily digest of new invoices goes out: NOTIFICATION_DIGEST_HOUR, default 8. */
  notificationDigestHour: number;
  /** The INSEE Sirene API as company registry; unset: the platform's own directory table. */
  sirene?: { baseUrl: string; apiKey: string };
  /** File-based EDI: a folder watched for flows (one subfolder per syntaxeFlux); unset: no inbox. */
  flowInbox?: { dir: string; intervalMs: number };
  /** ERP connectors: credentials key (see README, rotation), default sync period, extra connector packages. */
  connectors: ConnectorSettings;
  /**
   * Hosts a connection may call although they are not public (CONNECTOR_ALLOWED_HOSTS: names, addresses
   * or CIDR ranges, comma-separated), e.g. an ERP on the company network. Empty: public hosts only.
   */
  connectorAllowedHosts: string[];
  /** What one deposited document may cost: XML nesting and invoice lines, time and memory of its reading. */
  documents: DocumentLimits;
  /** Invoice lifecycle: legal payment delays, late-payment reference rate, A9/A12 validation delay. */
  lifecycle: LifecycleSettings;
  /** Support: days the live chat is closed beyond French public holidays, and the request categories. */
  support: { openingHours: OpeningHours; categories: Category[] };
  /** Monitoring: who may read the API's /metrics, and where a worker serves its Prometheus metrics. */
  operations: OperationsSettings;
}

export interface OperationsSettings {
  /** METRICS_TOKEN: the bearer token GET /metrics asks for; unset, the API serves no /metrics. */
  metricsToken?: string;
  /**
   * WORKER_METRICS_PORT (and WORKER_METRICS_HOST, default 127.0.0.1): where each worker serves the
   * Temporal SDK's metrics and its own on /metrics; unset, a worker exports none.
   */
  workerMetricsAddress?: string;
}

export interface DocumentLimits {
  /** XML_MAX_DEPTH: element nesting (real invoices need fewer than 30 levels). */
  maxDepth: number;
  /** INVOICE_MAX_LINES: invoice lines in one document. */
  maxLines: number;
  /** DOCUMENT_TIMEOUT_SECONDS, in milliseconds: reading time of one document before DOCUMENT_TOO_COMPLEX. */
  timeoutMs: number;
  /** DOCUMENT_MAX_MEMORY_MB: heap of the thread reading one document. */
  maxMemoryMb: number;
  /** FLOW_MAX_CONCURRENT_ACTIVITIES: activities of flows one worker runs at once, on the flow queue. */
  flowMaxConcurrentActivities: number;
  /** FLOW_DOCUMENT_THREADS: threads reading flows' files in one worker, apart from single deposits'. */
  flowThreads: number;
}

/** A real day of the calendar written YYYY-MM-DD (2026-02-30 is not). */
function isCalendarDay(day: string): boolean {
  const at = Date.parse(`${day}T00:00:00Z`);
  return /^\d{4}-\d{2}-\d{2}$/.test(day) && !Number.isNaN(at) && new Date(at).toISOString().startsWith(day);
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/** The environment being read, and what is wrong with it so far: every section adds its problems. */
class EnvReader {
  readonly problems: string[] = [];
  constructor(
    readonly env: Env,
    readonly cwd: string,
  ) {}

  int(name: string, fallback: number, min: number, max: number): number {
    const raw = this.env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      this.problems.push(`${name}="${raw}" must be an integer between ${min} and ${max}`);
      return fallback;
    }
    return value;
  }

  check(ok: boolean, problem: string): void {
    if (!ok) this.problems.push(problem);
  }
}

export function loadConfig(env: Env = process.env, cwd = process.cwd()): Config {
  const r = new EnvReader(env, cwd);
  const dataDir = path.resolve(cwd, env.DATA_DIR || 'data');
  // Sections read in this order, so problems are listed as the README lists the variables.
  const database = databaseOf(r, dataDir);
  const blobs = blobStoreOf(r, dataDir);
  const temporal = temporalOf(r);
  const mail = mailOf(r);
  const port = r.int('PORT', 3000, 0, 65535);
  const host = env.HOST || '127.0.0.1';
  r.check(
    /^[\w.:-]+$/.test(host),
    `HOST="${host}" must be an address or host name, e.g. 127.0.0.1 or 0.0.0.0`,
  );
  const devOutbox = devOutboxOf(r, !!mail.smtp);
  const rateLimits = {
    credentialsPerIp: r.int('RATE_LIMIT_CREDENTIALS_PER_IP', 30, 1, 100_000),
    oauthPerClient: r.int('RATE_LIMIT_OAUTH_PER_CLIENT', 30, 1, 100_000),
  };
  const publicUrl = (env.PUBLIC_URL || `http://localhost:${port}`).replace(/\/+$/, '');
  r.check(
    /^https?:\/\/[^\s/]+/.test(publicUrl),
    `PUBLIC_URL="${publicUrl}" must be an http(s) URL, e.g. https://facturflow.example.org`,
  );
  const sirene = sireneOf(r);
  const connectors = connectorsOf(r);
  const connectorAllowedHosts = hostList(env.CONNECTOR_ALLOWED_HOSTS);
  for (const entry of connectorAllowedHosts) {
    const problem = allowedHostProblem(entry);
    r.check(!problem, `CONNECTOR_ALLOWED_HOSTS: ${problem} (comma-separated list)`);
  }
  const documents = documentsOf(r);
  const flowInbox = env.FLOW_INBOX_DIR
    ? {
        dir: path.resolve(cwd, env.FLOW_INBOX_DIR),
        intervalMs: r.int('FLOW_INBOX_INTERVAL_SECONDS', 10, 1, 3600) * 1000,
      }
    : undefined;
  const logLevel = env.LOG_LEVEL || 'info';
  r.check(LOG_LEVELS.includes(logLevel), `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}`);
  const lifecycle = lifecycleOf(r);
  const support = supportOf(r);
  const maxUploadBytes = r.int('MAX_UPLOAD_BYTES', 120 * 1024 * 1024, 1024, 1024 * 1024 * 1024);
  const notificationDigestHour = r.int('NOTIFICATION_DIGEST_HOUR', 8, 0, 23);

  const config: Config = {
    ...{
      port,
      host,
      devOutbox,
      rateLimits,
      dataDir,
      database,
      blobs,
      temporal,
      logLevel,
      maxUploadBytes,
      mail,
      publicUrl,
    },
    ...{ sirene, flowInbox, connectors, connectorAllowedHosts, documents, lifecycle, support },
    notificationDigestHour,
    operations: operationsOf(r),
  };
  if (r.problems.length > 0) throw new ConfigError(r.problems);
  return config;
}

function databaseOf({ env, cwd, problems }: EnvReader, dataDir: string): Config['database'] {
  const dbUrl = env.DATABASE_URL;
  if (!dbUrl) return { client: 'better-sqlite3', filename: path.join(dataDir, 'facturflow.db') };
  if (/^postgres(ql)?:\/\//.test(dbUrl)) return { client: 'pg', url: dbUrl };
  if (dbUrl.startsWith('sqlite:'))
    return { client: 'better-sqlite3', filename: path.resolve(cwd, dbUrl.slice('sqlite:'.length)) };
  problems.push('DATABASE_URL must start with postgres:// or postgresql:// (or sqlite:<file>)');
  return { client: 'better-sqlite3', filename: path.join(dataDir, 'facturflow.db') };
}

const BLOB_STORES = ['fs', 's3'];
const S3_VARIABLES = [
  'S3_ENDPOINT',
  'S3_REGION',
  'S3_BUCKET',
  'S3_PREFIX',
  'S3_ACCESS_KEY_ID',
  'S3_SECRET_ACCESS_KEY',
  'S3_FORCE_PATH_STYLE',
];

/** BLOB_STORE and S3_*; a secret's value is never repeated in a message. */
function blobStoreOf(r: EnvReader, dataDir: string): BlobStoreSettings {
  const { env } = r;
  const kind = env.BLOB_STORE || 'fs';
  r.check(
    BLOB_STORES.includes(kind),
    `BLOB_STORE="${kind}" must be "fs" (a directory, DATA_DIR/blobs) or "s3" (an S3-compatible bucket, S3_*)`,
  );
  const fsStore: BlobStoreSettings = { kind: 'fs', dir: path.join(dataDir, 'blobs') };
  if (kind !== 's3') {
    const stray = S3_VARIABLES.filter((name) => env[name]);
    r.check(
      stray.length === 0,
      `${stray.join(', ')} set but BLOB_STORE is not "s3": set BLOB_STORE=s3 to keep files in the bucket, or unset them`,
    );
    return fsStore;
  }
  const endpoint = env.S3_ENDPOINT || undefined;
  r.check(
    !endpoint || /^https?:\/\/[^\s/]+/.test(endpoint),
    `S3_ENDPOINT="${endpoint}" must be an http(s) URL, e.g. https://s3.example.org or http://127.0.0.1:8333`,
  );
  const region = env.S3_REGION || 'us-east-1';
  r.check(/^[a-z0-9-]+$/.test(region), `S3_REGION="${region}" must be a region name, e.g. eu-west-3`);
  const bucket = env.S3_BUCKET ?? '';
  r.check(
    /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket),
    bucket
      ? `S3_BUCKET="${bucket}" must be a bucket name: 3 to 63 lowercase letters, digits, dots and hyphens`
      : 'S3_BUCKET is needed with BLOB_STORE=s3 (the bucket is created at start if missing)',
  );
  const prefix = (env.S3_PREFIX ?? '').replace(/^\/+/, '');
  r.check(
    /^[\w./-]*$/.test(prefix) && !prefix.includes('//'),
    `S3_PREFIX="${env.S3_PREFIX}" must be a key prefix of letters, digits, "_", "-", "." and "/", e.g. facturflow/`,
  );
  r.check(
    !!env.S3_ACCESS_KEY_ID === !!env.S3_SECRET_ACCESS_KEY,
    'S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY must be set together (or neither: the AWS SDK finds credentials itself)',
  );
  const pathStyle = env.S3_FORCE_PATH_STYLE;
  r.check(
    !pathStyle || ['true', 'false'].includes(pathStyle),
    'S3_FORCE_PATH_STYLE must be "true" or "false"',
  );
  return {
    kind: 's3',
    endpoint,
    region,
    bucket,
    prefix: prefix && !prefix.endsWith('/') ? `${prefix}/` : prefix,
    accessKeyId: env.S3_ACCESS_KEY_ID || undefined,
    secretAccessKey: env.S3_SECRET_ACCESS_KEY || undefined,
    forcePathStyle: pathStyle ? pathStyle === 'true' : !!endpoint,
  };
}

function temporalOf(r: EnvReader): Config['temporal'] {
  const { env } = r;
  const address = env.TEMPORAL_ADDRESS || undefined;
  r.check(
    !address || /^[^\s:/]+:\d+$/.test(address),
    `TEMPORAL_ADDRESS="${address}" must be host:port, e.g. temporal.example.org:7233`,
  );
  const tlsEnabled = env.TEMPORAL_TLS === 'true' || !!env.TEMPORAL_TLS_CERT || !!env.TEMPORAL_API_KEY;
  r.check(
    !env.TEMPORAL_TLS || ['true', 'false'].includes(env.TEMPORAL_TLS),
    'TEMPORAL_TLS must be "true" or "false"',
  );
  r.check(
    !!env.TEMPORAL_TLS_CERT === !!env.TEMPORAL_TLS_KEY,
    'TEMPORAL_TLS_CERT and TEMPORAL_TLS_KEY must be set together (mTLS client certificate and key)',
  );
  r.check(
    !(tlsEnabled || env.TEMPORAL_API_KEY) || !!address,
    'TLS or API-key settings need TEMPORAL_ADDRESS (the local dev server runs without TLS)',
  );
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

function mailOf(r: EnvReader): MailConfig {
  const { env } = r;
  let smtp: MailConfig['smtp'];
  if (env.SMTP_URL) {
    r.check(/^smtps?:\/\//.test(env.SMTP_URL), 'SMTP_URL must start with smtp:// or smtps://');
    smtp = { url: env.SMTP_URL };
  } else if (env.SMTP_HOST) {
    r.check(
      !env.SMTP_SECURE || ['true', 'false'].includes(env.SMTP_SECURE),
      'SMTP_SECURE must be "true" or "false"',
    );
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

function devOutboxOf(r: EnvReader, smtp: boolean): boolean {
  const raw = r.env.DEV_OUTBOX;
  r.check(!raw || ['true', 'false'].includes(raw), 'DEV_OUTBOX must be "true" or "false"');
  r.check(
    !(raw === 'true' && smtp),
    'DEV_OUTBOX=true needs no SMTP server: with SMTP configured, emails are not kept in the outbox',
  );
  return raw === 'true' && !smtp;
}

/** Whether an address only this machine can reach: 127.0.0.0/8, ::1 or localhost. */
export function isLoopbackHost(host: string): boolean {
  return /^127\.\d+\.\d+\.\d+$/.test(host) || host === '::1' || host === 'localhost';
}

function sireneOf(r: EnvReader): Config['sirene'] {
  const { env } = r;
  r.check(
    !!env.SIRENE_API_URL === !!env.SIRENE_API_KEY,
    'SIRENE_API_URL and SIRENE_API_KEY must be set together (the INSEE Sirene API)',
  );
  r.check(
    !env.SIRENE_API_URL || /^https?:\/\//.test(env.SIRENE_API_URL),
    `SIRENE_API_URL="${env.SIRENE_API_URL}" must be an http(s) URL`,
  );
  return env.SIRENE_API_URL && env.SIRENE_API_KEY
    ? { baseUrl: env.SIRENE_API_URL, apiKey: env.SIRENE_API_KEY }
    : undefined;
}

function connectorsOf(r: EnvReader): ConnectorSettings {
  const { env } = r;
  const connectors: ConnectorSettings = {
    secretKey: env.FACTURFLOW_SECRET_KEY || undefined,
    previousKeys: (env.FACTURFLOW_SECRET_KEY_PREVIOUS ?? '').split(',').filter(Boolean),
    syncIntervalMinutes: r.int('CONNECTOR_SYNC_INTERVAL_MINUTES', 15, 1, 24 * 60),
    extraPaths: (env.FACTURFLOW_CONNECTOR_PATHS ?? '').split(path.delimiter).filter(Boolean),
  };
  for (const [name, key] of [
    ['FACTURFLOW_SECRET_KEY', connectors.secretKey],
    ...connectors.previousKeys.map((k) => ['FACTURFLOW_SECRET_KEY_PREVIOUS', k]),
  ]) {
    r.check(
      !key || /^([0-9a-f]{64}|[A-Za-z0-9+/]{43}=)$/i.test(key.trim()),
      `${name} must be 32 bytes as 64 hex characters or base64 (openssl rand -hex 32)`,
    );
  }
  return connectors;
}

/** The document pool's budgets for these limits (the other XML limits stay the invoice core's). */
export function documentPoolOptions(d: DocumentLimits): Partial<DocumentPoolOptions> {
  return {
    timeoutMs: d.timeoutMs,
    maxMemoryMb: d.maxMemoryMb,
    limits: { ...DEFAULT_XML_LIMITS, maxDepth: d.maxDepth, maxLines: d.maxLines },
  };
}

function documentsOf(r: EnvReader): DocumentLimits {
  return {
    maxDepth: r.int('XML_MAX_DEPTH', DEFAULT_XML_LIMITS.maxDepth, 8, 1024),
    maxLines: r.int('INVOICE_MAX_LINES', DEFAULT_XML_LIMITS.maxLines, 1, 1_000_000),
    timeoutMs: r.int('DOCUMENT_TIMEOUT_SECONDS', DEFAULT_DOCUMENT_POOL.timeoutMs / 1000, 1, 3600) * 1000,
    maxMemoryMb: r.int('DOCUMENT_MAX_MEMORY_MB', DEFAULT_DOCUMENT_POOL.maxMemoryMb, 64, 16_384),
    flowMaxConcurrentActivities: r.int('FLOW_MAX_CONCURRENT_ACTIVITIES', 16, 1, 1000),
    flowThreads: r.int('FLOW_DOCUMENT_THREADS', 1, 1, 64),
  };
}

function lifecycleOf(r: EnvReader): LifecycleSettings {
  const referenceRate = r.env.LATE_PAYMENT_REFERENCE_RATE || '2.15';
  r.check(
    /^\d{1,2}(\.\d{1,4})?$/.test(referenceRate),
    `LATE_PAYMENT_REFERENCE_RATE="${referenceRate}" must be a percentage such as 2.15`,
  );
  return {
    paymentDelays: {
      standardDays: r.int('PAYMENT_DELAY_DAYS', 30, 1, 365),
      hospitalDays: r.int('PAYMENT_DELAY_HOSPITAL_DAYS', 50, 1, 365),
    },
    referenceRate,
    validationDelayDays: r.int('VALIDATION_DELAY_DAYS', 15, 1, 365),
  };
}

function supportOf({ env, cwd, problems }: EnvReader): Config['support'] {
  const extraHolidays = (env.SUPPORT_EXTRA_HOLIDAYS ?? '')
    .split(',')
    .map((d) => d.trim())
    .filter(Boolean);
  for (const day of extraHolidays)
    if (!isCalendarDay(day))
      problems.push(`SUPPORT_EXTRA_HOLIDAYS: "${day}" is not a date as YYYY-MM-DD (comma-separated list)`);
  let categories: Category[] = [];
  const categoriesFile = path.resolve(cwd, env.SUPPORT_CATEGORIES_FILE || DEFAULT_CATEGORIES_FILE);
  try {
    categories = loadCategories(categoriesFile);
  } catch (err) {
    problems.push(`SUPPORT_CATEGORIES_FILE: ${(err as Error).message}`);
  }
  return { openingHours: { extraHolidays }, categories };
}

function operationsOf(r: EnvReader): OperationsSettings {
  const { env } = r;
  const metricsToken = env.METRICS_TOKEN || undefined;
  r.check(
    !metricsToken || metricsToken.length >= 16,
    'METRICS_TOKEN must be at least 16 characters (it guards the /metrics endpoint)',
  );
  const port = env.WORKER_METRICS_PORT ? r.int('WORKER_METRICS_PORT', 0, 1, 65535) : undefined;
  const host = env.WORKER_METRICS_HOST || '127.0.0.1';
  r.check(
    /^[\w.:-]+$/.test(host),
    `WORKER_METRICS_HOST="${host}" must be an address, e.g. 127.0.0.1 or 0.0.0.0`,
  );
  const bracketed = host.includes(':') ? `[${host}]` : host;
  return { metricsToken, workerMetricsAddress: port ? `${bracketed}:${port}` : undefined };
}
