"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MAX_JSON_DEPTH = void 0;
exports.checkJsonDepth = checkJsonDepth;
const domain_error_1 = require("./domain-error");
/** Deepest nesting of objects and arrays a JSON body may have: real requests need fewer than ten. */
exports.MAX_JSON_DEPTH = 64;
/**
 * Refuses (JSON_TOO_DEEP, 400) a JSON text nested deeper than `max`, by one pass over its bytes
 * before it is parsed: code that walks a parsed body recursively never meets a 50,000-deep one.
 */
function checkJsonDepth(text, max = exports.MAX_JSON_DEPTH) {
    let depth = 0;
    let inString = false;
    for (let i = 0; i < text.length; i++) {
        const c = text[i];
        if (inString) {
            if (c === 0x5c)
                i++;
            else if (c === 0x22)
                inString = false;
        }
        else if (c === 0x22)
            inString = true;
        else if (c === 0x7b || c === 0x5b) {
            if (++depth > max)
                throw new domain_error_1.DomainError('JSON_TOO_DEEP', `The JSON body is nested deeper than ${max} levels.`, {
                    field: 'body',
                });
        }
        else if (c === 0x7d || c === 0x5d)
            depth--;
    }
}
//# sourceMappingURL=json-depth.js.map