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
exports.awaitLinkUse = awaitLinkUse;
const wf = __importStar(require("@temporalio/workflow"));
const activity_retry_1 = require("./activity-retry");
const { sendAccountLink } = wf.proxyActivities({
    startToCloseTimeout: '30 seconds',
    retry: (0, activity_retry_1.boundedRetry)(),
});
/**
 * Emails a single-use link and waits until it is used (through `use`, whose validator checks the
 * token hash and expiry) or lapses. `resend` replaces the link with a new one: the old one stops
 * working at once. Shared by account activation and password reset, which differ only in what using
 * the link does.
 */
async function awaitLinkUse(o) {
    const validityMs = (o.input.linkValidityMinutes ?? 60) * 60_000;
    const { workflowId, runId } = wf.workflowInfo();
    let link;
    let using = false;
    let used = false;
    let resendAsked = false;
    let linksSent = 0;
    wf.setHandler(o.state, () => ({
        status: used ? 'USED' : link && Date.now() >= link.expiresAt ? 'EXPIRED' : 'WAITING',
        linksSent,
        expiresAt: link && new Date(link.expiresAt).toISOString(),
    }));
    wf.setHandler(o.resend, () => {
        resendAsked = true;
    });
    wf.setHandler(o.use, async (use) => {
        using = true;
        await o.consume(use, new Date().toISOString());
        used = true;
    }, {
        validator: (use) => {
            if (!link || using || used || use.tokenHash !== link.tokenHash) {
                throw wf.ApplicationFailure.nonRetryable('This link is not valid: wrong, already used, or replaced by a newer one.', 'TOKEN_INVALID');
            }
            if (Date.now() >= link.expiresAt) {
                throw wf.ApplicationFailure.nonRetryable('This link has expired; ask for a new one.', 'LINK_EXPIRED');
            }
        },
    });
    for (;;) {
        linksSent += 1;
        const expiresAt = Date.now() + validityMs;
        const { tokenHash } = await sendAccountLink({
            purpose: o.purpose,
            // The run id keeps keys apart when a later run reuses the workflow id (a re-sent expired link).
            linkKey: `${workflowId}/${runId}/${linksSent}`,
            userId: o.input.userId,
            email: o.input.email,
            firstName: o.input.firstName,
            sendTo: o.input.sendTo,
            linkUrl: o.input.linkUrl,
            expiresAt: new Date(expiresAt).toISOString(),
            validityMinutes: validityMs / 60_000,
        });
        link = { tokenHash, expiresAt };
        // A resend asked while this link was being sent is answered by this link.
        resendAsked = false;
        const answered = await wf.condition(() => using || resendAsked, Math.max(expiresAt - Date.now(), 1));
        if (using) {
            await wf.condition(() => used && wf.allHandlersFinished());
            return 'USED';
        }
        if (!answered)
            return 'EXPIRED';
    }
}
//# sourceMappingURL=emailed-link.js.map