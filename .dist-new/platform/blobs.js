"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.FsBlobStore = exports.BlobNotFoundError = void 0;
const node_crypto_1 = __importDefault(require("node:crypto"));
const promises_1 = __importDefault(require("node:fs/promises"));
const node_path_1 = __importDefault(require("node:path"));
class BlobNotFoundError extends Error {
    sha256;
    constructor(sha256) {
        super(`blob ${sha256} not found`);
        this.sha256 = sha256;
        this.name = 'BlobNotFoundError';
    }
}
exports.BlobNotFoundError = BlobNotFoundError;
const SHA256 = /^[0-9a-f]{64}$/;
/** Blobs as files under a directory (the default; an S3-compatible store is the scale-out option). */
class FsBlobStore {
    root;
    constructor(root) {
        this.root = root;
    }
    pathOf(sha256) {
        if (!SHA256.test(sha256))
            throw new BlobNotFoundError(sha256);
        return node_path_1.default.join(this.root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
    }
    async put(bytes, meta) {
        const sha256 = node_crypto_1.default.createHash('sha256').update(bytes).digest('hex');
        const file = this.pathOf(sha256);
        if (!(await this.has(sha256))) {
            await promises_1.default.mkdir(node_path_1.default.dirname(file), { recursive: true });
            // Write then rename, so a crash never leaves a half-written blob under its final name.
            const tmp = `${file}.${process.pid}.${node_crypto_1.default.randomBytes(4).toString('hex')}.tmp`;
            await promises_1.default.writeFile(tmp, bytes);
            await promises_1.default.rename(tmp, file);
        }
        return { sha256, size: bytes.byteLength, mediaType: meta.mediaType, filename: meta.filename };
    }
    async get(sha256) {
        try {
            return await promises_1.default.readFile(this.pathOf(sha256));
        }
        catch (err) {
            if (err.code === 'ENOENT')
                throw new BlobNotFoundError(sha256);
            throw err;
        }
    }
    async has(sha256) {
        try {
            await promises_1.default.access(this.pathOf(sha256));
            return true;
        }
        catch {
            return false;
        }
    }
}
exports.FsBlobStore = FsBlobStore;
//# sourceMappingURL=blobs.js.map