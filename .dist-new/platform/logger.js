"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.createLogger = createLogger;
const pino_1 = __importDefault(require("pino"));
/**
 * The one structured logger. Secrets never reach the output: credentials, tokens and bank details
 * are censored wherever they appear in a logged object.
 */
function createLogger(level = 'info', destination) {
    return (0, pino_1.default)({
        level,
        base: { service: 'facturflow' },
        redact: {
            paths: [
                'password',
                '*.password',
                'token',
                '*.token',
                'apiKey',
                '*.apiKey',
                'iban',
                '*.iban',
                '*.*.iban',
                'req.headers.authorization',
                'req.headers.cookie',
                'req.headers["cpro-account"]',
                // Service mode: OAuth2 client secrets and technical-account passwords.
                'client_secret',
                '*.client_secret',
                'clientSecret',
                '*.clientSecret',
                'req.body.client_secret',
            ],
            censor: '[redacted]',
        },
    }, destination);
}
//# sourceMappingURL=logger.js.map