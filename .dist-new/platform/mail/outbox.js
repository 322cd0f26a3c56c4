"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.Outbox = void 0;
const promises_1 = __importDefault(require("node:fs/promises"));
const node_path_1 = __importDefault(require("node:path"));
const mailparser_1 = require("mailparser");
const ID = /^[\w.-]+\.eml$/;
const recipients = (to) => to
    ? [to]
        .flat()
        .map((a) => a.text)
        .join(', ')
    : '';
/**
 * The development outbox: where email goes when no SMTP server is configured, one .eml file per
 * message, so a developer can open an activation link without a mail server.
 */
class Outbox {
    dir;
    constructor(dir) {
        this.dir = dir;
    }
    /** Writes one message whole (through a temporary file), so a listing never shows half of one. */
    async write(name, raw) {
        await promises_1.default.mkdir(this.dir, { recursive: true });
        const file = node_path_1.default.join(this.dir, `${name}.eml`);
        await promises_1.default.writeFile(`${file}.tmp`, raw);
        await promises_1.default.rename(`${file}.tmp`, file);
    }
    /** The messages, newest first. */
    async list() {
        const names = await promises_1.default.readdir(this.dir).catch(() => []);
        const entries = await Promise.all(names
            .filter((n) => ID.test(n))
            .map(async (id) => {
            const mail = await (0, mailparser_1.simpleParser)(await promises_1.default.readFile(node_path_1.default.join(this.dir, id)));
            return { id, to: recipients(mail.to), subject: mail.subject ?? '', date: mail.date?.toISOString() };
        }));
        return entries.sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''));
    }
    /** One message as it would have been sent (RFC 822), or undefined when there is none by that id. */
    async read(id) {
        if (!ID.test(id))
            return undefined;
        return promises_1.default.readFile(node_path_1.default.join(this.dir, id)).catch(() => undefined);
    }
    /** One message decoded (MIME, quoted-printable, charset), or undefined when there is none by that id. */
    async message(id) {
        const raw = await this.read(id);
        if (!raw)
            return undefined;
        const mail = await (0, mailparser_1.simpleParser)(raw);
        const text = mail.text ?? '';
        return {
            id,
            to: recipients(mail.to),
            subject: mail.subject ?? '',
            date: mail.date?.toISOString(),
            text,
            links: [...new Set(text.match(/https?:\/\/[^\s<>"]+/g) ?? [])],
        };
    }
}
exports.Outbox = Outbox;
//# sourceMappingURL=outbox.js.map