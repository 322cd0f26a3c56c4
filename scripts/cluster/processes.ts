import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/**
 * The cluster's processes: each started in a process group of its own (Ctrl-C in the terminal reaches
 * the script, which stops them in order), its output appended to logs/<name>.log, its pid recorded in
 * state.json so `npm run cluster -- --down` finds it from another shell.
 */
export interface ProcessSpec {
  name: string;
  command: string;
  args: string[];
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Run as this user (PostgreSQL refuses to run as root). */
  uid?: number;
  gid?: number;
  /** The signal that stops it cleanly (PostgreSQL: SIGINT, its fast shutdown). */
  stopSignal?: NodeJS.Signals;
}

export interface ProcessRecord {
  name: string;
  pid: number;
  command: string;
  log: string;
  stopSignal: NodeJS.Signals;
}

export function logFile(dir: string, name: string): string {
  return path.join(dir, 'logs', `${name}.log`);
}

export function launch(dir: string, spec: ProcessSpec): ProcessRecord {
  const log = logFile(dir, spec.name);
  fs.mkdirSync(path.dirname(log), { recursive: true });
  const fd = fs.openSync(log, 'a');
  if (spec.uid !== undefined) fs.fchownSync(fd, spec.uid, spec.gid ?? spec.uid);
  const child = spawn(spec.command, spec.args, {
    cwd: spec.cwd,
    env: spec.env ?? process.env,
    stdio: ['ignore', fd, fd],
    detached: true,
    uid: spec.uid,
    gid: spec.gid,
  });
  fs.closeSync(fd);
  if (child.pid === undefined) throw new Error(`${spec.name}: could not start ${spec.command}`);
  // Not waited on by this script's event loop: the process lives until it is stopped.
  child.unref();
  child.on('error', () => undefined);
  return {
    name: spec.name,
    pid: child.pid,
    command: spec.command,
    log,
    stopSignal: spec.stopSignal ?? 'SIGTERM',
  };
}

export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Whether pid is still the process recorded (not a later one that reused the number). */
export function isSame(record: ProcessRecord): boolean {
  if (!alive(record.pid)) return false;
  try {
    const cmdline = fs.readFileSync(`/proc/${record.pid}/cmdline`, 'utf8');
    return cmdline.split('\0')[0] === record.command || cmdline.includes(record.command);
  } catch {
    // No /proc (not Linux): trust the pid.
    return true;
  }
}

export function signal(record: ProcessRecord, sig: NodeJS.Signals): void {
  try {
    process.kill(record.pid, sig);
  } catch {
    // already gone
  }
}

export async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (alive(pid) && !isZombie(pid)) {
    if (Date.now() > deadline) return false;
    await sleep(100);
  }
  return true;
}

function isZombie(pid: number): boolean {
  try {
    return /^\d+ \(.*\) Z/.test(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

/** Stops one process cleanly, and kills it when it does not stop in time. */
export async function stop(record: ProcessRecord, timeoutMs = 15_000): Promise<void> {
  if (!isSame(record)) return;
  signal(record, record.stopSignal);
  if (await waitForExit(record.pid, timeoutMs)) return;
  signal(record, 'SIGKILL');
  await waitForExit(record.pid, 5_000);
}

/** The last lines of a process's log, for an error message. */
export function tail(log: string, lines = 30): string {
  try {
    return fs.readFileSync(log, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no output)';
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Polls until check() answers true; throws with what() when it has not by the deadline. A check that
 * throws counts as "not yet", except when the error is Fatal.
 */
export async function until(
  check: () => Promise<boolean> | boolean,
  timeoutMs: number,
  what: () => string,
  intervalMs = 250,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if (await check()) return;
    } catch (err) {
      if (err instanceof Fatal) throw err;
    }
    if (Date.now() > deadline) throw new Error(what());
    await sleep(intervalMs);
  }
}

/** An error that ends an until() at once (a process that exited will not become ready). */
export class Fatal extends Error {}
