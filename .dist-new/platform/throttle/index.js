"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.RateLimited = exports.CredentialsLocked = exports.DEFAULT_LOCKOUT = void 0;
exports.assertNotLocked = assertNotLocked;
exports.recordFailure = recordFailure;
exports.recordSuccess = recordSuccess;
exports.countRequest = countRequest;
const domain_error_1 = require("../domain-error");
const store = __importStar(require("./store"));
exports.DEFAULT_LOCKOUT = { freeFailures: 5, baseLockSeconds: 60, maxLockSeconds: 3600 };
/** Refused while the credential is locked: 429 CREDENTIALS_LOCKED with the seconds left (Retry-After). */
class CredentialsLocked extends domain_error_1.DomainError {
    retryAfterSeconds;
    constructor(retryAfterSeconds, field) {
        super('CREDENTIALS_LOCKED', `Too many failed attempts with these credentials: try again in ${retryAfterSeconds} s.`, { field, retryAfterSeconds });
        this.retryAfterSeconds = retryAfterSeconds;
    }
}
exports.CredentialsLocked = CredentialsLocked;
/** Throws CredentialsLocked while `key` is locked. */
async function assertNotLocked(db, key, now = new Date(), field) {
    const row = await store.findFailures(db, key);
    const until = row?.locked_until ? new Date(row.locked_until).getTime() : 0;
    if (until > now.getTime())
        throw new CredentialsLocked(Math.ceil((until - now.getTime()) / 1000), field);
}
/** Counts a wrong attempt; past the free ones, locks the credential for a doubling time. */
async function recordFailure(db, key, policy = exports.DEFAULT_LOCKOUT, now = new Date()) {
    const failures = await store.addFailure(db, key, now.toISOString());
    if (failures < policy.freeFailures)
        return;
    const seconds = Math.min(policy.maxLockSeconds, policy.baseLockSeconds * 2 ** Math.min(20, failures - policy.freeFailures));
    await store.lockUntil(db, key, new Date(now.getTime() + seconds * 1000).toISOString());
}
/** A right attempt: the count starts again. */
async function recordSuccess(db, key) {
    await store.clearFailures(db, key);
}
/** Refused over a rate limit: 429 RATE_LIMITED, Retry-After the seconds to the next window. */
class RateLimited extends domain_error_1.DomainError {
    retryAfterSeconds;
    constructor(retryAfterSeconds) {
        super('RATE_LIMITED', `Too many requests: try again in ${retryAfterSeconds} s.`, { retryAfterSeconds });
        this.retryAfterSeconds = retryAfterSeconds;
    }
}
exports.RateLimited = RateLimited;
/** Counts one request of `who` against the limit; throws RateLimited once over it. */
async function countRequest(db, limit, who, now = new Date()) {
    const seconds = Math.floor(now.getTime() / 1000);
    const windowStart = seconds - (seconds % 60);
    const hits = await store.hit(db, `${limit.name}:${who}`, windowStart);
    // One request in a hundred clears windows older than ten minutes.
    if (hits % 100 === 1)
        await store.dropWindowsBefore(db, windowStart - 600);
    if (hits > limit.perMinute)
        throw new RateLimited(windowStart + 60 - seconds);
}
//# sourceMappingURL=index.js.map