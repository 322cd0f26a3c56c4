"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.platformFinding = platformFinding;
exports.given = given;
/** Platform rules reject the deposit: every finding is fatal. Messages are French, then English. */
function platformFinding(rule, message, location) {
    return { rule, severity: 'fatal', message, ...(location ? { location } : {}) };
}
/** The trimmed text of an optional term, or undefined when it is absent or blank. */
function given(text) {
    const trimmed = text?.trim();
    return trimmed ? trimmed : undefined;
}
//# sourceMappingURL=finding.js.map