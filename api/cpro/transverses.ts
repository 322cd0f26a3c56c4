import type { AppDeps } from '../app';
import { readableFlow, reportOf, reportPdf } from '../../flows/reports';
import { DomainError } from '../../platform/domain-error';
import type { CproContext } from './context';
import type { CproGroup, CproOperation } from './operation';
import { answer, base64, integer, list, nullable, object, request, string, timestamp } from './schema';
import { referenceListOperations } from './transverses-lists';
import { directoryOperations } from './transverses-directory';
import { attachmentOperations } from './transverses-attachments';
import { CODES, CproError } from './wire';

/**
 * health-check: answered as the platform's gateway answers it ({body, statusCodeValue, statusCode}, no
 * codeRetour), whatever the request carries (one client sends the JSON body `null` with its GET).
 */
const healthCheck: CproOperation = {
  path: '/health-check',
  method: 'get',
  summary: 'The service answers {body, statusCodeValue: 200, statusCode: "OK"}',
  answer: object({ body: string, statusCodeValue: integer, statusCode: string }),
  bare: true,
  run: async () => ({ body: 'OK', statusCodeValue: 200, statusCode: 'OK' }),
};

/** A flow its depositor may read, else the platform's "no such flow". */
async function flowOf({ db }: AppDeps, numero: string, caller: { userId: string; operator: boolean }) {
  try {
    return await readableFlow(db, numero, caller);
  } catch (err) {
    if (err instanceof DomainError)
      throw new CproError(CODES.FLOW_NOT_FOUND, `Aucun flux ${numero}.`, 'numeroFluxDepot');
    throw err;
  }
}

const crRequest = request(
  { numeroFluxDepot: { type: 'string', minLength: 1, maxLength: 64 }, syntaxeFlux: string },
  ['numeroFluxDepot'],
);

/** consulterCR: a flow's state, with its integration report as a PDF once every invoice is settled. */
const consulterCR: CproOperation = {
  path: '/consulterCR',
  summary: 'A flow’s state, and its report (PDF, base64) once settled',
  request: crRequest,
  answer: answer({
    numeroFluxDepot: string,
    syntaxeFlux: string,
    codeInterfaceFlux: string,
    etatCourantFlux: string,
    dateDepotFlux: timestamp,
    dateHeureEtatCourantFlux: timestamp,
    nomFichier: nullable(string),
    nomFichierFlux: nullable(string),
    fichierCR: nullable(base64),
  }),
  run: async (deps, b, ctx: CproContext) => {
    const flow = await flowOf(deps, b.numeroFluxDepot as string, ctx.caller);
    return {
      numeroFluxDepot: flow.numero,
      syntaxeFlux: flow.syntax,
      codeInterfaceFlux: flow.syntax,
      etatCourantFlux: flow.status,
      dateDepotFlux: new Date(flow.deposited_at).toISOString(),
      dateHeureEtatCourantFlux: new Date(flow.updated_at).toISOString(),
      nomFichier: flow.filename ?? null,
      nomFichierFlux: flow.filename ?? null,
      fichierCR: flow.report ? Buffer.from(await reportPdf(reportOf(flow))).toString('base64') : null,
    };
  },
};

/** consulterCRDetaille: a flow's state and, once settled, each refused invoice with why. */
const consulterCRDetaille: CproOperation = {
  path: '/consulterCRDetaille',
  summary: 'A flow’s state and per-invoice errors (listeErreurDP)',
  request: crRequest,
  answer: answer({
    numeroFluxDepot: string,
    syntaxeFlux: string,
    etatCourantDepotFlux: string,
    etatCourantFlux: string,
    codeInterfaceDepotFlux: string,
    dateDepotFlux: timestamp,
    dateHeureEtatCourantFlux: timestamp,
    nomFichier: nullable(string),
    nombreFactures: nullable(integer),
    nombreFacturesIntegrees: nullable(integer),
    listeErreurDP: list(
      object({
        numeroDP: nullable(string),
        identifiantFournisseur: nullable(string),
        identifiantDestinataire: nullable(string),
        libelleErreurDP: string,
      }),
    ),
    listeErreurTechnique: list(object({ codeErreur: string, natureErreur: string, libelleErreur: string })),
  }),
  run: async (deps, b, ctx: CproContext) => {
    const flow = await flowOf(deps, b.numeroFluxDepot as string, ctx.caller);
    const report = flow.report ? reportOf(flow) : undefined;
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
      listeErreurTechnique:
        flow.status === 'IN_INCIDENTE'
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
export const transversesGroup: CproGroup = {
  name: 'transverses',
  operations: [
    healthCheck,
    ...referenceListOperations,
    ...directoryOperations,
    ...attachmentOperations,
    consulterCR,
    consulterCRDetaille,
  ],
};
