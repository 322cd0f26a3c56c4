import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { roleEnv, roleNodeArgs } from '../../bin/launch';
import { haproxyConfig, haproxyProcess } from './load-balancer';
import {
  readIdentity,
  s3Serves,
  WEED_MISSING,
  WEED_PORT_NAMES,
  weedBinary,
  weedServerArgs,
  writeIdentity,
  type WeedPorts,
} from './object-store';
import {
  createDatabases,
  initPostgres,
  postgresProcess,
  postgresReady,
  postgresUrl,
  type PostgresSettings,
} from './postgres';
import {
  Fatal,
  isSame,
  launch,
  logFile,
  stop,
  tail,
  until,
  type ProcessRecord,
  type ProcessSpec,
} from './processes';
import {
  TEMPORAL_DATABASE,
  TEMPORAL_SERVICES,
  temporalDynamicConfig,
  temporalServerConfig,
  VISIBILITY_DATABASE,
  type ServicePorts,
  type TemporalService,
} from './temporal-config';
import {
  acceptsWorkflows,
  pollsTaskQueue,
  frontendReady,
  registerNamespace,
  registerSearchAttributes,
  setupSchemas,
  temporalBuild,
  type TemporalBuild,
} from './temporal';

/**
 * The platform spread over processes on one machine, as on several: PostgreSQL, the Temporal services
 * (history, matching, frontend, worker) each in a process on PostgreSQL persistence and SQL visibility,
 * N platform workers, M API processes and HAProxy in front of them, and with `objectStore` SeaweedFS's
 * S3 gateway holding the blobs. Everything lives under `dir` (data, configuration, logs, state.json);
 * `stopTopology(dir)` stops what state.json lists. The Temporal services are the processes
 * temporal-history, temporal-matching, temporal-frontend and temporal-worker; the platform's,
 * worker-1..N and api-1..M; the object store, seaweedfs.
 */
export interface TopologyOptions {
  dir: string;
  workers: number;
  apis: number;
  /** The load balancer's port: the platform's address (0: any free port). */
  port: number;
  /** false: PostgreSQL without fsync, for a throwaway test cluster. */
  durable: boolean;
  namespace?: string;
  /** Blobs in an S3 bucket of SeaweedFS started with the cluster, rather than in the shared data directory. */
  objectStore?: boolean;
  /** Extra environment of the worker and API processes (log level...). */
  roleEnv?: NodeJS.ProcessEnv;
  /** Told of each step as it starts and ends, with its duration. */
  progress?: (event: StepEvent) => void;
}

export interface StepEvent {
  step: string;
  phase: 'start' | 'done';
  ms: number;
}

export interface ClusterState {
  dir: string;
  startedAt: string;
  /** Set by `stopTopology` before it stops anything: a supervisor then restarts nothing. */
  stopping?: boolean;
  temporalVersion: string;
  namespace: string;
  ports: {
    postgres: number;
    loadBalancer: number;
    apis: number[];
    temporal: Record<TemporalService, ServicePorts>;
    objectStore?: WeedPorts;
  };
  processes: ProcessRecord[];
}

const ROOT = path.resolve(__dirname, '..', '..');
const STATE_FILE = 'state.json';
/** The bucket the platform's processes keep their blobs in, with --object-store. */
export const CLUSTER_BUCKET = 'facturflow';

export function readState(dir: string): ClusterState | undefined {
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, STATE_FILE), 'utf8'));
  } catch {
    return undefined;
  }
}

/** Stops every process state.json lists, the last started first; PostgreSQL last. */
export async function stopTopology(dir: string, progress?: (name: string) => void): Promise<number> {
  const state = readState(dir);
  if (!state) return 0;
  fs.writeFileSync(path.join(dir, STATE_FILE), JSON.stringify({ ...state, stopping: true }, null, 2) + '\n');
  const running = state.processes.filter(isSame);
  const order = (r: ProcessRecord) =>
    r.name === 'postgres' ? 3 : r.name.startsWith('temporal-') || r.name === 'seaweedfs' ? 2 : 1;
  for (const tier of [1, 2, 3]) {
    await Promise.all(
      running
        .filter((r) => order(r) === tier)
        .map(async (r) => {
          progress?.(r.name);
          await stop(r);
        }),
    );
  }
  fs.rmSync(path.join(dir, STATE_FILE), { force: true });
  return running.length;
}

/** The ports this process has handed out: each is free when chosen, and released until its service binds it. */
const handedOut = new Set<number>();

/**
 * A TCP port free on loopback right now and not handed out before by this process (no `below`: any;
 * else a random one between 20,000 and `below`).
 */
