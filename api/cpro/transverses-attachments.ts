import type { AppDeps } from '../app';
import { ATTACHMENT_MAX_BYTES, storeUploadedFile } from '../../invoicing/attachments';
import { checkedAttachmentName } from '../../platform/attachment-types';
import { DomainError } from '../../platform/domain-error';
import { getStructure, listBankAccounts, membershipOf } from '../../structures';
import { internalId, wireId, wireIds } from '../../service-mode/identifiers';
import { recordUpload, uploadsOf, type Upload } from '../../service-mode/uploads';
import { telechargerGroupe } from './factures-read';
import type { CproContext } from './context';
import type { CproOperation } from './operation';
import { pageAnswerSchema, pageOf, pageRequestSchema, type PageRequest } from './paging';
import {
  answer,
  base64,
  boolean,
  integer,
  list,
  nullable,
  object,
  request,
  string,
  wireId as idSchema,
} from './schema';
import { CODES, CproError } from './wire';
import { zipOf } from './zip';

/** A structure of the technical account's own, else the platform's refusal naming the field. */
async function ownStructure(deps: AppDeps, ctx: CproContext, wire: unknown, field: string) {
  const id = await internalId(deps.db, 'structure', wire);
  const structure = id ? await getStructure(deps.db, id) : undefined;
  if (!structure) throw new CproError(CODES.STRUCTURE_NOT_FOUND, `Aucune structure ${String(wire)}.`, field);
  if (
    structure.id !== ctx.account.structureId &&
    !(await membershipOf(deps.db, structure.id, ctx.caller.userId))
  )
    throw new CproError(
      CODES.STRUCTURE_NOT_ALLOWED,
      'Pièces jointes des structures du compte technique seulement.',
      field,
    );
  return structure;
}

/**
 * The name to keep the file under once its content is checked as the native API checks it (kind by
 * magic bytes, no web page or program, a complete PDF running nothing); the refusal names the file's field.
 * An oversized file is refused by its size first.
 */
function checkedName(name: string, bytes: Buffer): string {
  if (bytes.byteLength > ATTACHMENT_MAX_BYTES) return name;
  try {
    return checkedAttachmentName(name, bytes);
  } catch (err) {
    if (err instanceof DomainError)
      throw new DomainError(err.code, err.message, { ...err.details, field: 'pieceJointeFichier' });
    throw err;
  }
}

/** ajouter/fichier: a file for later operations (completer, soumettre), named by its pieceJointeId. */
const ajouterFichier: CproOperation = {
  path: '/ajouter/fichier',
  summary: 'Upload an attachment (≤ 10 MB) → pieceJointeId',
  request: request(
    {
      pieceJointeFichier: { type: 'string', minLength: 1 },
      pieceJointeNom: { type: 'string', minLength: 1, maxLength: 50 },
      pieceJointeTypeMime: { type: 'string', maxLength: 255 },
      pieceJointeExtension: { type: 'string', maxLength: 10 },
    },
    ['pieceJointeFichier', 'pieceJointeNom'],
  ),
  answer: answer({ pieceJointeId: integer }),
  run: async ({ db, blobs }, b, ctx) => {
    const bytes = Buffer.from(String(b.pieceJointeFichier).replace(/\s/g, ''), 'base64');
    if (bytes.length === 0)
      throw new CproError(
        CODES.FILE_INVALID,
        'pieceJointeFichier : fichier vide ou pas en base64.',
        'pieceJointeFichier',
      );
    const stored = await storeUploadedFile(db, blobs, checkedName(String(b.pieceJointeNom), bytes), bytes);
    await recordUpload(db, {
      sha256: stored.sha256,
      userId: ctx.caller.userId,
      structureId: ctx.account.structureId,
      name: stored.name,
    });
    return { pieceJointeId: await wireId(db, 'fichier', stored.sha256) };
  },
};

