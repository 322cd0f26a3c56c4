import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { Db } from '../platform/db';
import { DomainError } from '../platform/domain-error';
import { findFlow, flowsDepositedBy, updateFlowState } from './store';
import type { FlowRecord, FlowReport, FlowStateChange } from './types';
import { localizeFinding } from '../invoice/messages';
import { DocumentTooComplexError } from '../invoice/errors';
import { documentPool } from '../platform/document-pool';

/** A flow its depositor (or an operator) may read; anyone else is told there is no such flow. */
export async function readableFlow(
  db: Db,
  numero: string,
  caller: { userId: string; operator: boolean },
): Promise<FlowRecord> {
  const flow = await findFlow(db, numero);
  if (!flow || (!caller.operator && flow.deposited_by !== caller.userId))
    throw new DomainError('FLOW_NOT_FOUND', `No flow ${numero}.`, { field: 'params.numero' });
  return flow;
}

/** Moves a flow to a state as its workflow goes; a settled flow also gets its report. */
export function recordFlowState(db: Db, change: FlowStateChange): Promise<void> {
  return updateFlowState(db, change);
}

/** The flows a user deposited, newest first (the portal's "Suivi des flux"). */
export function depositedFlows(db: Db, userId: string): Promise<FlowRecord[]> {
  return flowsDepositedBy(db, userId, 200);
}

/** The integration report of a settled flow. */
export function reportOf(flow: Pick<FlowRecord, 'numero' | 'status' | 'report'>): FlowReport {
  if (!flow.report)
    throw new DomainError(
      'FLOW_NOT_SETTLED',
      `Flow ${flow.numero} is ${flow.status}: its report comes once every invoice is settled.`,
      { field: 'params.numero' },
    );
  const report = JSON.parse(flow.report) as FlowReport;
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
export function frenchReason(reason: string): string {
  return reason
    .split(' | ')
    .map((part) => {
      const said = /^([A-Z][A-Z0-9_-]*): ([\s\S]*)$/.exec(part);
      if (!said) return part;
      const [, rule, message] = said;
      return `${rule} : ${localizeFinding({ rule, message }, 'fr').message}`;
    })
    .join(' | ');
}

/**
 * The integration report as a one-column PDF: the summary, then one paragraph per refused invoice,
 * dated `drawnAt` (its creation and modification dates). Drawn in a thread of the document pool,
 * under one document's budget (DOCUMENT_TOO_COMPLEX past it).
 */
export function reportPdf(report: FlowReport, drawnAt = new Date()): Promise<Uint8Array> {
  return documentPool()
    .render<Uint8Array>({
      module: __filename,
      entry: 'drawReportPdf',
      args: [report, drawnAt.toISOString()],
    })
    .catch((err: Error) => {
      if (!(err instanceof DocumentTooComplexError)) throw err;
      throw new DomainError(
        err.code,
        `The report of flow ${report.numeroFluxDepot} cannot be drawn: ${err.message}`,
        {
          field: 'params.numero',
        },
      );
    });
}

/** `reportPdf`'s drawing, run in a thread of the document pool. */
export async function drawReportPdf(report: FlowReport, drawnAt: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setCreationDate(new Date(drawnAt));
  doc.setModificationDate(new Date(drawnAt));
  const font = await doc.embedFont(StandardFonts.Helvetica);
  // The standard fonts only know WinAnsi: anything else in a reason is shown as '?'.
  const safe = (s: string) =>
    s
      .replace(/[\u2018\u2019]/g, "'")
      .replace(/[\u201c\u201d]/g, '"')
      .replace(/[^\x20-\x7e\u00a0-\u00ff]/g, '?');
  let page = doc.addPage([595, 842]);
  let y = 800;
  const WIDTH = 515;
  /** Lines of at most WIDTH points, broken only between words: an identifier is never cut. */
  const lines = (text: string, size: number) => {
    const out: string[] = [];
    let line = '';
    for (const word of safe(text).split(/\s+/).filter(Boolean)) {
      const candidate = line ? `${line} ${word}` : word;
      if (!line || font.widthOfTextAtSize(candidate, size) <= WIDTH) line = candidate;
      else {
        out.push(line);
        line = word;
      }
    }
    return line ? [...out, line] : out;
  };
  const write = (text: string, size = 10) => {
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
  write(
    `Factures : ${report.nombreFactures} - intégrées : ${report.nombreFacturesIntegrees} - en erreur : ${report.listeErreurDP.length}`,
  );
  for (const e of report.listeErreurDP) {
    y -= 6;
    write(
      `${e.fichier} - facture ${e.numeroDP || '?'} - fournisseur ${e.identifiantFournisseur || '?'} - destinataire ${e.identifiantDestinataire || '?'}`,
    );
    write(e.libelleErreurDP, 9);
  }
  return doc.save();
}
