import path from 'node:path';
import type { Duration } from '@temporalio/common';
import type { CredentialCipher } from './credentials';
import { loadCipher } from './credentials';
import { ConnectorRegistry, createRegistry } from './registry';

/** What the API and the worker need to run connections: the connectors offered and the credentials key. */
export interface ConnectorRuntime {
  registry: ConnectorRegistry;
  cipher: CredentialCipher;
  /** Schedule period of a new connection unless it asks for another. */
  syncIntervalMinutes: number;
  /** How long a page may go without a heartbeat (default 1 minute); tests shorten it. */
  pageHeartbeatTimeout?: Duration;
  /**
   * Every connection's schedule fires at this period instead of its interval in minutes: tests watch
   * real schedules fire within seconds. An installation never sets it (the API takes whole minutes).
   */
  scheduleEvery?: Duration;
}

export interface ConnectorSettings {
  secretKey?: string;
  previousKeys: string[];
  syncIntervalMinutes: number;
  /** Package folders of connectors outside node_modules (FACTURFLOW_CONNECTOR_PATHS). */
  extraPaths: string[];
}

/** The runtime of an installation: connectors found in the platform's node_modules plus the listed paths. */
export function createConnectorRuntime(settings: ConnectorSettings, dataDir: string): ConnectorRuntime {
  return {
    registry: createRegistry({
      nodeModules: [path.resolve(__dirname, '..', 'node_modules')],
      extraPaths: settings.extraPaths,
    }),
    cipher: loadCipher({ secretKey: settings.secretKey, previousKeys: settings.previousKeys, dataDir }),
    syncIntervalMinutes: settings.syncIntervalMinutes,
  };
}