/** recuperer/coordbanc/valides: bank details are the structure's own: only its technical account sees them. */
const coordbancValides: CproOperation = {
  path: '/recuperer/coordbanc/valides',
  summary: 'The structure’s bank accounts (ids for codeCoordonneesBancairesFournisseur)',
  request: request({ idStructure: idSchema }, ['idStructure']),
  answer: answer({
    listeCoordonneeBancaire: list(
      object({
        idCoordonneeBancaire: integer,
        nomCoordonneeBancaire: string,
        iban: string,
        bic: nullable(string),
        estAffacturage: boolean,
      }),
    ),
  }),
  run: async ({ db }, b, ctx) => {
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
        bic: a.bic ?? null,
        estAffacturage: a.factor,
      });
    return { listeCoordonneeBancaire };
  },
};

const extensionOf = (name: string) => (/\.([^.]+)$/.exec(name)?.[1] ?? '').toLowerCase();

/** The items of rechercher/pj/*: uploads as the platform lists attachments, filtered by designation. */
async function pieceJointeItems(db: AppDeps['db'], uploads: Upload[], designation: unknown) {
  const wanted = typeof designation === 'string' ? designation.toLowerCase() : undefined;
  const kept = uploads.filter((u) => !wanted || u.name.toLowerCase().includes(wanted));
  const files = await wireIds(
    db,
    'fichier',
    kept.map((u) => u.sha256),
  );
  const users = await wireIds(
    db,
    'utilisateur',
    kept.map((u) => u.userId),
  );
  return kept.map((u) => ({
    upload: u,
    item: {
      pieceJointeDesignation: u.name,
      pieceJointeExtension: extensionOf(u.name),
      pieceJointeId: files.get(u.sha256)!,
      pieceJointeObjetId: files.get(u.sha256)!,
      pieceJointeTypeCode: 'AUTRE',
      pieceJointeTypeLibelle: 'Autre document',
      pieceJointeUtilisateurId: users.get(u.userId)!,
    },
  }));
}

const pieceJointeFields = {
  pieceJointeDesignation: string,
  pieceJointeExtension: string,
  pieceJointeId: integer,
  pieceJointeObjetId: integer,
  pieceJointeTypeCode: string,
  pieceJointeTypeLibelle: string,
  pieceJointeUtilisateurId: integer,
};
const searchRequest = {
  codeLangue: string,
  pieceJointeDesignation: string,
  pieceJointeTypeId: integer,
  parametresRecherche: pageRequestSchema,
};

const pjMonCompte: CproOperation = {
  path: '/rechercher/pj/moncompte',
  summary: 'Files the technical account uploaded → listePiecesJointes, parametresRetour',
  request: request(searchRequest),
  answer: answer({ listePiecesJointes: list(object(pieceJointeFields)), parametresRetour: pageAnswerSchema }),
  run: async ({ db }, b, ctx) => {
    const items = await pieceJointeItems(
      db,
      await uploadsOf(db, { userId: ctx.caller.userId }),
      b.pieceJointeDesignation,
    );
    const page = pageOf(items, b.parametresRecherche as PageRequest | undefined);
    return { listePiecesJointes: page.items.map((i) => i.item), parametresRetour: page.parametresRetour };
  },
};

const pjStructure: CproOperation = {
  path: '/rechercher/pj/structure',
  summary: 'Files uploaded for one of the technical account’s structures → listePiecesJointes',
  request: request({ ...searchRequest, idStructureCPP: idSchema }, ['idStructureCPP']),
  answer: answer({
    listePiecesJointes: list(
      object({
        ...pieceJointeFields,
        pieceJointeStructureCode: string,
        pieceJointeStructureId: integer,
        pieceJointeStructureRaisonSociale: string,
      }),
    ),
    parametresRetour: pageAnswerSchema,
  }),
  run: async (deps, b, ctx) => {
    const s = await ownStructure(deps, ctx, b.idStructureCPP, 'idStructureCPP');
    const idStructure = await wireId(deps.db, 'structure', s.id);
    const items = await pieceJointeItems(
      deps.db,
      await uploadsOf(deps.db, { structureId: s.id }),
      b.pieceJointeDesignation,
    );
    const page = pageOf(items, b.parametresRecherche as PageRequest | undefined);
    return {
      listePiecesJointes: page.items.map((i) => ({
        ...i.item,
        pieceJointeStructureCode: s.identifier,
        pieceJointeStructureId: idStructure,
        pieceJointeStructureRaisonSociale: s.name,
      })),
      parametresRetour: page.parametresRetour,
    };
  },
};

