import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SimRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: http.IncomingHttpHeaders;
  body: unknown;
}

export interface SimResponse {
  status?: number;
  headers?: Record<string, string>;
  /** JSON body, or raw bytes (a PDF). */
  body?: unknown;
}

export type SimHandler = (req: SimRequest) => SimResponse | Promise<SimResponse>;

/** Failures injected into the next matching calls: a run of 429 (with Retry-After) or 5xx answers. */
export interface Fault {
  status: number;
  times: number;
  retryAfter?: string;
  /** Only calls whose path starts with this. */
  pathPrefix?: string;
  /** Only calls with these query parameters. */
  query?: Record<string, string>;
  /** Only calls with this method. */
  method?: string;
  /**
   * The call takes effect, then its answer is lost (a proxy's 502 after the vendor did the work): what a
   * crash between the vendor's write and the caller's own record of it looks like to the caller.
   */
  afterEffect?: boolean;
}

export interface Simulator {
  url: string;
  requests: SimRequest[];
  fail(fault: Fault): void;
  /** Calls to this path wait (recorded, unanswered) until `release()`: a worker can be killed meanwhile. */
  hold(path: string): void;
  release(): void;
  stop(): Promise<void>;
}

/**
 * A vendor API simulator on 127.0.0.1: routes by the handler, records every request, injects faults,
 * and closes by itself after `lifetimeMs` so a failed test cannot leave it running.
 */
export async function startSimulator(handler: SimHandler, lifetimeMs = 5 * 60_000): Promise<Simulator> {
  const requests: SimRequest[] = [];
  const faults: Fault[] = [];
  const held = new Set<string>();
  const waiting: (() => void)[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', async () => {
      const url = new URL(req.url ?? '/', 'http://sim');
      const text = Buffer.concat(chunks).toString('utf8');
      const r: SimRequest = {
        method: req.method ?? 'GET',
        path: url.pathname,
        query: url.searchParams,
        headers: req.headers,
        body: text ? JSON.parse(text) : undefined,
      };
      requests.push(r);
      if (held.has(r.path)) await new Promise<void>((resolve) => waiting.push(resolve));
      const fault = faults.find(
        (f) =>
          f.times > 0 &&
          (!f.pathPrefix || r.path.startsWith(f.pathPrefix)) &&
          (!f.method || f.method === r.method) &&
          Object.entries(f.query ?? {}).every(([k, v]) => r.query.get(k) === v),
      );
      let out: SimResponse;
      if (fault && !fault.afterEffect) {
        fault.times -= 1;
        out = injected(fault);
      } else {
        try {
          out = await handler(r);
        } catch (err) {
          out = { status: 500, body: { error: (err as Error).message } };
        }
        if (fault) {
          fault.times -= 1;
          out = injected(fault);
        }
      }
      const bytes = out.body instanceof Uint8Array;
      res.writeHead(out.status ?? 200, {
        'content-type': bytes ? 'application/pdf' : 'application/json',
        ...out.headers,
      });
      res.end(
        bytes ? Buffer.from(out.body as Uint8Array) : out.body === undefined ? '' : JSON.stringify(out.body),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const stop = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  setTimeout(() => void stop(), lifetimeMs).unref();
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    requests,
    fail: (f) => faults.push({ ...f }),
    hold: (path) => void held.add(path),
    release: () => {
      held.clear();
      waiting.splice(0).forEach((go) => go());
    },
    stop,
  };
}

const injected = (fault: Fault): SimResponse => ({
  status: fault.status,
  headers: fault.retryAfter ? { 'retry-after': fault.retryAfter } : {},
  body: { error: 'injected' },
});

/** A tiny valid-looking PDF: the ERP's own rendering of an invoice. */
export const samplePdf = (label: string) => Buffer.from(`%PDF-1.4\n% ${label}\n%%EOF\n`, 'latin1');
