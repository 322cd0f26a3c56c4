"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.createMailer = createMailer;
exports.wasSent = wasSent;
const node_crypto_1 = __importDefault(require("node:crypto"));
const nodemailer_1 = __importDefault(require("nodemailer"));
const outbox_1 = require("./outbox");
/**
 * The platform's mailer: SMTP when configured, else the development outbox. Every key it has sent
 * is remembered in `sent_emails`, so a retried activity never sends the same email twice.
 */
function createMailer({ db, mail, outboxDir, logger }) {
    const outbox = mail.smtp ? undefined : new outbox_1.Outbox(outboxDir);
    const transport = mail.smtp
        ? nodemailer_1.default.createTransport(smtpOptions(mail.smtp))
        : nodemailer_1.default.createTransport({ streamTransport: true, buffer: true });
    const mailer = {
        async send(email) {
            if (await wasSent(db, email.idempotencyKey))
                return;
            const hash = keyHash(email.idempotencyKey);
            const info = await transport.sendMail({
                from: mail.from,
                to: email.to,
                subject: email.subject,
                text: email.text,
                html: email.html,
                // Derived from the key: should a crash still let a message out twice, receivers can tell.
                messageId: `<${hash}@facturflow>`,
            });
            if (outbox)
                await outbox.write(`${Date.now()}-${hash.slice(0, 16)}`, info.message);
            await db('sent_emails')
                .insert({
                key_hash: hash,
                idempotency_key: email.idempotencyKey.slice(0, 500),
                recipient: email.to,
                subject: email.subject.slice(0, 300),
                sent_at: new Date().toISOString(),
            })
                .onConflict('key_hash')
                .ignore();
            // The subject and recipient only: bodies carry links with tokens.
            logger.info({ to: email.to, subject: email.subject, outbox: !!outbox }, 'email sent');
        },
    };
    return { mailer, outbox };
}
function smtpOptions(smtp) {
    if ('url' in smtp)
        return smtp.url;
    return {
        host: smtp.host,
        port: smtp.port,
        secure: smtp.secure,
        auth: smtp.user ? { user: smtp.user, pass: smtp.password } : undefined,
    };
}
/** Whether an email with this idempotency key has already gone out. */
async function wasSent(db, idempotencyKey) {
    return !!(await db('sent_emails')
        .where({ key_hash: keyHash(idempotencyKey) })
        .first());
}
function keyHash(idempotencyKey) {
    return node_crypto_1.default.createHash('sha256').update(idempotencyKey).digest('hex');
}
//# sourceMappingURL=mailer.js.map