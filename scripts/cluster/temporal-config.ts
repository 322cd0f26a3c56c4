/**
 * The Temporal server's configuration for one machine: PostgreSQL persistence and SQL visibility (the
 * custom search attributes live in the visibility database's keyword columns, as on a production
 * cluster), each service in a process of its own on the ports given. JSON is YAML, so the server reads
 * it as written.
 */
export const TEMPORAL_SERVICES = ['history', 'matching', 'frontend', 'worker'] as const;
export type TemporalService = (typeof TEMPORAL_SERVICES)[number];

export interface ServicePorts {
  grpc: number;
  membership: number;
  /** The frontend's HTTP API (Nexus callbacks, the HTTP gateway). */
  http?: number;
}

export interface TemporalConfigInput {
  postgres: { host: string; port: number; user: string };
  ports: Record<TemporalService, ServicePorts>;
  dynamicConfigFile: string;
  /** History shards: fixed once the cluster has run (the persistence remembers it). */
  historyShards: number;
  logLevel: string;
}

export const TEMPORAL_DATABASE = 'temporal';
export const VISIBILITY_DATABASE = 'temporal_visibility';

function datastore(input: TemporalConfigInput, databaseName: string, maxConns: number) {
  return {
    sql: {
      pluginName: 'postgres12',
      databaseName,
      connectAddr: `${input.postgres.host}:${input.postgres.port}`,
      connectProtocol: 'tcp',
      user: input.postgres.user,
      password: '',
      maxConns,
      maxIdleConns: maxConns,
      maxConnLifetime: '1h',
    },
  };
}

export function temporalServerConfig(input: TemporalConfigInput): string {
  const services = Object.fromEntries(
    TEMPORAL_SERVICES.map((name) => {
      const p = input.ports[name];
      const rpc = { grpcPort: p.grpc, membershipPort: p.membership, bindOnLocalHost: true };
      return [name, { rpc: p.http ? { ...rpc, httpPort: p.http } : rpc }];
    }),
  );
  const config = {
    log: { stdout: true, level: input.logLevel },
    persistence: {
      defaultStore: 'postgres-default',
      visibilityStore: 'postgres-visibility',
      numHistoryShards: input.historyShards,
      datastores: {
        'postgres-default': datastore(input, TEMPORAL_DATABASE, 20),
        'postgres-visibility': datastore(input, VISIBILITY_DATABASE, 10),
      },
    },
    global: { membership: { maxJoinDuration: '30s', broadcastAddress: '127.0.0.1' } },
    services,
    clusterMetadata: {
      enableGlobalNamespace: false,
      failoverVersionIncrement: 10,
      masterClusterName: 'active',
      currentClusterName: 'active',
      clusterInformation: {
        active: {
          enabled: true,
          initialFailoverVersion: 1,
          rpcName: 'frontend',
          rpcAddress: `127.0.0.1:${input.ports.frontend.grpc}`,
        },
      },
    },
    dcRedirectionPolicy: { policy: 'noop' },
    dynamicConfigClient: { filepath: input.dynamicConfigFile, pollInterval: '10s' },
  };
  return JSON.stringify(config, null, 2) + '\n';
}

/** Dynamic configuration: no call home (offline machines), and workflow ids as long as the platform's. */
export function temporalDynamicConfig(): string {
  const value = (v: unknown) => [{ value: v, constraints: {} }];
  return (
    JSON.stringify(
      {
        'frontend.enableServerVersionCheck': value(false),
        'limit.maxIDLength': value(255),
      },
      null,
      2,
    ) + '\n'
  );
}
