"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ENGAGEMENT_FIELD = exports.SERVICE_CODE_FIELD = exports.axonaut = void 0;
const canonical_1 = require("../canonical");
const contract_1 = require("../contract");
const http_1 = require("../http");
/**
 * Axonaut: every call carries the `userApiKey` header; `GET /api/v2/me` tests it. Invoices are listed
 * with the page number in the `page` header (an empty page ends the listing), credit notes are
 * invoices with a negative total, and the customer's SIRET comes from `/api/v2/companies/{id}`.
 * Axonaut documents no write-back of a buyer's status, so none is offered. Axonaut has no field of its
 * own for a public buyer's references: the invoice's custom fields named in SERVICE_CODE_FIELD and
 * ENGAGEMENT_FIELD carry the code service (BT-10) and the engagement number (BT-13).
 */
exports.axonaut = {
    manifest: {
        id: 'axonaut',
        name: 'Axonaut',
        version: '1.0.0',
        capabilities: ['listInvoices'],
        retry: { initialIntervalMs: 2000, maximumIntervalMs: 120_000 },
        rateLimit: { requestsPerSecond: 5 },
    },
    configSchema: {
        type: 'object',
        properties: { baseUrl: { type: 'string', format: 'uri', default: 'https://axonaut.com/' } },
        required: [],
        additionalProperties: false,
    },
    credentialsSchema: {
        type: 'object',
        properties: { userApiKey: { type: 'string', minLength: 8 } },
        required: ['userApiKey'],
        additionalProperties: false,
    },
    settings: [
        {
            key: 'userApiKey',
            part: 'credentials',
            label: 'Clé d’API Axonaut',
            help: 'Dans Axonaut : Paramètres › API, « Clé API » de l’utilisateur (8 caractères au moins).',
            type: 'secret',
            required: true,
        },
        {
            key: 'baseUrl',
            part: 'config',
            label: 'Adresse du service Axonaut',
            help: 'Laissez l’adresse proposée, sauf indication contraire d’Axonaut.',
            type: 'url',
            required: false,
            default: 'https://axonaut.com/',
        },
    ],
    open(ctx) {
        const { baseUrl } = ctx.config;
        const headers = { userApiKey: ctx.credentials.userApiKey };
        const http = (0, http_1.createHttpClient)({
            baseUrl,
            requestsPerSecond: this.manifest.rateLimit.requestsPerSecond,
            signal: ctx.signal,
        });
        const get = async (path, extra = {}) => (await http.json({ path, headers: { ...headers, ...extra } })).body;
        return {
            async testConnection() {
                const me = await get('api/v2/me');
                return { account: me.company?.name ?? me.email ?? 'Axonaut' };
            },
            async listInvoices(cursor) {
                const at = cursor ? JSON.parse(cursor) : { page: 1, updatedAfter: ctx.since };
                const query = at.updatedAfter ? `?updated_after=${encodeURIComponent(at.updatedAfter)}` : '';
                const rows = await get(`api/v2/invoices${query}`, { page: String(at.page) });
                const here = JSON.stringify(at);
                return {
                    invoices: rows.map((r) => ({ externalId: String(r.id) })),
                    next: rows.length > 0 ? JSON.stringify({ ...at, page: at.page + 1 }) : undefined,
                    // The listing is oldest first: the next sync looks again from the last page that had rows.
                    resumeFrom: rows.length > 0 || at.page === 1 ? here : JSON.stringify({ ...at, page: at.page - 1 }),
                };
            },
            async getInvoice(externalId) {
                const raw = await get(`api/v2/invoices/${externalId}`);
                const malformed = (why) => new contract_1.MalformedRecord(externalId, `Axonaut invoice ${externalId}: ${why}`);
                if (!raw.number ||
                    !/^\d{4}-\d{2}-\d{2}/.test(raw.date ?? '') ||
                    !Array.isArray(raw.invoice_lines) ||
                    !raw.company) {
                    throw malformed('number, date, company and invoice_lines are required');
                }
                const company = await get(`api/v2/companies/${raw.company.id}`);
                try {
                    const invoice = (0, canonical_1.toCanonicalInvoice)({
                        number: raw.number,
                        issueDate: raw.date.slice(0, 10),
                        dueDate: raw.due_date?.slice(0, 10),
                        currency: raw.currency ?? 'EUR',
                        creditNote: raw.total < 0,
                        buyer: {
                            name: company.name,
                            siret: company.siret,
                            vatId: company.intracommunity_number || undefined,
                            serviceCode: customField(raw, exports.SERVICE_CODE_FIELD),
                            engagementNumber: customField(raw, exports.ENGAGEMENT_FIELD),
                        },
                        lines: raw.invoice_lines.map((l) => ({
                            name: l.name,
                            quantity: String(Math.abs(l.quantity)),
                            unit: l.unit,
                            unitPrice: String(Math.abs(l.price)),
                            vatRate: rateOf(l),
                        })),
                        totalWithVat: String(raw.total),
                    }, ctx.supplier);
                    return { invoice };
                }
                catch (err) {
                    throw malformed(err.message);
                }
            },
        };
    },
};
/** The invoice custom fields holding the public buyer's code service (BT-10) and engagement number (BT-13). */
exports.SERVICE_CODE_FIELD = 'Code service';
exports.ENGAGEMENT_FIELD = 'Numéro d’engagement';
function customField(raw, name) {
    const value = raw.custom_fields?.[name];
    return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}
/** Axonaut lines carry amounts, not a rate: the rate is tax over base, rounded to the usual French rates' precision. */
function rateOf(l) {
    if (!l.total_pre_tax_amount)
        return '0';
    return String(Math.round((l.total_tax_amount / l.total_pre_tax_amount) * 1000) / 10);
}
//# sourceMappingURL=index.js.map