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
exports.activationState = exports.resendActivation = exports.activate = void 0;
exports.accountActivation = accountActivation;
const wf = __importStar(require("@temporalio/workflow"));
const emailed_link_1 = require("./emailed-link");
const activity_retry_1 = require("./activity-retry");
/** The person follows the link: token and new password, both hashed by the API. */
exports.activate = wf.defineUpdate('activate');
/** A lost or expired link: send a new one, the old one stops working. */
exports.resendActivation = wf.defineSignal('resendActivation');
exports.activationState = wf.defineQuery('activationState');
const { activateAccount } = wf.proxyActivities({
    startToCloseTimeout: '10 seconds',
    retry: (0, activity_retry_1.boundedRetry)(),
});
/**
 * Account activation (`account/<email>`): emails a single-use link valid 60 minutes; the account
 * becomes ACTIVE with the password chosen through it. Ends ACTIVATED, or EXPIRED when the link
 * lapses without being re-sent (the account stays pending; a later resend starts a new run).
 */
async function accountActivation(input) {
    const outcome = await (0, emailed_link_1.awaitLinkUse)({
        purpose: 'activation',
        input,
        use: exports.activate,
        resend: exports.resendActivation,
        state: exports.activationState,
        consume: (use, at) => activateAccount({ userId: input.userId, ...use, at }),
    });
    return outcome === 'USED' ? 'ACTIVATED' : 'EXPIRED';
}
//# sourceMappingURL=account.js.map