const OBJETS = ['DEMANDE_PAIEMENT', 'STRUCTURE_PIECEJOINTE', 'UTILISATEUR'];

async function zipOfUploads(deps: AppDeps, uploads: Upload[]) {
  const files = [];
  for (const u of uploads) files.push({ name: u.name, bytes: await deps.blobs.get(u.sha256) });
  return Buffer.from(zipOf(files)).toString('base64');
}

/**
 * telecharger/pieceJointe: invoices of a payment request (as telecharger/groupe), or the files uploaded
 * for a structure or by the account, as a base64 zip. Engagements and support requests have no files
 * here: refused naming objetPieceJointe.
 */
const telechargerPieceJointe: CproOperation = {
  path: '/telecharger/pieceJointe',
  summary: 'Download attachments of a payment request, a structure or the account → pieceJointe (base64 zip)',
  request: request(
    {
      objetPieceJointe: string,
      demandePaiement: request(
        {
          avecPiecesJointesComplementaires: { type: 'string', enum: ['OUI', 'NON'] },
          format: { type: 'string', enum: ['PDF', 'PIVOT'] },
          listeFacture: list(request({ idFacture: idSchema }, ['idFacture'])),
        },
        ['listeFacture'],
      ),
      structure: request({
        idStructure: idSchema,
        identifiantStructure: string,
        typeIdentifiantStructure: string,
      }),
    },
    ['objetPieceJointe'],
  ),
  answer: answer({ pieceJointe: base64 }),
  run: async (deps, b, ctx) => {
    const objet = b.objetPieceJointe as string;
    if (objet === 'DEMANDE_PAIEMENT') {
      const dp = b.demandePaiement as
        { format?: string; listeFacture?: { idFacture: unknown }[] } | undefined;
      if (!dp?.listeFacture?.length)
        throw new CproError(
          CODES.INVALID_INPUT,
          'demandePaiement.listeFacture est requis.',
          'demandePaiement.listeFacture',
        );
      const zip = await telechargerGroupe(
        deps,
        {
          format: dp.format === 'PIVOT' ? 'XML' : 'PDF',
          listeFacture: dp.listeFacture.map((f) => ({ identifiantFactureCPP: f.idFacture })),
        },
        ctx,
      );
      return { pieceJointe: zip.fichierResultat };
    }
    if (objet === 'STRUCTURE_PIECEJOINTE') {
      const asked = (b.structure ?? {}) as { idStructure?: unknown };
      const s = await ownStructure(deps, ctx, asked.idStructure, 'structure.idStructure');
      return { pieceJointe: await zipOfUploads(deps, await uploadsOf(deps.db, { structureId: s.id })) };
    }
    if (objet === 'UTILISATEUR')
      return {
        pieceJointe: await zipOfUploads(deps, await uploadsOf(deps.db, { userId: ctx.caller.userId })),
      };
    throw new CproError(
      CODES.INVALID_INPUT,
      `objetPieceJointe ${objet} : seuls ${OBJETS.join(', ')} ont des fichiers sur cette plateforme.`,
      'objetPieceJointe',
    );
  },
};

export const attachmentOperations: CproOperation[] = [
  ajouterFichier,
  coordbancValides,
  pjMonCompte,
  pjStructure,
  telechargerPieceJointe,
];
