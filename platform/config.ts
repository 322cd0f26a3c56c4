import path from 'node:path';
import type { ConnectorSettings } from '../connectors/runtime';
import { DEFAULT_CATEGORIES_FILE, loadCategories, type Category } from '../support/categories';
import type { OpeningHours } from '../support/opening-hours';

/**
 * The platform's configuration, read once from the environment at start and checked there, so a
 * mistake is reported with a clear message before anything runs. Everything else receives values.
 */
export interface Config {
  port: number;
  dataDir: string;
  /** knex connection: a SQLite file under dataDir unless DATABASE_URL points at PostgreSQL. */
  database: { client: 'better-sqlite3'; filename: string } | { client: 'pg'; url: string };
  temporal: {
    /** host:port of a running cluster; undefined means `npm start` runs a local dev server. */
    address?: string;
    namespace: string;
    taskQueue: string;
    tls?: { serverName?: string; clientCertPath?: string; clientKeyPath?: string; serverRootCaPath?: string };
    apiKey?: string;
    uiPort: number;
    devServerPort: number;
  };
  logLevel: string;
  /** Largest request body accepted by the API (raw XML or multipart file), in bytes. */
  maxUploadBytes: number;
  /** Where emails go: an SMTP server when configured, else .eml files under DATA_DIR/outbox. */
  mail: MailConfig;
  /** The address people reach the platform at: the base of the links sent by email. */
  publicUrl: string;
  /** The INSEE Sirene API as company registry; unset: the platform's own directory table. */
  sirene?: { baseUrl: string; apiKey: string };
  /** File-based EDI: a folder watched for flows (one subfolder per syntaxeFlux); unset: no inbox. */
  flowInbox?: { dir: string; intervalMs: number };
  /** ERP connectors: credentials key (see README, rotation), default sync period, extra connector packages. */
  connectors: ConnectorSettings;
  /** Invoice lifecycle: legal payment delays, late-payment reference rate, A9/A12 validation delay. */
  lifecycle: LifecycleSettings;
  /** Support: days the live chat is closed beyond French public holidays, and the request categories. */
  support: { openingHours: OpeningHours; categories: Category[] };
}

export interface LifecycleSettings {
  paymentDelays: { standardDays: number; hospitalDays: number };
  /** Percent per year (the ECB main refinancing rate); late-payment interest adds 8 points. */
  referenceRate: string;
  validationDelayDays: number;
}

