"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.createCipher = createCipher;
exports.parseKey = parseKey;
exports.loadCipher = loadCipher;
const node_crypto_1 = __importDefault(require("node:crypto"));
const node_fs_1 = __importDefault(require("node:fs"));
const node_path_1 = __importDefault(require("node:path"));
const keyId = (key) => node_crypto_1.default.createHash('sha256').update(key).digest('hex').slice(0, 8);
function createCipher(current, previous = []) {
    for (const k of [current, ...previous]) {
        if (k.length !== 32)
            throw new Error('A credentials key must be 32 bytes (64 hex or 44 base64 characters).');
    }
    const keys = new Map([current, ...previous].map((k) => [keyId(k), k]));
    const currentId = keyId(current);
    return {
        seal(value) {
            const iv = node_crypto_1.default.randomBytes(12);
            const c = node_crypto_1.default.createCipheriv('aes-256-gcm', current, iv);
            const body = Buffer.concat([c.update(JSON.stringify(value), 'utf8'), c.final()]);
            return ['v1', currentId, iv, c.getAuthTag(), body]
                .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
                .join('.');
        },
        open(sealed) {
            const [version, id, iv, tag, body] = sealed.split('.');
            const key = keys.get(id);
            if (version !== 'v1' || !key)
                throw new Error(`No key can open these credentials (key id ${id}).`);
            const d = node_crypto_1.default.createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
            d.setAuthTag(Buffer.from(tag, 'base64url'));
            return JSON.parse(Buffer.concat([d.update(Buffer.from(body, 'base64url')), d.final()]).toString('utf8'));
        },
        isStale: (sealed) => sealed.split('.')[1] !== currentId,
    };
}
/** A key given as 64 hex characters or base64 of 32 bytes. */
function parseKey(text) {
    const t = text.trim();
    return /^[0-9a-f]{64}$/i.test(t) ? Buffer.from(t, 'hex') : Buffer.from(t, 'base64');
}
/**
 * The cipher of this installation: FACTURFLOW_SECRET_KEY when set (production), else a key made on
 * first start and kept in DATA_DIR/secret.key (mode 0600) so a development machine needs no setup.
 */
function loadCipher(opts) {
    const previous = (opts.previousKeys ?? []).map(parseKey);
    if (opts.secretKey)
        return createCipher(parseKey(opts.secretKey), previous);
    const file = node_path_1.default.join(opts.dataDir, 'secret.key');
    if (!node_fs_1.default.existsSync(file)) {
        node_fs_1.default.mkdirSync(opts.dataDir, { recursive: true });
        try {
            node_fs_1.default.writeFileSync(file, node_crypto_1.default.randomBytes(32).toString('hex') + '\n', { mode: 0o600, flag: 'wx' });
        }
        catch (err) {
            // Another process (the API beside the worker) made it first: use theirs.
            if (err.code !== 'EEXIST')
                throw err;
        }
    }
    return createCipher(parseKey(node_fs_1.default.readFileSync(file, 'utf8')), previous);
}
//# sourceMappingURL=credentials.js.map