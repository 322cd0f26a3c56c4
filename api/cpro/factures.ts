import { Router } from 'express';
import type { Request } from 'express';
import type { AppDeps } from '../app';
import { FLOW_SYNTAXES } from '../../flows/syntax';
import { STATUSES } from '../../invoicing/lifecycle/transitions';
import { soumettreSchema } from './soumettre';
import { endpoint, wireAjv, type CproContext } from './context';
import { deposerFlux, deposerPdf, soumettre } from './factures-deposit';
import { completer, recycler, traiterRecue } from './factures-lifecycle';
import { consulter, consulterHistorique, rechercher, telechargerGroupe } from './factures-read';

const base64 = { type: 'string', minLength: 1, pattern: '^[A-Za-z0-9+/=\\s]+$' } as const;
const idFacture = { type: ['integer', 'string'] } as const;
const date = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}' } as const;
const pagination = {
  type: 'object',
  properties: {
    pageResultatDemandee: { type: 'integer', minimum: 1 },
    nbResultatsParPage: { type: 'integer', minimum: 1 },
  },
} as const;

export const facturesSchemas = {
  'deposer/flux': {
    type: 'object',
    required: ['fichierFlux', 'syntaxeFlux'],
    properties: {
      fichierFlux: base64,
      nomFichier: { type: 'string', maxLength: 200 },
      syntaxeFlux: { type: 'string', enum: Object.keys(FLOW_SYNTAXES) },
      avecSignature: { type: 'boolean' },
    },
  },
  'deposer/pdf': {
    type: 'object',
    required: ['fichierFacture', 'nomFichier'],
    properties: {
      fichierFacture: base64,
      nomFichier: { type: 'string', minLength: 1, maxLength: 200 },
      formatDepot: {
        type: 'string',
        enum: ['PDF_NON_SIGNE', 'PDF_SIGNE_PADES', 'PDF_SIGNE_XADES', 'DEPOT_PDF_API'],
      },
    },
  },
  soumettre: soumettreSchema,
  completer: {
    type: 'object',
    properties: {
      identifiantFactureCPP: idFacture,
      idFacture,
      commentaire: { type: 'string', maxLength: 1000 },
      listePiecesJointes: {
        type: 'array',
        items: { type: 'object', required: ['pieceJointeId'], properties: { pieceJointeId: idFacture } },
      },
    },
  },
  recycler: {
    type: 'object',
    properties: {
      identifiantFactureCPP: idFacture,
      idFacture,
      codeDestinataire: { type: 'string', maxLength: 100 },
      codeServiceExecutant: { type: 'string', maxLength: 100 },
      numeroBonCommande: { type: 'string', maxLength: 50 },
      commentaire: { type: 'string', maxLength: 1000 },
    },
  },
  consulter: {
    type: 'object',
    properties: { identifiantFactureCPP: idFacture, idFacture },
  },
  rechercher: {
    type: 'object',
    properties: {
      numeroFluxDepot: { type: 'string', maxLength: 64 },
      numeroFacture: { type: 'string', maxLength: 100 },
      numeroBonCommande: { type: 'string', maxLength: 50 },
      statutFacture: { type: 'string', enum: [...STATUSES] },
      statutCourant: { type: 'array', items: { type: 'string', enum: [...STATUSES] } },
      periodeDateDepotDu: date,
      periodeDateDepotAu: date,
      dateDepotDebut: date,
      dateDepotFin: date,
      paramRecherche: pagination,
      pagination,
      rechercheFactureParFournisseur: pagination,
      rechercheFactureParRecipiendaire: pagination,
    },
  },
  'telecharger/groupe': {
    type: 'object',
    required: ['listeFacture'],
    properties: {
      listeFacture: {
        type: 'array',
        minItems: 1,
        maxItems: 100,
        items: { type: 'object', properties: { identifiantFactureCPP: idFacture, idFacture } },
      },
      format: { type: 'string', enum: ['PDF', 'XML', 'ZIP', 'PIVOT'] },
      avecPiecesJointesComplementaires: { type: 'string', enum: ['OUI', 'NON'] },
    },
  },
  'traiter/recue': {
    type: 'object',
    required: ['idFacture', 'nouveauStatut'],
    properties: {
      idFacture,
      nouveauStatut: { type: 'string', enum: [...STATUSES] },
      motif: { type: 'string', maxLength: 1000 },
      numeroDPMandat: { type: 'string', maxLength: 100 },
      commentaire: { type: 'string', maxLength: 1000 },
    },
  },
};

/** A checked request body: its fields are read by name, with the types its schema checked. */
type Body = Record<string, unknown>;
type Operation = (deps: AppDeps, body: Body, ctx: CproContext, req: Request) => Promise<object>;

/** Each operation of /cpro/factures/v1: its path, the schema its body must pass, and its handler. */
const OPERATIONS: [path: string, schema: keyof typeof facturesSchemas, run: Operation][] = [
  ['/deposer/flux', 'deposer/flux', deposerFlux],
  ['/deposer/pdf', 'deposer/pdf', deposerPdf],
  ['/soumettre', 'soumettre', soumettre],
  ['/completer', 'completer', completer],
  ['/recycler', 'recycler', recycler],
  ['/consulter/fournisseur', 'consulter', consulter('supplier')],
  ['/consulter/recipiendaire', 'consulter', consulter('recipient')],
  ['/consulter/historique', 'consulter', consulterHistorique],
  ['/rechercher/fournisseur', 'rechercher', rechercher('supplier')],
  ['/rechercher/recipiendaire', 'rechercher', rechercher('recipient')],
  ['/telecharger/groupe', 'telecharger/groupe', telechargerGroupe],
  ['/traiter/recue', 'traiter/recue', traiterRecue],
];

/** /cpro/factures/v1: the platform's invoice operations over the same deposit and lifecycle services. */
export function facturesRouter(deps: AppDeps): Router {
  const router = Router();
  for (const [path, schema, run] of OPERATIONS)
    router.post(
      path,
      endpoint(wireAjv.compile<Body>(facturesSchemas[schema]), (body, ctx, req) => run(deps, body, ctx, req)),
    );
  return router;
}