export interface MailConfig {
  from: string;
  smtp?: { url: string } | { host: string; port: number; secure: boolean; user?: string; password?: string };
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

export function loadConfig(env: Env = process.env, cwd = process.cwd()): Config {
  const problems: string[] = [];

  const int = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      problems.push(`${name}="${raw}" must be an integer between ${min} and ${max}`);
      return fallback;
    }
    return value;
  };

  const dataDir = path.resolve(cwd, env.DATA_DIR || 'data');

  let database: Config['database'] = {
    client: 'better-sqlite3',
    filename: path.join(dataDir, 'facturflow.db'),
  };
  const dbUrl = env.DATABASE_URL;
  if (dbUrl) {
    if (/^postgres(ql)?:\/\//.test(dbUrl)) database = { client: 'pg', url: dbUrl };
    else if (dbUrl.startsWith('sqlite:')) {
      database = { client: 'better-sqlite3', filename: path.resolve(cwd, dbUrl.slice('sqlite:'.length)) };
    } else {
      problems.push('DATABASE_URL must start with postgres:// or postgresql:// (or sqlite:<file>)');
    }
  }

  const address = env.TEMPORAL_ADDRESS || undefined;
  if (address && !/^[^\s:/]+:\d+$/.test(address)) {
    problems.push(`TEMPORAL_ADDRESS="${address}" must be host:port, e.g. temporal.example.org:7233`);
  }
  const tlsEnabled = env.TEMPORAL_TLS === 'true' || !!env.TEMPORAL_TLS_CERT || !!env.TEMPORAL_API_KEY;
  if (env.TEMPORAL_TLS && !['true', 'false'].includes(env.TEMPORAL_TLS)) {
    problems.push('TEMPORAL_TLS must be "true" or "false"');
  }
  if (!!env.TEMPORAL_TLS_CERT !== !!env.TEMPORAL_TLS_KEY) {
    problems.push(
      'TEMPORAL_TLS_CERT and TEMPORAL_TLS_KEY must be set together (mTLS client certificate and key)',
    );
  }
  if ((tlsEnabled || env.TEMPORAL_API_KEY) && !address) {
    problems.push('TLS or API-key settings need TEMPORAL_ADDRESS (the local dev server runs without TLS)');
  }

  let smtp: MailConfig['smtp'];
  if (env.SMTP_URL) {
    if (!/^smtps?:\/\//.test(env.SMTP_URL)) problems.push('SMTP_URL must start with smtp:// or smtps://');
    smtp = { url: env.SMTP_URL };
  } else if (env.SMTP_HOST) {
    if (env.SMTP_SECURE && !['true', 'false'].includes(env.SMTP_SECURE)) {
      problems.push('SMTP_SECURE must be "true" or "false"');
    }
    const secure = env.SMTP_SECURE === 'true';
    smtp = {
      host: env.SMTP_HOST,
      port: int('SMTP_PORT', secure ? 465 : 587, 1, 65535),
      secure,
      user: env.SMTP_USER || undefined,
      password: env.SMTP_PASSWORD || undefined,
    };
  }
  const mailFrom = env.MAIL_FROM || 'facturflow <no-reply@facturflow.localhost>';
  if (!/@/.test(mailFrom)) problems.push(`MAIL_FROM="${mailFrom}" must contain an email address`);
  const port = int('PORT', 3000, 0, 65535);
  const publicUrl = (env.PUBLIC_URL || `http://localhost:${port}`).replace(/\/+$/, '');
  if (!/^https?:\/\/[^\s/]+/.test(publicUrl)) {
    problems.push(`PUBLIC_URL="${publicUrl}" must be an http(s) URL, e.g. https://facturflow.example.org`);
  }

  if (!!env.SIRENE_API_URL !== !!env.SIRENE_API_KEY)
    problems.push('SIRENE_API_URL and SIRENE_API_KEY must be set together (the INSEE Sirene API)');
  if (env.SIRENE_API_URL && !/^https?:\/\//.test(env.SIRENE_API_URL))
    problems.push(`SIRENE_API_URL="${env.SIRENE_API_URL}" must be an http(s) URL`);
  const sirene =
    env.SIRENE_API_URL && env.SIRENE_API_KEY
      ? { baseUrl: env.SIRENE_API_URL, apiKey: env.SIRENE_API_KEY }
      : undefined;

  const connectors: ConnectorSettings = {
    secretKey: env.FACTURFLOW_SECRET_KEY || undefined,
    previousKeys: (env.FACTURFLOW_SECRET_KEY_PREVIOUS ?? '').split(',').filter(Boolean),
    syncIntervalMinutes: int('CONNECTOR_SYNC_INTERVAL_MINUTES', 15, 1, 24 * 60),
    extraPaths: (env.FACTURFLOW_CONNECTOR_PATHS ?? '').split(path.delimiter).filter(Boolean),
  };
  for (const [name, key] of [
    ['FACTURFLOW_SECRET_KEY', connectors.secretKey],
    ...connectors.previousKeys.map((k) => ['FACTURFLOW_SECRET_KEY_PREVIOUS', k]),
  ]) {
    if (key && !/^([0-9a-f]{64}|[A-Za-z0-9+/]{43}=)$/i.test(key.trim()))
      problems.push(`${name} must be 32 bytes as 64 hex characters or base64 (openssl rand -hex 32)`);
  }
  const flowInbox = env.FLOW_INBOX_DIR
    ? {
        dir: path.resolve(cwd, env.FLOW_INBOX_DIR),
        intervalMs: int('FLOW_INBOX_INTERVAL_SECONDS', 10, 1, 3600) * 1000,
      }
    : undefined;

  const logLevel = env.LOG_LEVEL || 'info';
  if (!LOG_LEVELS.includes(logLevel)) problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}`);

  const referenceRate = env.LATE_PAYMENT_REFERENCE_RATE || '2.15';
  if (!/^\d{1,2}(\.\d{1,4})?$/.test(referenceRate))
    problems.push(`LATE_PAYMENT_REFERENCE_RATE="${referenceRate}" must be a percentage such as 2.15`);
  const lifecycle: LifecycleSettings = {
    paymentDelays: {
      standardDays: int('PAYMENT_DELAY_DAYS', 30, 1, 365),
      hospitalDays: int('PAYMENT_DELAY_HOSPITAL_DAYS', 50, 1, 365),
    },
    referenceRate,
    validationDelayDays: int('VALIDATION_DELAY_DAYS', 15, 1, 365),
  };

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

  const config: Config = {
    port,
    dataDir,
    database,
    temporal: {
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
      uiPort: int('TEMPORAL_UI_PORT', 8233, 1, 65535),
      devServerPort: int('TEMPORAL_DEV_SERVER_PORT', 7233, 1, 65535),
    },
    logLevel,
    maxUploadBytes: int('MAX_UPLOAD_BYTES', 120 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
    mail: { from: mailFrom, smtp },
    publicUrl,
    sirene,
    flowInbox,
    connectors,
    lifecycle,
    support: { openingHours: { extraHolidays }, categories },
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}
