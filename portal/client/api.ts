/** The JSON API as the portal calls it: same-origin session cookie, X-CSRF-Token on unsafe methods. */

export interface Account {
  id: string;
  email: string;
  firstName?: string;
  lastName?: string;
  phone?: string;
  contactEmail?: string;
  siret?: string;
  status: string;
  operator: boolean;
}

/** An error answered by the API: `{error: {code, message, details}}`. */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

let csrfToken: string | undefined;
let current: Promise<{ account: Account; csrfToken: string } | undefined> | undefined;

/** The signed-in account, or undefined; remembers the CSRF token for later calls. */
export function session(): Promise<{ account: Account; csrfToken: string } | undefined> {
  current ??= fetch('/api/v1/sessions/current', { credentials: 'same-origin' }).then(async (res) => {
    if (!res.ok) return undefined;
    const body = (await res.json()) as { account: Account; csrfToken: string };
    csrfToken = body.csrfToken;
    return body;
  });
  return current;
}

export function rememberCsrf(token: string): void {
  csrfToken = token;
}

type Body = unknown;

/** Calls the API; a JSON body unless `body` is FormData or a Blob. Throws ApiFailure on an error answer. */
export async function api<T = unknown>(
  method: string,
  path: string,
  body?: Body,
  query?: string,
): Promise<T> {
  // The portal speaks French whatever the browser's own language: findings and refusals come back in French.
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': 'fr' };
  if (method !== 'GET') {
    if (!csrfToken) await session();
    if (csrfToken) headers['x-csrf-token'] = csrfToken;
  }
  let payload: BodyInit | undefined;
  if (body instanceof FormData) payload = body;
  else if (body instanceof Blob) {
    payload = body;
    headers['content-type'] = body.type || 'application/octet-stream';
  } else if (body !== undefined) {
    payload = JSON.stringify(body);
    headers['content-type'] = 'application/json';
  }
  const res = await fetch(`/api/v1${path}${query ? `?${query}` : ''}`, {
    method,
    headers,
    body: payload,
    credentials: 'same-origin',
  });
  if (res.status === 204) return undefined as T;
  const type = res.headers.get('content-type') ?? '';
  const data = type.includes('json') ? await res.json() : await res.text();
  if (!res.ok) {
    const e = (data as { error?: { code: string; message: string; details?: Record<string, unknown> } })
      .error;
    throw new ApiFailure(res.status, e?.code ?? 'HTTP_ERROR', e?.message ?? `HTTP ${res.status}`, e?.details);
  }
  return data as T;
}

/**
 * POSTs a file with its upload's progress (fetch reports none): `onProgress` receives the share sent,
 * from 0 to 1. Answers and fails as `api` does.
 */
export async function upload<T = unknown>(
  path: string,
  body: FormData,
  onProgress: (sent: number) => void,
  query?: string,
): Promise<T> {
  if (!csrfToken) await session();
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/v1${path}${query ? `?${query}` : ''}`);
    xhr.setRequestHeader('accept', 'application/json');
    if (csrfToken) xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      let data: { error?: { code: string; message: string; details?: Record<string, unknown> } } | undefined;
      try {
        data = JSON.parse(xhr.responseText);
      } catch {
        data = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(data as T);
      else
        reject(
          new ApiFailure(
            xhr.status,
            data?.error?.code ?? 'HTTP_ERROR',
            data?.error?.message ?? `HTTP ${xhr.status}`,
            data?.error?.details,
          ),
        );
    };
    xhr.onerror = () => reject(new TypeError('network error'));
    xhr.send(body);
  });
}

/** Invoice ids hold slashes: each segment is encoded, the slashes kept. */
export const invoicePath = (id: string) => id.split('/').map(encodeURIComponent).join('/');
