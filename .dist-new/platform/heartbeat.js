"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.whileHeartbeating = whileHeartbeating;
const activity_1 = require("@temporalio/activity");
/**
 * Runs an activity's work while heartbeating at a steady pace, so Temporal notices a dead worker
 * within the heartbeat timeout while a slow but living one keeps its work. Call from an activity only.
 */
async function whileHeartbeating(work, { everyMs = 2000, details } = {}) {
    // The context is looked up at each beat, not before: work that ends within one beat (a service
    // called outside an activity, in a test) never needs one.
    const timer = setInterval(() => activity_1.Context.current().heartbeat(details?.()), everyMs);
    try {
        return await work();
    }
    finally {
        clearInterval(timer);
    }
}
//# sourceMappingURL=heartbeat.js.map