"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.cegidLoop = void 0;
const canonical_1 = require("../canonical");
const contract_1 = require("../contract");
const http_1 = require("../http");
/**
 * Cegid Loop: the `Ocp-Apim-Subscription-Key` and `x-apikey` (key:client_secret) headers on every call,
 * resources under `/loop-api-publiques/<resource>?codeDossier=...`. Invoices are the sales journal's
 * entries, read page by page and turned into invoices (revenue lines become invoice lines); the
 * customer's SIRET comes from its third-party record. Statuses go back through the asynchronous
 * `POST importJson`, whose outcome is polled until the import is done. A public buyer's engagement
 * number (BT-13) is the entry's external reference (`refExterne`), its code service (BT-10) the
 * entry's analytic section (`sectionAnalytique`).
 */
exports.cegidLoop = {
    manifest: {
        id: 'cegid-loop',
        name: 'Cegid Loop',
        version: '1.0.0',
        capabilities: ['listInvoices', 'pushStatus'],
        retry: { initialIntervalMs: 2000, maximumIntervalMs: 300_000 },
        rateLimit: { requestsPerSecond: 4 },
    },
    configSchema: {
        type: 'object',
        properties: {
            baseUrl: { type: 'string', format: 'uri' },
            codeDossier: { type: 'string', minLength: 1, maxLength: 50 },
            journal: { type: 'string', minLength: 1, default: 'VT' },
            importTimeoutMs: { type: 'integer', minimum: 100, default: 60_000 },
        },
        required: ['baseUrl', 'codeDossier'],
        additionalProperties: false,
    },
    credentialsSchema: {
        type: 'object',
        properties: {
            subscriptionKey: { type: 'string', minLength: 1 },
            apiKey: { type: 'string', minLength: 1 },
            clientSecret: { type: 'string', minLength: 1 },
        },
        required: ['subscriptionKey', 'apiKey', 'clientSecret'],
        additionalProperties: false,
    },
    settings: [
        {
            key: 'subscriptionKey',
            part: 'credentials',
            label: 'Clé d’abonnement',
            help: 'Portail développeurs Cegid : « Ocp-Apim-Subscription-Key » de votre abonnement.',
            type: 'secret',
            required: true,
        },
        {
            key: 'apiKey',
            part: 'credentials',
            label: 'Clé d’API',
            help: 'Dans Cegid Loop : Paramètres › Clés d’API.',
            type: 'secret',
            required: true,
        },
        {
            key: 'clientSecret',
            part: 'credentials',
            label: 'Secret client',
            help: 'Donné avec la clé d’API, une seule fois.',
            type: 'secret',
            required: true,
        },
        {
            key: 'baseUrl',
            part: 'config',
            label: 'Adresse du service Cegid Loop',
            help: 'L’adresse de l’API publique indiquée par Cegid pour votre abonnement.',
            type: 'url',
            required: true,
        },
        {
            key: 'codeDossier',
            part: 'config',
            label: 'Code du dossier',
            help: 'Le code du dossier comptable dans Cegid Loop.',
            type: 'text',
            required: true,
        },
        {
            key: 'journal',
            part: 'config',
            label: 'Journal des ventes',
            help: 'Le code du journal dont les écritures sont vos factures.',
            type: 'text',
            required: false,
            default: 'VT',
        },
        {
            key: 'importTimeoutMs',
            part: 'config',
            label: 'Attente d’un import de statut (millisecondes)',
            help: 'Au-delà, l’envoi du statut à Cegid Loop est réessayé.',
            type: 'number',
            required: false,
            default: 60_000,
        },
    ],
    open(ctx) {
        const config = ctx.config;
        const creds = ctx.credentials;
        const http = (0, http_1.createHttpClient)({
            baseUrl: config.baseUrl,
            requestsPerSecond: this.manifest.rateLimit.requestsPerSecond,
            signal: ctx.signal,
        });
        const headers = {
            'Ocp-Apim-Subscription-Key': creds.subscriptionKey,
            'x-apikey': `${creds.apiKey}:${creds.clientSecret}`,
        };
        const resource = (name, query = {}) => `loop-api-publiques/${name}?${new URLSearchParams({ codeDossier: config.codeDossier, ...query })}`;
        const get = async (path) => (await http.json({ path, headers })).body;
        const entries = new Map();
        return {
            async testConnection() {
                const dossier = await get(resource('dossier'));
                return { account: dossier.raisonSociale ?? config.codeDossier };
            },
            async listInvoices(cursor) {
                const page = cursor ? Number(cursor) : 1;
                const body = await get(resource('ecritures', {
                    journal: config.journal,
                    page: String(page),
                    ...(ctx.since && { dateDebut: ctx.since }),
                }));
                // The entry's detail lives in the listing; kept for getInvoice within this session.
                for (const e of body.ecritures)
                    entries.set(e.idEcriture, e);
                return {
                    invoices: body.ecritures.map((e) => ({ externalId: e.idEcriture })),
                    next: body.pageSuivante ? String(body.pageSuivante) : undefined,
                    resumeFrom: String(page),
                };
            },
            async getInvoice(externalId) {
                const entry = entries.get(externalId) ?? (await get(resource(`ecritures/${externalId}`)));
                const malformed = (why) => new contract_1.MalformedRecord(externalId, `Cegid Loop entry ${externalId}: ${why}`);
                if (!entry.numeroPiece ||
                    !/^\d{4}-\d{2}-\d{2}/.test(entry.datePiece ?? '') ||
                    !Array.isArray(entry.lignes)) {
                    throw malformed('numeroPiece, datePiece and lignes are required');
                }
                const customer = entry.lignes.find((l) => l.compte.startsWith('411'));
                const revenue = entry.lignes.filter((l) => l.compte.startsWith('7'));
                if (!customer || revenue.length === 0)
                    throw malformed('no customer (411) or revenue (7xx) line');
                const tiers = await get(resource(`tiers/${encodeURIComponent(entry.codeTiers)}`));
                // A credit note is booked the other way round: the customer is credited.
                const creditNote = customer.credit > customer.debit;
                try {
                    const invoice = (0, canonical_1.toCanonicalInvoice)({
                        number: entry.numeroPiece,
                        issueDate: entry.datePiece.slice(0, 10),
                        dueDate: entry.dateEcheance?.slice(0, 10),
                        currency: entry.devise ?? 'EUR',
                        creditNote,
                        buyer: {
                            name: tiers.raisonSociale,
                            siret: tiers.siret,
                            vatId: tiers.numeroTva,
                            serviceCode: entry.sectionAnalytique?.trim() || undefined,
                            engagementNumber: entry.refExterne?.trim() || undefined,
                        },
                        lines: revenue.map((l) => {
                            const quantity = l.quantite ?? 1;
                            return {
                                name: l.libelle,
                                quantity: String(quantity),
                                unitPrice: String(Math.abs(l.credit - l.debit) / quantity),
                                vatRate: String(l.tauxTva ?? 0),
                            };
                        }),
                        totalWithVat: String(Math.abs(customer.debit - customer.credit)),
                    }, ctx.supplier);
                    return { invoice };
                }
                catch (err) {
                    throw malformed(err.message);
                }
            },
            async pushStatus(externalId, status) {
                const { body } = await http.json({
                    method: 'POST',
                    path: resource('importJson'),
                    headers,
                    body: { type: 'STATUT_FACTURE', donnees: [{ idEcriture: externalId, statut: status }] },
                });
                const deadline = Date.now() + config.importTimeoutMs;
                for (;;) {
                    const state = await get(resource(`importJson/${body.idImport}`));
                    if (state.etat === 'TERMINE')
                        return;
                    if (state.etat === 'ERREUR')
                        throw new Error(`Cegid Loop refused the status import: ${state.message ?? ''}`);
                    if (Date.now() > deadline)
                        throw new Error(`Cegid Loop import ${body.idImport} still running`);
                    await new Promise((r) => setTimeout(r, 200));
                }
            },
        };
    },
};
//# sourceMappingURL=index.js.map