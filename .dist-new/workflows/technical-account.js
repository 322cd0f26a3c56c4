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
exports.remindersState = void 0;
exports.technicalAccountReminders = technicalAccountReminders;
const wf = __importStar(require("@temporalio/workflow"));
const activity_retry_1 = require("./activity-retry");
exports.remindersState = wf.defineQuery('remindersState');
const { sendPasswordExpiryReminder } = wf.proxyActivities({
    startToCloseTimeout: '30 seconds',
    retry: (0, activity_retry_1.boundedRetry)(),
});
const DAY = 86_400_000;
/**
 * Emails the structure's main managers before the technical account's password expires. Each
 * reminder is a timer to its date; a reminder whose date has passed when the run starts is skipped.
 * Resetting the password terminates this run and starts another with the new expiry.
 */
async function technicalAccountReminders(input) {
    const state = { expiresAt: input.expiresAt, sent: [] };
    wf.setHandler(exports.remindersState, () => state);
    const expiry = Date.parse(input.expiresAt);
    const { runId } = wf.workflowInfo();
    for (const days of [...input.remindDaysBefore].sort((a, b) => b - a)) {
        const wait = expiry - days * DAY - Date.now();
        if (wait < 0)
            continue;
        await wf.sleep(Math.max(wait, 1));
        await sendPasswordExpiryReminder({
            structureId: input.structureId,
            login: input.login,
            expiresAt: input.expiresAt,
            daysLeft: days,
            idempotencyKey: `technical-account/${input.structureId}/${runId}/${days}`,
        });
        state.sent.push(days);
    }
    return state;
}
//# sourceMappingURL=technical-account.js.map