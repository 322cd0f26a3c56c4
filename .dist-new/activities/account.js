"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.createAccountActivities = createAccountActivities;
const links_1 = require("../accounts/links");
/** Side effects of the account workflows (activation, password reset); each is safe to retry. */
function createAccountActivities(deps) {
    return {
        /** Makes a link token, records its hash and emails the link; answers the hash. */
        sendAccountLink: (l) => (0, links_1.sendAccountLink)(deps, l),
        /** The pending account becomes ACTIVE with its password hash; the link is marked used. */
        activateAccount: (c) => (0, links_1.activateWithLink)(deps.db, c),
        /** Sets the new password, lifts any sign-in lock and ends every session (once per link). */
        resetPassword: (c) => (0, links_1.resetPasswordWithLink)(deps.db, c),
    };
}
//# sourceMappingURL=account.js.map