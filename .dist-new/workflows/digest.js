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
exports.notificationDigest = notificationDigest;
const wf = __importStar(require("@temporalio/workflow"));
const activity_retry_1 = require("./activity-retry");
const { dueNotificationDigests, sendNotificationDigest } = wf.proxyActivities({
    startToCloseTimeout: '1 minute',
    retry: (0, activity_retry_1.boundedRetry)(),
});
/**
 * The daily digest of new invoices, started once a day by the `notification-digest` schedule (at
 * NOTIFICATION_DIGEST_HOUR, Paris time). The notices wait in the database, not in this workflow, so a
 * worker restart loses none; each member's digest is one activity that sends it and marks its notices
 * sent, and a member with nothing held gets no email. `at` (the run's start unless given) bounds the
 * notices it takes: later ones wait for the next day's run.
 */
async function notificationDigest(input = {}) {
    const at = input.at ?? new Date(Date.now()).toISOString();
    let sent = 0;
    for (const recipient of await dueNotificationDigests({ at }))
        sent += await sendNotificationDigest({ ...recipient, at });
    return { at, sent };
}
//# sourceMappingURL=digest.js.map