import { Router } from 'express';
import type { Request } from 'express';
import type { AppDeps } from '../app';
import { readableFlow, reportOf, reportPdf } from '../../flows/reports';
import { storeUploadedFile } from '../../invoicing/attachments';
import { DomainError } from '../../platform/domain-error';
import { allowedNext, STATUSES, type InvoiceStatusCode } from '../../invoicing/lifecycle/transitions';
import { CADRES_DE_FACTURATION } from '../../invoice';
import { listBankAccounts } from '../../structures';
import { internalId, wireId } from '../../service-mode/identifiers';
import { DEVISES, MODES_DEPOT, MODES_REGLEMENT, PAYS, TAUX_TVA } from './reference-lists';
import { CODES, CproError, ok } from './wire';
import { endpoint, wireAjv, type CproContext } from './context';

export const transversesSchemas = {
  'recuperer/etats/traitement': {
    type: 'object',
    required: ['statutCourant'],
    properties: { statutCourant: { type: 'string', enum: [...STATUSES] } },
  },
  'recuperer/coordbanc/valides': {
    type: 'object',
    required: ['idStructure'],
    properties: { idStructure: { type: ['integer', 'string'] } },
  },
  'ajouter/fichier': {
    type: 'object',
    required: ['pieceJointeFichier', 'pieceJointeNom'],
    properties: {
      pieceJointeFichier: { type: 'string', minLength: 1 },
      pieceJointeNom: { type: 'string', minLength: 1, maxLength: 50 },
      pieceJointeTypeMime: { type: 'string', maxLength: 255 },
      pieceJointeExtension: { type: 'string', maxLength: 10 },
    },
  },
  consulterCR: {
    type: 'object',
    required: ['numeroFluxDepot'],
    properties: {
      numeroFluxDepot: { type: 'string', minLength: 1, maxLength: 64 },
      syntaxeFlux: { type: 'string' },
    },
  },
};

/** A checked request body: its fields are read by name, with the types its schema checked. */
type Body = Record<string, unknown>;
type Operation = (deps: AppDeps, body: Body, ctx: CproContext, req: Request) => Promise<object>;

/** The reference lists: fixed answers, whatever the body. */
const LISTS: [path: string, answer: () => object][] = [
  [
    '/recuperer/devises',
    () => ({ listeDevises: DEVISES.map(([codeDevise, libelleDevise]) => ({ codeDevise, libelleDevise })) }),
  ],
  [
    '/recuperer/pays',
    () => ({ listePays: PAYS.map(([codePays, libellePays]) => ({ codePays, libellePays })) }),
  ],
  [
    '/recuperer/tauxtva',
    () => ({
      listeTauxTva: TAUX_TVA.map((t) => ({
        codeTauxTva: `TVA${t}`,
        libelleTauxTva: `${t.replace('.', ',')} %`,
        valeurTauxTva: Number(t),
      })),
    }),
  ],
  ['/recuperer/modedepot', () => ({ listeModeDepot: MODES_DEPOT.map((modeDepot) => ({ modeDepot })) })],
  [
    '/recuperer/modereglements',
    () => ({ listeModePaiement: MODES_REGLEMENT.map((modePaiement) => ({ modePaiement })) }),
  ],
  [
    '/recuperer/cadrefacturation',
    () => ({
      listeCadreFacturation: CADRES_DE_FACTURATION.map((codeCadreFacturation) => ({ codeCadreFacturation })),
    }),
  ],
];

/** recuperer/etats/traitement: what the recipient may set next, from the lifecycle's own table. */
async function etatsTraitement(_deps: AppDeps, b: Body) {
  return {
    listeStatutsPossiblesPourTraitement: allowedNext(b.statutCourant as InvoiceStatusCode)
      .filter((t) => t.by === 'recipient')
      .map((t) => ({
        statut: t.to,
        motifObligatoire: t.needs.includes('reason'),
        numeroDPMandatObligatoire: t.needs.includes('mandateNumber'),
      })),
  };
}

/** recuperer/coordbanc/valides: bank details are the structure's own: only its technical account sees them. */
async function coordbancValides({ db }: AppDeps, b: Body, ctx: CproContext) {
  const structureId = await internalId(db, 'structure', b.idStructure);
  if (!structureId || structureId !== ctx.account.structureId)
    throw new CproError(
      CODES.STRUCTURE_NOT_ALLOWED,
      'Coordonnées bancaires de la structure du compte technique seulement.',
      'idStructure',
    );
  const listeCoordonneeBancaire = [];
  for (const a of await listBankAccounts(db, structureId))
    listeCoordonneeBancaire.push({
      idCoordonneeBancaire: await wireId(db, 'coordbanc', a.id),
      nomCoordonneeBancaire: a.label ?? `Compte ${a.iban.slice(-4)}`,
      // Masked as in every message of the platform; the client picks an account by its id.
      iban: `${a.iban.slice(0, 4)}${'*'.repeat(Math.max(0, a.iban.length - 8))}${a.iban.slice(-4)}`,
      bic: a.bic,
      estAffacturage: a.factor,
    });
  return { listeCoordonneeBancaire };
}

/** ajouter/fichier: a file for later operations (completer, soumettre), named by its pieceJointeId. */
async function ajouterFichier({ db, blobs }: AppDeps, b: Body) {
  const bytes = Buffer.from(String(b.pieceJointeFichier).replace(/\s/g, ''), 'base64');
  if (bytes.length === 0)
    throw new CproError(
      CODES.FILE_INVALID,
      'pieceJointeFichier : fichier vide ou pas en base64.',
      'pieceJointeFichier',
    );
  const stored = await storeUploadedFile(db, blobs, String(b.pieceJointeNom), bytes);
  return { pieceJointeId: await wireId(db, 'fichier', stored.sha256) };
}

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

/** consulterCR: a flow's state, with its integration report as a PDF once every invoice is settled. */
async function consulterCR(deps: AppDeps, b: Body, ctx: CproContext) {
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
}

/** consulterCRDetaille: a flow's state and, once settled, each refused invoice with why. */
async function consulterCRDetaille(deps: AppDeps, b: Body, ctx: CproContext) {
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
      numeroDP: e.numeroDP,
      identifiantFournisseur: e.identifiantFournisseur,
      identifiantDestinataire: e.identifiantDestinataire,
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
}

/** The operations with a body: path, the schema its body must pass, handler. */
const OPERATIONS: [path: string, schema: keyof typeof transversesSchemas, run: Operation][] = [
  ['/recuperer/etats/traitement', 'recuperer/etats/traitement', etatsTraitement],
  ['/recuperer/coordbanc/valides', 'recuperer/coordbanc/valides', coordbancValides],
  ['/ajouter/fichier', 'ajouter/fichier', ajouterFichier],
  ['/consulterCR', 'consulterCR', consulterCR],
  ['/consulterCRDetaille', 'consulterCR', consulterCRDetaille],
];

/** /cpro/transverses/v1: reference lists, attachment upload, flow reports, health check. */
export function transversesRouter(deps: AppDeps): Router {
  const router = Router();
  router.get('/health-check', (_req, res) => {
    res.json(ok({ statut: 'OK' }));
  });
  for (const [path, answer] of LISTS)
    router.post(
      path,
      endpoint(undefined, async () => answer()),
    );
  for (const [path, schema, run] of OPERATIONS)
    router.post(
      path,
      endpoint(wireAjv.compile<Body>(transversesSchemas[schema]), (body, ctx, req) =>
        run(deps, body, ctx, req),
      ),
    );
  return router;
}
