import { CredentialsRejected, RateLimited } from './contract';

export interface HttpOptions {
  baseUrl: string;
  requestsPerSecond: number;
  /** Per-request timeout: a hung ERP must not hold an activity past its heartbeat. */
  timeoutMs?: number;
  /** Aborts every call in flight (the activity was cancelled). */
  signal?: AbortSignal;
}

export interface HttpRequest {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: unknown;
}

export interface HttpResponse<T> {
  status: number;
  headers: Headers;
  body: T;
}

/**
 * The HTTP client every built-in connector uses: spaces requests to the vendor's rate limit and turns
 * the answers that matter to the sync into typed errors — 401/403 refused credentials (not
 * retryable), 429 with its Retry-After, 5xx and network failures as plain (retryable) errors.
 */
export function createHttpClient({ baseUrl, requestsPerSecond, timeoutMs = 30_000, signal }: HttpOptions) {
  const spacing = 1000 / requestsPerSecond;
  let nextSlot = 0;

  async function waitForSlot() {
    const now = Date.now();
    const at = Math.max(now, nextSlot);
    nextSlot = at + spacing;
    if (at > now) await new Promise((r) => setTimeout(r, at - now));
  }

  async function send(req: HttpRequest): Promise<Response> {
    await waitForSlot();
    const res = await fetch(new URL(req.path, baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`), {
      method: req.method ?? 'GET',
      headers: {
        accept: 'application/json',
        ...(req.body !== undefined && { 'content-type': 'application/json' }),
        ...req.headers,
      },
      body: req.body === undefined ? undefined : JSON.stringify(req.body),
      signal: signal
        ? AbortSignal.any([signal, AbortSignal.timeout(timeoutMs)])
        : AbortSignal.timeout(timeoutMs),
    });
    if (res.status === 401 || res.status === 403) {
      throw new CredentialsRejected(`The ERP refused the credentials (HTTP ${res.status}).`);
    }
    if (res.status === 429) throw new RateLimited(retryAfterSeconds(res.headers.get('retry-after')));
    if (!res.ok) throw new Error(`${req.method ?? 'GET'} ${req.path} answered HTTP ${res.status}`);
    return res;
  }

  return {
    async json<T>(req: HttpRequest): Promise<HttpResponse<T>> {
      const res = await send(req);
      const text = await res.text();
      return { status: res.status, headers: res.headers, body: (text ? JSON.parse(text) : undefined) as T };
    },
    async bytes(req: HttpRequest): Promise<Uint8Array> {
      return new Uint8Array(await (await send(req)).arrayBuffer());
    },
  };
}

export type HttpClient = ReturnType<typeof createHttpClient>;

/** Retry-After is seconds or an HTTP date; an unreadable one means a minute. */
function retryAfterSeconds(header: string | null): number {
  if (!header) return 60;
  if (/^\d+$/.test(header.trim())) return Number(header.trim());
  const at = Date.parse(header);
  return Number.isNaN(at) ? 60 : Math.max(0, Math.ceil((at - Date.now()) / 1000));
}
