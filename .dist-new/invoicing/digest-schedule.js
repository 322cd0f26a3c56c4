"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.DIGEST_SCHEDULE_ID = void 0;
exports.ensureDigestSchedule = ensureDigestSchedule;
const client_1 = require("@temporalio/client");
/** The Temporal schedule that starts the daily digest of new invoices. */
exports.DIGEST_SCHEDULE_ID = 'notification-digest';
/**
 * Creates the digest's schedule, or brings an existing one to the configured hour: every day at
 * `hour`:00 in Europe/Paris (Temporal follows the daylight-saving changes). Called at each worker
 * start, so changing NOTIFICATION_DIGEST_HOUR takes effect at the next restart.
 */
async function ensureDigestSchedule(client, { hour, taskQueue }) {
    const spec = { calendars: [{ hour, minute: 0 }], timezone: 'Europe/Paris' };
    const action = {
        type: 'startWorkflow',
        workflowType: 'notificationDigest',
        workflowId: 'notification-digest-run',
        taskQueue,
        args: [{}],
    };
    const handle = client.schedule.getHandle(exports.DIGEST_SCHEDULE_ID);
    try {
        await client.schedule.create({
            scheduleId: exports.DIGEST_SCHEDULE_ID,
            spec,
            action,
            policies: { overlap: client_1.ScheduleOverlapPolicy.SKIP, catchupWindow: '1 day' },
        });
    }
    catch (err) {
        if (!(err instanceof client_1.ScheduleAlreadyRunning))
            throw err;
        await handle.update((previous) => ({ ...previous, spec, action }));
    }
}
//# sourceMappingURL=digest-schedule.js.map