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
exports.sendAccountLink = sendAccountLink;
exports.activateWithLink = activateWithLink;
exports.resetPasswordWithLink = resetPasswordWithLink;
const mailer_1 = require("../platform/mail/mailer");
const templates_1 = require("../platform/mail/templates");
const secrets_1 = require("../platform/secrets");
const store = __importStar(require("./store"));
/**
 * Makes a link token, records its hash and emails the link; answers the hash. The token leaves only
 * inside the email: the workflow gets its hash. Safe to retry under the same link key.
 */
async function sendAccountLink({ db, mailer }, l) {
    const linkKeyHash = (0, secrets_1.hashToken)(l.linkKey);
    const emailKey = `account-link/${l.linkKey}`;
    // A retry after the email went out must answer the token that email carries.
    const issued = await store.issuedLinkToken(db, linkKeyHash);
    if (issued && (await (0, mailer_1.wasSent)(db, emailKey)))
        return { tokenHash: issued };
    // Not sent yet, so nobody holds the earlier token of this key: a fresh one replaces it.
    const token = (0, secrets_1.newToken)();
    const tokenHash = (0, secrets_1.hashToken)(token);
    await store.saveLinkToken(db, {
        linkKeyHash,
        userId: l.userId,
        purpose: l.purpose,
        tokenHash,
        expiresAt: l.expiresAt,
        createdAt: new Date().toISOString(),
    });
    const link = `${l.linkUrl}?${new URLSearchParams({ email: l.email, token })}`;
    const template = l.purpose === 'activation' ? templates_1.activationEmail : templates_1.passwordResetEmail;
    await mailer.send({
        to: l.sendTo,
        ...template({ firstName: l.firstName, link, validityMinutes: l.validityMinutes }),
        idempotencyKey: emailKey,
    });
    return { tokenHash };
}
/** The pending account becomes ACTIVE with its password hash; the link is marked used. */
async function activateWithLink(db, c) {
    await store.activateWithLink(db, c);
}
/**
 * Sets the new password, lifts any sign-in lock and ends every session. Done once per link: a retry
 * finds the link used and leaves sessions opened since then alone.
 */
async function resetPasswordWithLink(db, c) {
    await store.resetPasswordWithLink(db, c);
}
//# sourceMappingURL=links.js.map