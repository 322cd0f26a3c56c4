"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.readableFlow = readableFlow;
exports.recordFlowState = recordFlowState;
exports.depositedFlows = depositedFlows;
exports.reportOf = reportOf;
exports.frenchReason = frenchReason;
exports.reportPdf = reportPdf;
const pdf_lib_1 = require("pdf-lib");
const domain_error_1 = require("../platform/domain-error");
const store_1 = require("./store");
const messages_1 = require("../invoice/messages");
/** A flow its depositor (or an operator) may read; anyone else is told there is no such flow. */
async function readableFlow(db, numero, caller) {
    const flow = await (0, store_1.findFlow)(db, numero);
    if (!flow || (!caller.operator && flow.deposited_by !== caller.userId))
        throw new domain_error_1.DomainError('FLOW_NOT_FOUND', `No flow ${numero}.`, { field: 'params.numero' });
    return flow;
}
/** Moves a flow to a state as its workflow goes; a settled flow also gets its report. */
function recordFlowState(db, change) {
    return (0, store_1.updateFlowState)(db, change);
}
/** The flows a user deposited, newest first (the portal's "Suivi des flux"). */
function depositedFlows(db, userId) {
    return (0, store_1.flowsDepositedBy)(db, userId, 200);
}
/** The integration report of a settled flow. */
function reportOf(flow) {
    if (!flow.report)
        throw new domain_error_1.DomainError('FLOW_NOT_SETTLED', `Flow ${flow.numero} is ${flow.status}: its report comes once every invoice is settled.`, { field: 'params.numero' });
    const report = JSON.parse(flow.report);
    return {
        ...report,
        listeErreurDP: report.listeErreurDP.map((e) => ({
            ...e,
            libelleErreurDP: frenchReason(e.libelleErreurDP),
        })),
    };
}
/**
 * A refusal reason in French, whenever the report was settled: the reason is "RULE: message", several
 * joined by " | " (a rejection's findings) or one "CODE: message" (a refused deposit). Ids stay.
 */
function frenchReason(reason) {
    return reason
        .split(' | ')
        .map((part) => {
        const said = /^([A-Z][A-Z0-9_-]*): ([\s\S]*)$/.exec(part);
        if (!said)
            return part;
        const [, rule, message] = said;
        return `${rule} : ${(0, messages_1.localizeFinding)({ rule, message }, 'fr').message}`;
    })
        .join(' | ');
}
/** The integration report as a one-column PDF: the summary, then one paragraph per refused invoice. */
async function reportPdf(report) {
    const doc = await pdf_lib_1.PDFDocument.create();
    const font = await doc.embedFont(pdf_lib_1.StandardFonts.Helvetica);
    // The standard fonts only know WinAnsi: anything else in a reason is shown as '?'.
    const safe = (s) => s
        .replace(/[\u2018\u2019]/g, "'")
        .replace(/[\u201c\u201d]/g, '"')
        .replace(/[^\x20-\x7e\u00a0-\u00ff]/g, '?');
    let page = doc.addPage([595, 842]);
    let y = 800;
    const WIDTH = 515;
    /** Lines of at most WIDTH points, broken only between words: an identifier is never cut. */
    const lines = (text, size) => {
        const out = [];
        let line = '';
        for (const word of safe(text).split(/\s+/).filter(Boolean)) {
            const candidate = line ? `${line} ${word}` : word;
            if (!line || font.widthOfTextAtSize(candidate, size) <= WIDTH)
                line = candidate;
            else {
                out.push(line);
                line = word;
            }
        }
        return line ? [...out, line] : out;
    };
    const write = (text, size = 10) => {
        for (const line of lines(text, size)) {
            if (y < 50) {
                page = doc.addPage([595, 842]);
                y = 800;
            }
            // A single word wider than the page (never an identifier of ours) is set smaller, not cut.
            const fit = Math.min(size, (size * WIDTH) / font.widthOfTextAtSize(line, size));
            page.drawText(line, { x: 40, y, size: fit, font });
            y -= size + 4;
        }
    };
    write(`Compte rendu d'intégration du flux ${report.numeroFluxDepot}`, 14);
    write(`Syntaxe : ${report.syntaxeFlux} - État : ${report.etatCourantFlux}`);
    write(`Factures : ${report.nombreFactures} - intégrées : ${report.nombreFacturesIntegrees} - en erreur : ${report.listeErreurDP.length}`);
    for (const e of report.listeErreurDP) {
        y -= 6;
        write(`${e.fichier} - facture ${e.numeroDP || '?'} - fournisseur ${e.identifiantFournisseur || '?'} - destinataire ${e.identifiantDestinataire || '?'}`);
        write(e.libelleErreurDP, 9);
    }
    return doc.save();
}
//# sourceMappingURL=reports.js.map