"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.createDigestActivities = createDigestActivities;
const digest_1 = require("../invoicing/digest");
/** The daily digest of new invoices: who has one due, and sending one (notices marked sent in the same step). */
function createDigestActivities(deps) {
    return {
        /** Members and structures with new invoices held before `at` and not yet sent. */
        dueNotificationDigests: ({ at }) => (0, digest_1.dueDigests)(deps.db, new Date(at)),
        /** Sends one member's digest for one structure; a retry sends nothing twice. */
        sendNotificationDigest: ({ at, ...recipient }) => (0, digest_1.sendDigest)(deps, { ...recipient, at: new Date(at) }),
    };
}
//# sourceMappingURL=digest.js.map