"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.createServiceModeActivities = createServiceModeActivities;
const notices_1 = require("../service-mode/notices");
const onboarding_1 = require("../service-mode/onboarding");
/** Side effects of the service-mode workflows (technical-account reminders, connection onboarding). */
function createServiceModeActivities(deps) {
    return {
        /** Emails every main manager of the structure; answers how many were emailed. */
        sendPasswordExpiryReminder: (r) => (0, notices_1.sendPasswordExpiryReminder)(deps, r),
        /** The application's onboarding state, as managers and operators list it. */
        recordRaccordement: (r) => (0, onboarding_1.recordOnboarding)(deps, r),
    };
}
//# sourceMappingURL=service-mode.js.map