import path from 'node:path';
import { ConfigError, loadConfig, Config } from './config';
import { createLogger, Logger } from '../platform/logger';
import { roleNodeArgs, type Role } from './launch';

/** Reads and checks the configuration once; a mistake ends the process with one clear message per problem. */
export function boot(): { config: Config; logger: Logger } {
  try {
    const config = loadConfig();
    return { config, logger: createLogger(config.logLevel) };
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`facturflow: ${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
}

/** The cluster to use: TEMPORAL_ADDRESS, or the local dev server that `npm start` runs. */
export function temporalAddress(config: Config): string {
  return config.temporal.address ?? `127.0.0.1:${config.temporal.devServerPort}`;
}

export function fatal(logger: Logger, err: unknown): never {
  logger.fatal({ err }, (err as Error).message);
  process.exit(1);
}

/** Where email goes when no SMTP server is configured: shared by the worker (writes) and the API (shows). */
export function outboxDir(config: Config): string {
  return path.join(config.dataDir, 'outbox');
}

/**
 * How `npm start` runs a role in its own process: compiled when this file is (dist/bin/*.js), else
 * from source through tsx, so the children always match their parent; with the role's node options
 * (see launch.ts).
 */
export function roleArgs(role: Role): string[] {
  return path.extname(__filename) === '.js'
    ? [...roleNodeArgs(role), path.join(__dirname, `${role}.js`)]
    : [...roleNodeArgs(role), '--import', 'tsx', path.join(__dirname, `${role}.ts`)];
}
