import { Router } from 'express';
import type { AppDeps } from '../app';
import { readableFlow, reportOf, reportPdf } from '../routes/flows';
import { storeUploadedFile } from '../routes/files';
import { DomainError } from '../../platform/domain-error';
import { allowedNext, STATUSES, type InvoiceStatusCode } from '../../invoicing/lifecycle/transitions';
import { CADRES_DE_FACTURATION } from '../../invoice';
import { listBankAccounts } from '../../structures/bank-accounts';
import { internalId, wireId } from '../../service-mode/identifiers';
import { DEVISES, MODES_DEPOT, MODES_REGLEMENT, PAYS, TAUX_TVA } from './reference-lists';
import { CODES, CproError, ok } from './wire';
import { endpoint, wireAjv } from './context';

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
const compile = (name: keyof typeof transversesSchemas) => wireAjv.compile<Body>(transversesSchemas[name]);
const list = (run: () => object) => endpoint(undefined, async () => run());

/** /cpro/transverses/v1: reference lists, attachment upload, flow reports, health check. */
export function transversesRouter(deps: AppDeps): Router {
  const { db } = deps;
  const router = Router();

  router.get('/health-check', (_req, res) => {
    res.json(ok({ statut: 'OK' }));
  });
  router.post(
    '/recuperer/devises',
    list(() => ({
      listeDevises: DEVISES.map(([codeDevise, libelleDevise]) => ({ codeDevise, libelleDevise })),
    })),
  );
  router.post(
    '/recuperer/pays',
    list(() => ({ listePays: PAYS.map(([codePays, libellePays]) => ({ codePays, libellePays })) })),
  );
  router.post(
    '/recuperer/tauxtva',
    list(() => ({
      listeTauxTva: TAUX_TVA.map((t) => ({
        codeTauxTva: `TVA${t}`,
        libelleTauxTva: `${t.replace('.', ',')} %`,
        valeurTauxTva: Number(t),
      })),
    })),
  );
  router.post(
    '/recuperer/modedepot',
    list(() => ({ listeModeDepot: MODES_DEPOT.map((modeDepot) => ({ modeDepot })) })),
  );
  router.post(
    '/recuperer/modereglements',
    list(() => ({ listeModePaiement: MODES_REGLEMENT.map((modePaiement) => ({ modePaiement })) })),
  );
  router.post(
    '/recuperer/cadrefacturation',
    list(() => ({
      listeCadreFacturation: CADRES_DE_FACTURATION.map((codeCadreFacturation) => ({ codeCadreFacturation })),
    })),
  );

  router.post(
    '/recuperer/etats/traitement',
    endpoint(compile('recuperer/etats/traitement'), async (b) => ({
      // What the recipient may set next: the lifecycle's own table.
      listeStatutsPossiblesPourTraitement: allowedNext(b.statutCourant as InvoiceStatusCode)
        .filter((t) => t.by === 'recipient')
        .map((t) => ({
          statut: t.to,
          motifObligatoire: t.needs.includes('reason'),
          numeroDPMandatObligatoire: t.needs.includes('mandateNumber'),
        })),
    })),
  );

  router.post(
    '/recuperer/coordbanc/valides',
    endpoint(compile('recuperer/coordbanc/valides'), async (b, ctx) => {
      const structureId = await internalId(db, 'structure', b.idStructure);
      // Bank details are the structure's own: only its technical account sees them.
      if (!structureId || structureId !== ctx.account.structureId)
        throw new CproError(
          CODES.STRUCTURE_NOT_ALLOWED,
          'Coordonnées bancaires de la structure du compte technique seulement.',
          'idStructure',
        );
      const accounts = await listBankAccounts(db, structureId);
      const listeCoordonneeBancaire = [];
      for (const a of accounts)
        listeCoordonneeBancaire.push({
          idCoordonneeBancaire: await wireId(db, 'coordbanc', a.id),
          nomCoordonneeBancaire: a.label ?? `Compte ${a.iban.slice(-4)}`,
          // Masked as in every message of the platform; the client picks an account by its id.
          iban: `${a.iban.slice(0, 4)}${'*'.repeat(Math.max(0, a.iban.length - 8))}${a.iban.slice(-4)}`,
          bic: a.bic,
          estAffacturage: a.factor,
        });
      return { listeCoordonneeBancaire };
    }),
  );

  router.post(
    '/ajouter/fichier',
    endpoint(compile('ajouter/fichier'), async (b) => {
      const bytes = Buffer.from(String(b.pieceJointeFichier).replace(/\s/g, ''), 'base64');
      if (bytes.length === 0)
        throw new CproError(
          CODES.FILE_INVALID,
          'pieceJointeFichier : fichier vide ou pas en base64.',
          'pieceJointeFichier',
        );
      const stored = await storeUploadedFile(db, deps.blobs, String(b.pieceJointeNom), bytes);
      return { pieceJointeId: await wireId(db, 'fichier', stored.sha256) };
    }),
  );

  const flowOf = async (numero: string, caller: { userId: string; operator: boolean }) => {
    try {
      return await readableFlow(db, numero, caller);
    } catch (err) {
      if (err instanceof DomainError)
        throw new CproError(CODES.FLOW_NOT_FOUND, `Aucun flux ${numero}.`, 'numeroFluxDepot');
      throw err;
    }
  };

  router.post(
    '/consulterCR',
    endpoint(compile('consulterCR'), async (b, ctx) => {
      const flow = await flowOf(b.numeroFluxDepot as string, ctx.caller);
      return {
        numeroFluxDepot: flow.numero,
        syntaxeFlux: flow.syntax,
        codeInterfaceFlux: flow.syntax,
        etatCourantFlux: flow.status,
        dateDepotFlux: new Date(flow.deposited_at).toISOString(),
        dateHeureEtatCourantFlux: new Date(flow.updated_at).toISOString(),
        nomFichier: flow.filename ?? null,
        nomFichierFlux: flow.filename ?? null,
        // The integration report as a PDF, once every invoice of the flow is settled.
        fichierCR: flow.report ? Buffer.from(await reportPdf(reportOf(flow))).toString('base64') : null,
      };
    }),
  );

  router.post(
    '/consulterCRDetaille',
    endpoint(compile('consulterCR'), async (b, ctx) => {
      const flow = await flowOf(b.numeroFluxDepot as string, ctx.caller);
      const settled = !!flow.report;
      const report = settled ? reportOf(flow) : undefined;
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
    }),
  );

  return router;
}
