"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.transversesGroup = void 0;
const reports_1 = require("../../flows/reports");
const domain_error_1 = require("../../platform/domain-error");
const schema_1 = require("./schema");
const transverses_lists_1 = require("./transverses-lists");
const transverses_directory_1 = require("./transverses-directory");
const transverses_attachments_1 = require("./transverses-attachments");
const wire_1 = require("./wire");
/**
 * health-check: answered as the platform's gateway answers it ({body, statusCodeValue, statusCode}, no
 * codeRetour), whatever the request carries (one client sends the JSON body `null` with its GET).
 */
const healthCheck = {
    path: '/health-check',
    method: 'get',
    summary: 'The service answers {body, statusCodeValue: 200, statusCode: "OK"}',
    answer: (0, schema_1.object)({ body: schema_1.string, statusCodeValue: schema_1.integer, statusCode: schema_1.string }),
    bare: true,
    run: async () => ({ body: 'OK', statusCodeValue: 200, statusCode: 'OK' }),
};
/** A flow its depositor may read, else the platform's "no such flow". */
async function flowOf({ db }, numero, caller) {
    try {
        return await (0, reports_1.readableFlow)(db, numero, caller);
    }
    catch (err) {
        if (err instanceof domain_error_1.DomainError)
            throw new wire_1.CproError(wire_1.CODES.FLOW_NOT_FOUND, `Aucun flux ${numero}.`, 'numeroFluxDepot');
        throw err;
    }
}
const crRequest = (0, schema_1.request)({ numeroFluxDepot: { type: 'string', minLength: 1, maxLength: 64 }, syntaxeFlux: schema_1.string }, ['numeroFluxDepot']);
/** consulterCR: a flow's state, with its integration report as a PDF once every invoice is settled. */
const consulterCR = {
    path: '/consulterCR',
    summary: 'A flow’s state, and its report (PDF, base64) once settled',
    request: crRequest,
    answer: (0, schema_1.answer)({
        numeroFluxDepot: schema_1.string,
        syntaxeFlux: schema_1.string,
        codeInterfaceFlux: schema_1.string,
        etatCourantFlux: schema_1.string,
        dateDepotFlux: schema_1.timestamp,
        dateHeureEtatCourantFlux: schema_1.timestamp,
        nomFichier: (0, schema_1.nullable)(schema_1.string),
        nomFichierFlux: (0, schema_1.nullable)(schema_1.string),
        fichierCR: (0, schema_1.nullable)(schema_1.base64),
    }),
    run: async (deps, b, ctx) => {
        const flow = await flowOf(deps, b.numeroFluxDepot, ctx.caller);
        return {
            numeroFluxDepot: flow.numero,
            syntaxeFlux: flow.syntax,
            codeInterfaceFlux: flow.syntax,
            etatCourantFlux: flow.status,
            dateDepotFlux: new Date(flow.deposited_at).toISOString(),
            dateHeureEtatCourantFlux: new Date(flow.updated_at).toISOString(),
            nomFichier: flow.filename ?? null,
            nomFichierFlux: flow.filename ?? null,
            fichierCR: flow.report ? Buffer.from(await (0, reports_1.reportPdf)((0, reports_1.reportOf)(flow))).toString('base64') : null,
        };
    },
};
/** consulterCRDetaille: a flow's state and, once settled, each refused invoice with why. */
const consulterCRDetaille = {
    path: '/consulterCRDetaille',
    summary: 'A flow’s state and per-invoice errors (listeErreurDP)',
    request: crRequest,
    answer: (0, schema_1.answer)({
        numeroFluxDepot: schema_1.string,
        syntaxeFlux: schema_1.string,
        etatCourantDepotFlux: schema_1.string,
        etatCourantFlux: schema_1.string,
        codeInterfaceDepotFlux: schema_1.string,
        dateDepotFlux: schema_1.timestamp,
        dateHeureEtatCourantFlux: schema_1.timestamp,
        nomFichier: (0, schema_1.nullable)(schema_1.string),
        nombreFactures: (0, schema_1.nullable)(schema_1.integer),
        nombreFacturesIntegrees: (0, schema_1.nullable)(schema_1.integer),
        listeErreurDP: (0, schema_1.list)((0, schema_1.object)({
            numeroDP: (0, schema_1.nullable)(schema_1.string),
            identifiantFournisseur: (0, schema_1.nullable)(schema_1.string),
            identifiantDestinataire: (0, schema_1.nullable)(schema_1.string),
            libelleErreurDP: schema_1.string,
        })),
        listeErreurTechnique: (0, schema_1.list)((0, schema_1.object)({ codeErreur: schema_1.string, natureErreur: schema_1.string, libelleErreur: schema_1.string })),
    }),
    run: async (deps, b, ctx) => {
        const flow = await flowOf(deps, b.numeroFluxDepot, ctx.caller);
        const report = flow.report ? (0, reports_1.reportOf)(flow) : undefined;
        return {
            numeroFluxDepot: flow.numero,
            syntaxeFlux: flow.syntax,
            etatCourantDepotFlux: flow.status,
            etatCourantFlux: flow.status,
            codeInterfaceDepotFlux: flow.syntax,
            dateDepotFlux: new Date(flow.deposited_at).toISOString(),
            dateHeureEtatCourantFlux: new Date(flow.updated_at).toISOString(),
            nomFichier: flow.filename ?? null,
            nombreFactures: report?.nombreFactures ?? flow.invoice_count ?? null,
            nombreFacturesIntegrees: report?.nombreFacturesIntegrees ?? null,
            listeErreurDP: (report?.listeErreurDP ?? []).map((e) => ({
                numeroDP: e.numeroDP ?? null,
                identifiantFournisseur: e.identifiantFournisseur ?? null,
                identifiantDestinataire: e.identifiantDestinataire ?? null,
                libelleErreurDP: e.libelleErreurDP,
            })),
            listeErreurTechnique: flow.status === 'IN_INCIDENTE'
                ? [
                    {
                        codeErreur: 'IN_INCIDENTE',
                        natureErreur: 'TECHNIQUE',
                        libelleErreur: 'Incident technique : renvoyez le flux.',
                    },
                ]
                : [],
        };
    },
};
/** /cpro/transverses/v1: reference lists, the directory, attachments, flow reports, health check. */
exports.transversesGroup = {
    name: 'transverses',
    operations: [
        healthCheck,
        ...transverses_lists_1.referenceListOperations,
        ...transverses_directory_1.directoryOperations,
        ...transverses_attachments_1.attachmentOperations,
        consulterCR,
        consulterCRDetaille,
    ],
};
//# sourceMappingURL=transverses.js.map