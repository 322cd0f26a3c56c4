"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.evoliz = void 0;
const canonical_1 = require("../canonical");
const contract_1 = require("../contract");
const http_1 = require("../http");
// Tokens live about 20 minutes; a new one is asked for this long before the old one ends.
const TOKEN_MARGIN_MS = 2 * 60_000;
/**
 * Evoliz: `POST api/login` with the public and secret keys gives a bearer token (~20 min), renewed
 * before it expires and once more when the API says it has; invoices are listed page by page
 * following `links.next`, read one by one with their client's SIRET, and their PDF downloaded.
 * A paid invoice gets its payment recorded (`POST api/v1/invoices/{id}/payments`) unless the payments
 * listing (`GET api/v1/payments`) already shows it under our label. A public buyer's engagement
 * number (BT-13) is the invoice's `external_document_number`, its code service (BT-10) the code of
 * the invoice's analytic axis (`analytic.code`): Evoliz has no field named for either.
 */
exports.evoliz = {
    manifest: {
        id: 'evoliz',
        name: 'Evoliz',
        version: '1.0.0',
        capabilities: ['listInvoices', 'originalPdf', 'recordPayment'],
        retry: { initialIntervalMs: 1000, maximumIntervalMs: 60_000 },
        rateLimit: { requestsPerSecond: 10 },
    },
    configSchema: {
        type: 'object',
        properties: {
            baseUrl: { type: 'string', format: 'uri', default: 'https://www.evoliz.io/' },
            pageSize: { type: 'integer', minimum: 1, maximum: 100, default: 50 },
        },
        required: [],
        additionalProperties: false,
    },
    credentialsSchema: {
        type: 'object',
        properties: {
            public_key: { type: 'string', minLength: 1 },
            secret_key: { type: 'string', minLength: 1 },
        },
        required: ['public_key', 'secret_key'],
        additionalProperties: false,
    },
    settings: [
        {
            key: 'public_key',
            part: 'credentials',
            label: 'Clé publique',
            help: 'Dans Evoliz : Applications › Configuration de l’API, « Clé publique ».',
            type: 'secret',
            required: true,
        },
        {
            key: 'secret_key',
            part: 'credentials',
            label: 'Clé secrète',
            help: 'Affichée une seule fois par Evoliz quand vous créez la clé.',
            type: 'secret',
            required: true,
        },
        {
            key: 'baseUrl',
            part: 'config',
            label: 'Adresse du service Evoliz',
            help: 'Laissez l’adresse proposée, sauf indication contraire d’Evoliz.',
            type: 'url',
            required: false,
            default: 'https://www.evoliz.io/',
        },
        {
            key: 'pageSize',
            part: 'config',
            label: 'Factures lues par page',
            help: 'Entre 1 et 100 ; 50 convient à la plupart des comptes.',
            type: 'number',
            required: false,
            default: 50,
        },
    ],
    open(ctx) {
        const config = ctx.config;
        const keys = ctx.credentials;
        const http = (0, http_1.createHttpClient)({
            baseUrl: config.baseUrl,
            requestsPerSecond: this.manifest.rateLimit.requestsPerSecond,
            signal: ctx.signal,
        });
        let token;
        async function bearer() {
            if (!token || token.expiresAt - TOKEN_MARGIN_MS < Date.now()) {
                const { body } = await http.json({
                    method: 'POST',
                    path: 'api/login',
                    body: { public_key: keys.public_key, secret_key: keys.secret_key },
                });
                token = { value: body.access_token, expiresAt: Date.parse(body.expires_at) };
            }
            return token.value;
        }
        async function call(req, pdf = false) {
            for (let attempt = 0;; attempt++) {
                const headers = { authorization: `Bearer ${await bearer()}` };
                try {
                    return pdf ? await http.bytes({ ...req, headers }) : (await http.json({ ...req, headers })).body;
                }
                catch (err) {
                    if (!(err instanceof contract_1.CredentialsRejected) || attempt > 0)
                        throw err;
                    token = undefined;
                }
            }
        }
        const firstPage = () => `api/v1/invoices?per_page=${config.pageSize}&page=1`;
        /** Whether a payment with this label is already recorded on an invoice, on its pay date. */
        async function paymentRecorded(payment) {
            const day = encodeURIComponent(payment.date);
            let path = `api/v1/payments?typedoc=invoice&period=custom&date_min=${day}&date_max=${day}&per_page=100`;
            while (path) {
                const page = await call({ path });
                if (page.data.some((p) => p.label === payment.label))
                    return true;
                path = page.links.next ? relative(page.links.next) : undefined;
            }
            return false;
        }
        return {
            async testConnection() {
                await bearer();
                return { account: keys.public_key.slice(0, 4) + '…' };
            },
            async listInvoices(cursor) {
                const path = cursor ?? firstPage();
                const page = await call({ path });
                // Evoliz lists oldest first, so new invoices appear on the last page: the next sync re-reads it.
                const next = page.links.next ? relative(page.links.next) : undefined;
                return {
                    invoices: page.data.map((i) => ({ externalId: String(i.invoiceid) })),
                    next,
                    resumeFrom: path,
                };
            },
            async getInvoice(externalId) {
                const raw = await call({ path: `api/v1/invoices/${externalId}` });
                if (!raw.client?.clientid)
                    throw new contract_1.MalformedRecord(externalId, `Evoliz invoice ${externalId} has no client`);
                const client = await call({
                    path: `api/v1/clients/${raw.client.clientid}`,
                });
                const invoice = map(externalId, raw, client, ctx.supplier);
                const pdf = await call({ path: `api/v1/invoices/${externalId}/pdf` }, true);
                return { invoice, pdf };
            },
            async recordPayment(externalId, payment) {
                // Evoliz takes no idempotency key for a payment, and a retry after a lost answer (a crash
                // between Evoliz recording it and the platform noting it) would record it twice: our label,
                // the same on every attempt, is looked for among that day's invoice payments first.
                if (await paymentRecorded(payment))
                    return;
                await call({
                    method: 'POST',
                    path: `api/v1/invoices/${externalId}/payments`,
                    body: { paydate: payment.date, amount: Number(payment.amount), label: payment.label },
                });
            },
        };
    },
};
const given = (v) => (v && v.trim() ? v.trim() : undefined);
function relative(link) {
    const url = new URL(link, 'http://x/');
    return url.pathname.replace(/^\//, '') + url.search;
}
function map(externalId, raw, client, supplier) {
    try {
        if (!raw.document_number ||
            !/^\d{4}-\d{2}-\d{2}/.test(raw.documentdate ?? '') ||
            !Array.isArray(raw.items)) {
            throw new Error('document_number, documentdate and items are required');
        }
        return (0, canonical_1.toCanonicalInvoice)({
            number: raw.document_number,
            issueDate: raw.documentdate.slice(0, 10),
            dueDate: raw.duedate?.slice(0, 10),
            currency: raw.currency?.code ?? 'EUR',
            creditNote: false,
            buyer: {
                name: client.name,
                siret: client.business_number,
                vatId: client.vat_number,
                serviceCode: given(raw.analytic?.code),
                engagementNumber: given(raw.external_document_number),
            },
            lines: raw.items.map((item) => ({
                name: item.designation,
                quantity: String(item.quantity),
                unit: item.unit,
                // A rebate is a percentage off the unit price.
                unitPrice: String(item.unit_price_vat_exclude * (1 - (item.rebate ?? 0) / 100)),
                vatRate: String(item.vat_rate),
            })),
            totalWithVat: raw.total ? String(raw.total.vat_include) : undefined,
        }, supplier);
    }
    catch (err) {
        throw new contract_1.MalformedRecord(externalId, `Evoliz invoice ${externalId}: ${err.message}`);
    }
}
//# sourceMappingURL=index.js.map