"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.ConnectorUnreachable = void 0;
exports.createHttpClient = createHttpClient;
const node_http_1 = __importDefault(require("node:http"));
const node_https_1 = __importDefault(require("node:https"));
const public_host_1 = require("../platform/public-host");
const contract_1 = require("./contract");
/**
 * The ERP could not be reached or gave no usable answer (a network failure, a host that is not
 * public, an HTTP error other than 401/403/429, an answer that is not what was asked). The message is
 * the same whatever happened: what answered at a URL (or that nothing did) is never told back, so a
 * connection cannot be used to explore the network. Retryable, as the ERP may come back.
 */
class ConnectorUnreachable extends Error {
    code = 'CONNECTOR_UNREACHABLE';
    constructor() {
        super('The ERP could not be reached or gave no usable answer.');
        this.name = 'ConnectorUnreachable';
    }
}
exports.ConnectorUnreachable = ConnectorUnreachable;
const MAX_REDIRECTS = 5;
/**
 * The HTTP client every built-in connector uses: spaces requests to the vendor's rate limit and turns
 * the answers that matter to the sync into typed errors — 401/403 refused credentials (not
 * retryable), 429 with its Retry-After, anything else that failed as ConnectorUnreachable (retryable).
 * Only public hosts are called (platform/public-host.ts), the address connected to checked when
 * connecting; redirects are followed within the same host only, so credentials never go elsewhere.
 */
function createHttpClient({ baseUrl, requestsPerSecond, timeoutMs = 30_000, signal, maxResponseBytes = 64 * 1024 * 1024, }) {
    const spacing = 1000 / requestsPerSecond;
    let nextSlot = 0;
    async function waitForSlot() {
        const now = Date.now();
        const at = Math.max(now, nextSlot);
        nextSlot = at + spacing;
        if (at > now)
            await new Promise((r) => setTimeout(r, at - now));
    }
    async function send(req) {
        await waitForSlot();
        const abort = signal
            ? AbortSignal.any([signal, AbortSignal.timeout(timeoutMs)])
            : AbortSignal.timeout(timeoutMs);
        let url = new URL(req.path, baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`);
        let method = req.method ?? 'GET';
        let body = req.body === undefined ? undefined : JSON.stringify(req.body);
        const headers = {
            accept: 'application/json',
            ...(body !== undefined && { 'content-type': 'application/json' }),
            ...req.headers,
        };
        for (let hop = 0;; hop++) {
            const res = await exchange(url, { method, headers, body, signal: abort, maxResponseBytes });
            const location = res.headers.get('location');
            if (res.status < 300 || res.status >= 400 || !location)
                return judged(res);
            const next = new URL(location, url);
            if (hop >= MAX_REDIRECTS || next.hostname !== url.hostname || !/^https?:$/.test(next.protocol))
                throw new ConnectorUnreachable();
            if (res.status === 303 || ((res.status === 301 || res.status === 302) && method === 'POST')) {
                method = 'GET';
                body = undefined;
                delete headers['content-type'];
            }
            url = next;
        }
    }
    return {
        async json(req) {
            const res = await send(req);
            const text = res.body.toString('utf8');
            let body;
            try {
                body = (text ? JSON.parse(text) : undefined);
            }
            catch {
                // Never the parser's message: it quotes the start of whatever answered.
                throw new ConnectorUnreachable();
            }
            return { status: res.status, headers: res.headers, body };
        },
        async bytes(req) {
            return new Uint8Array((await send(req)).body);
        },
    };
}
/** 401/403 and 429 are told apart; any other failure is only "unreachable". */
function judged(res) {
    if (res.status === 401 || res.status === 403) {
        throw new contract_1.CredentialsRejected(`The ERP refused the credentials (HTTP ${res.status}).`);
    }
    if (res.status === 429)
        throw new contract_1.RateLimited(retryAfterSeconds(res.headers.get('retry-after')));
    if (res.status < 200 || res.status >= 300)
        throw new ConnectorUnreachable();
    return res;
}
/** One request and its whole answer, over a connection to an address checked when connecting. */
async function exchange(url, o) {
    const failed = (err) => {
        // The caller's cancellation stays what it is; everything else tells nothing of what happened.
        if (o.signal.aborted && o.signal.reason?.name === 'AbortError')
            return o.signal.reason;
        return err instanceof ConnectorUnreachable ? err : new ConnectorUnreachable();
    };
    try {
        (0, public_host_1.assertReachableLiteral)(url);
    }
    catch (err) {
        throw failed(err);
    }
    const transport = url.protocol === 'https:' ? node_https_1.default : url.protocol === 'http:' ? node_http_1.default : undefined;
    if (!transport)
        throw new ConnectorUnreachable();
    return new Promise((resolve, reject) => {
        const request = transport.request(url, { method: o.method, headers: o.headers, signal: o.signal, lookup: public_host_1.publicLookup }, (res) => {
            const chunks = [];
            let size = 0;
            res.on('data', (chunk) => {
                size += chunk.length;
                if (size > o.maxResponseBytes)
                    request.destroy(new ConnectorUnreachable());
                else
                    chunks.push(chunk);
            });
            res.on('error', (err) => reject(failed(err)));
            res.on('end', () => {
                const headers = new Headers();
                for (const [name, value] of Object.entries(res.headers)) {
                    for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value])
                        headers.append(name, v);
                }
                resolve({ status: res.statusCode ?? 0, headers, body: Buffer.concat(chunks) });
            });
        });
        request.on('error', (err) => reject(failed(err)));
        request.end(o.body);
    });
}
/** Retry-After is seconds or an HTTP date; an unreadable one means a minute. */
function retryAfterSeconds(header) {
    if (!header)
        return 60;
    if (/^\d+$/.test(header.trim()))
        return Number(header.trim());
    const at = Date.parse(header);
    return Number.isNaN(at) ? 60 : Math.max(0, Math.ceil((at - Date.now()) / 1000));
}
//# sourceMappingURL=http.js.map