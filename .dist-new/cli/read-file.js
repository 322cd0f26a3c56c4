"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.readFileOrFinding = readFileOrFinding;
const promises_1 = __importDefault(require("node:fs/promises"));
const check_1 = require("../invoice/check");
/** The file's bytes, or the finding that explains why they could not be read from disk. */
async function readFileOrFinding(file) {
    try {
        return await promises_1.default.readFile(file);
    }
    catch (err) {
        const code = err.code ?? 'EIO';
        return {
            rule: check_1.CHECK_RULES.fileUnreadable,
            severity: 'fatal',
            message: `${code}: cannot read ${file}: ${err.message}`,
        };
    }
}
//# sourceMappingURL=read-file.js.map