export async function freePort(below?: number): Promise<number> {
  for (let tries = 0; tries < 200; tries++) {
    const wanted = below ? 20_000 + Math.floor(Math.random() * (below - 20_000)) : 0;
    if (handedOut.has(wanted)) continue;
    const port = await listenOn(wanted).catch(() => 0);
    if (!port || handedOut.has(port)) continue;
    handedOut.add(port);
    return port;
  }
  throw new Error(`no free TCP port${below ? ` between 20000 and ${below}` : ''}`);
}

function listenOn(port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

// Temporal keeps its services' ports in its membership table as PostgreSQL smallint.
const TEMPORAL_PORT_LIMIT = 32_767;

export class Topology {
  private readonly specs = new Map<string, ProcessSpec>();
  private build!: TemporalBuild;
  /** Set once the namespace takes workflows: from then on, the history service is probed with a start. */
  private namespaceReady = false;
  state!: ClusterState;

  private constructor(readonly opts: TopologyOptions) {}

  /** Starts the whole topology; on failure, stops what was started and throws with the culprit's log. */
  static async start(opts: TopologyOptions): Promise<Topology> {
    const running = readState(opts.dir)?.processes.filter(isSame) ?? [];
    if (running.length > 0)
      throw new Error(
        `a cluster is already running from ${opts.dir} (${running.map((r) => `${r.name} pid ${r.pid}`).join(', ')}): ` +
          'stop it first (npm run cluster -- --down)',
      );
    const topology = new Topology(opts);
    try {
      await topology.bringUp();
      return topology;
    } catch (err) {
      await topology.stop().catch(() => undefined);
      throw err;
    }
  }

  get namespace(): string {
    return this.opts.namespace ?? 'default';
  }
  get temporalAddress(): string {
    return `127.0.0.1:${this.state.ports.temporal.frontend.grpc}`;
  }
  get loadBalancerUrl(): string {
    return `http://127.0.0.1:${this.state.ports.loadBalancer}`;
  }
  get databaseUrl(): string {
    return postgresUrl(this.state.ports.postgres, 'facturflow');
  }
  get dataDir(): string {
    return path.join(this.opts.dir, 'data');
  }
  /** The S3 endpoint of the object store, when the cluster has one. */
  get objectStoreUrl(): string | undefined {
    const ports = this.state.ports.objectStore;
    return ports && `http://127.0.0.1:${ports.s3}`;
  }
  private get objectStoreDir(): string {
    return path.join(this.opts.dir, 'seaweedfs');
  }
  get workerNames(): string[] {
    return Array.from({ length: this.opts.workers }, (_, i) => `worker-${i + 1}`);
  }
  get apiNames(): string[] {
    return Array.from({ length: this.opts.apis }, (_, i) => `api-${i + 1}`);
  }
  apiUrl(name: string): string {
    return `http://127.0.0.1:${this.state.ports.apis[this.apiNames.indexOf(name)]}`;
  }
  record(name: string): ProcessRecord {
    const r = this.state.processes.find((p) => p.name === name);
    if (!r) throw new Error(`no process named ${name} in this cluster`);
    return r;
  }

  /** A crash: SIGKILL, no chance to finish anything. */
  kill(name: string): void {
    process.kill(this.record(name).pid, 'SIGKILL');
  }

  /** Starts a process of the topology again (after a kill), and waits until it serves. */
  async restart(name: string): Promise<void> {
    const spec = this.specs.get(name);
    if (!spec) throw new Error(`no process named ${name} in this cluster`);
    const old = this.record(name);
    if (isSame(old)) await stop(old);
    await this.startProcess(spec);
  }

  async stop(): Promise<void> {
    await stopTopology(this.opts.dir);
  }

  private async step<T>(step: string, work: () => Promise<T> | T): Promise<T> {
    const started = Date.now();
    this.opts.progress?.({ step, phase: 'start', ms: 0 });
    const result = await work();
    this.opts.progress?.({ step, phase: 'done', ms: Date.now() - started });
    return result;
  }

  private save(): void {
    fs.writeFileSync(path.join(this.opts.dir, STATE_FILE), JSON.stringify(this.state, null, 2) + '\n');
  }

  private async bringUp(): Promise<void> {
    const { dir } = this.opts;
    fs.mkdirSync(path.join(dir, 'data'), { recursive: true });
    // PostgreSQL may run as another user (see postgres.ts): it must be able to reach its data directory.
    fs.chmodSync(dir, 0o755);
    if (this.opts.objectStore && !weedBinary()) throw new Error(`--object-store: ${WEED_MISSING}`);
    this.build = await this.step('Temporal server (built once per machine)', () => temporalBuild());
    this.state = await this.allocatePorts();
    this.save();
    const pg: PostgresSettings = {
      dataDir: path.join(dir, 'postgres'),
      port: this.state.ports.postgres,
      durable: this.opts.durable,
    };
    await this.step('PostgreSQL', async () => {
      initPostgres(pg);
      await this.startProcess(postgresProcess(pg));
      await createDatabases(pg.port, [TEMPORAL_DATABASE, VISIBILITY_DATABASE, 'facturflow']);
    });
    if (this.opts.objectStore)
      await this.step('object store (SeaweedFS, S3 gateway)', () =>
        this.startProcess(this.objectStoreProcess()),
      );
    await this.step('Temporal schema (persistence and visibility)', () => setupSchemas(this.build, pg.port));
    await this.step('Temporal services frontend, history, matching', () => this.startTemporal());
    await this.step('namespace and search attributes', () => this.prepareNamespace());
    await this.step('Temporal worker service', () => this.startProcess(this.temporalProcess('worker')));
    await this.step('facturflow build and database migration', () => this.migrate());
    await this.step(`${this.opts.workers} workers, ${this.opts.apis} API processes`, () =>
      Promise.all([...this.workerNames, ...this.apiNames].map((n) => this.startProcess(this.roleProcess(n)))),
    );
    await this.step('load balancer (HAProxy)', () => this.startLoadBalancer());
  }

  private async allocatePorts(): Promise<ClusterState> {
    const temporal = {} as Record<TemporalService, ServicePorts>;
    for (const name of TEMPORAL_SERVICES)
      temporal[name] = {
        grpc: await freePort(TEMPORAL_PORT_LIMIT),
        membership: await freePort(TEMPORAL_PORT_LIMIT),
        http: name === 'frontend' ? await freePort(TEMPORAL_PORT_LIMIT) : undefined,
      };
    const apis: number[] = [];
    for (let i = 0; i < this.opts.apis; i++) apis.push(await freePort());
    return {
      dir: this.opts.dir,
      startedAt: new Date().toISOString(),
      temporalVersion: this.build.version,
      namespace: this.namespace,
      ports: {
        postgres: await freePort(),
        loadBalancer: this.opts.port || (await freePort()),
        apis,
        temporal,
        objectStore: this.opts.objectStore ? await this.objectStorePorts() : undefined,
      },
      processes: [],
    };
  }

  private async objectStorePorts(): Promise<WeedPorts> {
    const ports = new Set<number>();
    while (ports.size < WEED_PORT_NAMES.length) ports.add(await freePort());
    const free = [...ports];
    return Object.fromEntries(WEED_PORT_NAMES.map((name, i) => [name, free[i]])) as unknown as WeedPorts;
  }

  /** SeaweedFS with its data and identity file under dir/seaweedfs (new credentials on each start). */
  private objectStoreProcess(): ProcessSpec {
    const dir = this.objectStoreDir;
    fs.mkdirSync(dir, { recursive: true });
    const configFile = path.join(dir, 's3.json');
    writeIdentity(configFile);
    return {
      name: 'seaweedfs',
      command: weedBinary()!,
      args: weedServerArgs(dir, this.state.ports.objectStore!, configFile),
      cwd: dir,
    };
  }

  private objectStoreEnv(): NodeJS.ProcessEnv {
    const endpoint = this.objectStoreUrl;
    if (!endpoint) return {};
    const { accessKeyId, secretAccessKey } = readIdentity(path.join(this.objectStoreDir, 's3.json'));
    return {
      BLOB_STORE: 's3',
      S3_ENDPOINT: endpoint,
      S3_BUCKET: CLUSTER_BUCKET,
      S3_ACCESS_KEY_ID: accessKeyId,
      S3_SECRET_ACCESS_KEY: secretAccessKey,
    };
  }

  private temporalProcess(service: TemporalService): ProcessSpec {
    return {
      name: `temporal-${service}`,
      command: this.build.server,
      args: [
        '--config-file',
        path.join(this.opts.dir, 'temporal.yaml'),
        '--allow-no-auth',
        'start',
        '--service',
        service,
      ],
    };
  }

  private async startTemporal(): Promise<void> {
    const dynamicConfigFile = path.join(this.opts.dir, 'temporal-dynamic.yaml');
    fs.writeFileSync(dynamicConfigFile, temporalDynamicConfig());
    fs.writeFileSync(
      path.join(this.opts.dir, 'temporal.yaml'),
      temporalServerConfig({
        postgres: { host: '127.0.0.1', port: this.state.ports.postgres, user: 'postgres' },
        ports: this.state.ports.temporal,
        dynamicConfigFile,
        historyShards: 4,
        logLevel: 'warn',
      }),
    );
    // The first service to start writes the cluster's metadata: one, then the others.
    await this.startProcess(this.temporalProcess('frontend'));
    await Promise.all(
      (['history', 'matching'] as const).map((s) => this.startProcess(this.temporalProcess(s))),
    );
  }

  private async prepareNamespace(): Promise<void> {
    await registerNamespace(this.temporalAddress, this.namespace);
    await until(
      async () => {
        await registerSearchAttributes(this.temporalAddress, this.namespace);
        return acceptsWorkflows(this.temporalAddress, this.namespace);
      },
      120_000,
      () =>
        `Temporal does not take workflows in namespace ${this.namespace} after 120 s:\n${this.logs(['temporal-history', 'temporal-frontend'])}`,
      1000,
    );
    this.namespaceReady = true;
  }

  private roleEnv(): NodeJS.ProcessEnv {
    return {
      ...process.env,
      DATABASE_URL: this.databaseUrl,
      TEMPORAL_ADDRESS: this.temporalAddress,
      TEMPORAL_NAMESPACE: this.namespace,
      DATA_DIR: this.dataDir,
      HOST: '127.0.0.1',
      PUBLIC_URL: `http://localhost:${this.state.ports.loadBalancer}`,
      ...this.objectStoreEnv(),
      ...this.opts.roleEnv,
    };
  }

  private async migrate(): Promise<void> {
    // Built once here, so the role processes started together do not all build dist/ at once.
    for (const [what, args] of [
      ['build', [path.join(ROOT, 'scripts', 'build.js'), '--if-stale']],
      ['migration', [path.join(ROOT, 'bin', 'run.js'), 'migrate']],
    ] as const) {
      const r = spawnSync(process.execPath, args, { cwd: ROOT, env: this.roleEnv(), encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`facturflow ${what} failed:\n${r.stdout}${r.stderr}`);
    }
  }

  private roleProcess(name: string): ProcessSpec {
    const role = name.startsWith('api-') ? 'api' : 'worker';
    const env = roleEnv(role, this.roleEnv());
    if (role === 'api') env.PORT = String(this.state.ports.apis[this.apiNames.indexOf(name)]);
    return {
      name,
      command: process.execPath,
      args: [...roleNodeArgs(role), path.join(ROOT, 'bin', 'run.js'), role],
      cwd: ROOT,
      env,
    };
  }

  private async startLoadBalancer(): Promise<void> {
    const config = path.join(this.opts.dir, 'haproxy.cfg');
    fs.writeFileSync(config, haproxyConfig(this.state.ports.loadBalancer, this.state.ports.apis));
    await this.startProcess(haproxyProcess(config));
  }

  /** Launches a process, records it, and waits until it serves (or throws with its log if it exits). */
  private async startProcess(spec: ProcessSpec): Promise<void> {
    this.specs.set(spec.name, spec);
    const record = launch(this.opts.dir, spec);
    this.state.processes = [...this.state.processes.filter((p) => p.name !== spec.name), record];
    this.save();
    const ready = this.readiness(spec.name);
    await until(
      async () => {
        if (!isSame(record)) throw new Fatal(`${spec.name} exited:\n${tail(record.log)}`);
        return ready();
      },
      180_000,
      () => `${spec.name} not ready after 180 s:\n${tail(record.log)}`,
    );
  }

  private readiness(name: string): () => Promise<boolean> | boolean {
    const { ports } = this.state;
    if (name === 'postgres') return () => postgresReady(ports.postgres);
    if (name === 'temporal-frontend') return () => frontendReady(this.temporalAddress);
    if (name === 'temporal-history' && this.namespaceReady)
      return () => acceptsWorkflows(this.temporalAddress, this.namespace);
    if (name.startsWith('api-')) return () => healthy(this.apiUrl(name));
    if (name === 'haproxy') return () => healthy(this.loadBalancerUrl);
    if (name === 'seaweedfs') {
      const credentials = readIdentity(path.join(this.objectStoreDir, 's3.json'));
      return () => s3Serves(this.objectStoreUrl!, credentials, CLUSTER_BUCKET).catch(() => false);
    }
    if (name.startsWith('worker-')) {
      const taskQueue = this.roleEnv().TEMPORAL_TASK_QUEUE || 'facturflow';
      return () => pollsTaskQueue(this.temporalAddress, this.namespace, taskQueue, this.record(name).pid);
    }
    // matching, the worker service, and history before the namespace exists: up once their process
    // stays up a moment (the namespace step then waits until the cluster takes a workflow).
    const since = Date.now();
    return () => Date.now() - since > 2000;
  }

  private logs(names: string[]): string {
    return names.map((n) => `--- ${n}\n${tail(logFile(this.opts.dir, n), 15)}`).join('\n');
  }
}

async function healthy(url: string): Promise<boolean> {
  const res = await fetch(`${url}/health`, { signal: AbortSignal.timeout(2000) });
  return res.ok;
}
