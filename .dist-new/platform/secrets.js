"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.PASSWORD_MIN_LENGTH = void 0;
exports.newToken = newToken;
exports.hashToken = hashToken;
exports.passwordProblem = passwordProblem;
exports.hashPassword = hashPassword;
exports.verifyPassword = verifyPassword;
const node_crypto_1 = __importDefault(require("node:crypto"));
const bcryptjs_1 = __importDefault(require("bcryptjs"));
/** A fresh random token for links and sessions (256 bits, URL-safe). */
function newToken() {
    return node_crypto_1.default.randomBytes(32).toString('base64url');
}
/**
 * How tokens are stored and compared: their sha-256. Tokens are long random values, so a fast hash
 * suffices (unlike passwords), and a leaked table or workflow history gives nothing usable.
 */
function hashToken(token) {
    return node_crypto_1.default.createHash('sha256').update(token).digest('hex');
}
exports.PASSWORD_MIN_LENGTH = 12;
/** Why a password is too weak, or undefined when it is acceptable. */
function passwordProblem(password) {
    if ([...password].length < exports.PASSWORD_MIN_LENGTH)
        return `The password must have at least ${exports.PASSWORD_MIN_LENGTH} characters.`;
    if (new Set(password).size < 4)
        return 'The password must not repeat the same few characters.';
    return undefined;
}
// bcrypt reads only the first 72 bytes: the password is pre-hashed (base64 of its sha-256, no NUL
// bytes) so every character counts.
const prehash = (password) => node_crypto_1.default.createHash('sha256').update(password).digest('base64');
function hashPassword(password) {
    return bcryptjs_1.default.hash(prehash(password), 12);
}
function verifyPassword(password, hash) {
    return bcryptjs_1.default.compare(prehash(password), hash);
}
//# sourceMappingURL=secrets.js.map