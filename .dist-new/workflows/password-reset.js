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
exports.passwordResetState = exports.resendPasswordReset = exports.confirmPasswordReset = void 0;
exports.passwordReset = passwordReset;
const wf = __importStar(require("@temporalio/workflow"));
const emailed_link_1 = require("./emailed-link");
const activity_retry_1 = require("./activity-retry");
/** The person follows the reset link: token and new password, both hashed by the API. */
exports.confirmPasswordReset = wf.defineUpdate('confirmPasswordReset');
/** Another reset request while one is pending: a new link, the old one stops working. */
exports.resendPasswordReset = wf.defineSignal('resendPasswordReset');
exports.passwordResetState = wf.defineQuery('passwordResetState');
const { resetPassword } = wf.proxyActivities({
    startToCloseTimeout: '10 seconds',
    retry: (0, activity_retry_1.boundedRetry)(),
});
/**
 * Password reset (`account-reset/<email>`), the same single-use link as activation: using it sets the
 * new password, lifts a sign-in lock and ends every open session. Ends RESET or EXPIRED.
 */
async function passwordReset(input) {
    const outcome = await (0, emailed_link_1.awaitLinkUse)({
        purpose: 'reset',
        input,
        use: exports.confirmPasswordReset,
        resend: exports.resendPasswordReset,
        state: exports.passwordResetState,
        consume: (use, at) => resetPassword({ userId: input.userId, ...use, at }),
    });
    return outcome === 'USED' ? 'RESET' : 'EXPIRED';
}
//# sourceMappingURL=password-reset.js.map