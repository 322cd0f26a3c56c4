"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.SCOPES = exports.TOKEN_LIFETIME_SECONDS = void 0;
exports.issueToken = issueToken;
exports.applicationOfToken = applicationOfToken;
const node_crypto_1 = __importDefault(require("node:crypto"));
const secrets_1 = require("../platform/secrets");
const store_1 = require("./store");
const throttle_1 = require("../platform/throttle");
/** Lifetime of an access token, as the State platform's OAuth server gives them. */
exports.TOKEN_LIFETIME_SECONDS = 3600;
/** Scopes a token may be asked for (PISTE clients ask `openid`); the default is `openid`. */
exports.SCOPES = ['openid', 'cpro'];
const DAY = 86_400_000;
/** client_credentials: the application's token, stored hashed, valid an hour. */
async function issueToken(db, clientId, clientSecret, scope) {
    // Wrong secrets lock the client id out, with a doubling wait (CREDENTIALS_LOCKED, 429).
    const key = `oauth-client:${clientId}`;
    await (0, throttle_1.assertNotLocked)(db, key, new Date(), 'client_secret');
    const app = await (0, store_1.findApplicationByClientId)(db, clientId);
    const given = Buffer.from((0, secrets_1.hashToken)(clientSecret));
    const expected = Buffer.from(app?.secret_hash ?? (0, secrets_1.hashToken)(node_crypto_1.default.randomUUID()));
    if (!app || app.mode === 'REVOKED' || !node_crypto_1.default.timingSafeEqual(given, expected)) {
        await (0, throttle_1.recordFailure)(db, key);
        return undefined;
    }
    await (0, throttle_1.recordSuccess)(db, key);
    const token = node_crypto_1.default.randomBytes(32).toString('base64url');
    await (0, store_1.insertToken)(db, {
        token_hash: (0, secrets_1.hashToken)(token),
        application_id: app.id,
        scope,
        expires_at: new Date(Date.now() + exports.TOKEN_LIFETIME_SECONDS * 1000).toISOString(),
    });
    // Expired tokens are of no use to anyone: cleared as new ones are issued.
    await (0, store_1.deleteTokensExpiredBefore)(db, new Date(Date.now() - DAY).toISOString());
    return { token };
}
/** The application a bearer token was issued to, while the token is valid. */
async function applicationOfToken(db, token) {
    const row = await (0, store_1.applicationOfTokenHash)(db, (0, secrets_1.hashToken)(token), new Date().toISOString());
    return row && { id: row.id, structureId: row.structure_id, mode: row.mode };
}
//# sourceMappingURL=oauth.js.map