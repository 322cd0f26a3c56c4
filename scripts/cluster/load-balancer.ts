import { execFileSync } from 'node:child_process';
import type { ProcessSpec } from './processes';

/**
 * HAProxy (Debian's package) in front of the API processes: round robin, each checked on /health every
 * second and taken out after two failures. A request whose connection to a dead process fails is sent
 * to another (retries + redispatch), so a crashed API process costs only the requests it was serving,
 * which answer 502 and are the client's to retry.
 */
export function haproxyConfig(listenPort: number, apiPorts: number[]): string {
  return [
    'global',
    '  maxconn 4096',
    '',
    'defaults',
    '  mode http',
    '  timeout connect 2s',
    // Deposits of large files and long-running listing requests.
    '  timeout client 300s',
    '  timeout server 300s',
    '  retries 3',
    '  option redispatch',
    // Only where the request never reached a process: a deposit half-done is the client's to retry.
    '  retry-on conn-failure',
    '',
    'frontend facturflow',
    `  bind 127.0.0.1:${listenPort}`,
    '  default_backend api',
    '',
    'backend api',
    '  balance roundrobin',
    '  option httpchk GET /health',
    '  http-check expect status 200',
    '  default-server inter 1s fall 2 rise 1',
    ...apiPorts.map((port, i) => `  server api-${i + 1} 127.0.0.1:${port} check`),
    '',
  ].join('\n');
}

export function haproxyBinary(): string {
  try {
    return execFileSync('sh', ['-c', 'command -v haproxy || ls /usr/sbin/haproxy'], { encoding: 'utf8' })
      .trim()
      .split('\n')[0];
  } catch {
    throw new Error(
      'HAProxy is needed as the load balancer in front of the API processes: install it ' +
        '(Debian: apt-get install -y haproxy) and run this again.',
    );
  }
}

export function haproxyProcess(configFile: string): ProcessSpec {
  // -db: stays in the foreground, so it is stopped like every other process of the cluster.
  return { name: 'haproxy', command: haproxyBinary(), args: ['-db', '-f', configFile] };
}
