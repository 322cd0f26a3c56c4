import { CADRES_DE_FACTURATION } from '../../invoice';
import { FLOW_SYNTAXES } from '../../flows/syntax';
import { allowedNext, STATUSES, type InvoiceStatusCode } from '../../invoicing/lifecycle/transitions';
import {
  DEVISES,
  MODES_DEPOT,
  MODES_REGLEMENT,
  MOTIFS_EXONERATION_TVA,
  MOTIFS_REFUS_A_VALIDER,
  PAYS,
  TAUX_TVA,
  TYPES_DEMANDE_PAIEMENT,
  TYPES_FACTURE_TRAVAUX,
  TYPES_IDENTIFIANT_STRUCTURE,
  TYPES_PIECE_JOINTE,
} from './reference-lists';
import type { CproOperation } from './operation';
import { answer, integer, list, number, object, request, string } from './schema';

const langue = request({ codeLangue: { type: 'string' } });
/** A list of objects of these string fields. */
const listOf = (name: string, fields: Record<string, object>) =>
  answer({ [name]: list(object(fields as Record<string, Record<string, unknown>>)) });

/** A reference list: a fixed answer, whatever the body. */
const fixed = (path: string, summary: string, schema: object, run: () => object): CproOperation => ({
  path,
  summary,
  request: langue,
  answer: schema,
  run: async () => run(),
});

/** The reference lists of /cpro/transverses, each answered from the list its feature keeps. */
export const referenceListOperations: CproOperation[] = [
  fixed(
    '/recuperer/devises',
    'Currencies → listeDevises',
    listOf('listeDevises', { codeDevise: string, libelleDevise: string }),
    () => ({ listeDevises: DEVISES.map(([codeDevise, libelleDevise]) => ({ codeDevise, libelleDevise })) }),
  ),
  fixed(
    '/recuperer/pays',
    'Countries → listePays',
    listOf('listePays', { codePays: string, libellePays: string }),
    () => ({ listePays: PAYS.map(([codePays, libellePays]) => ({ codePays, libellePays })) }),
  ),
  fixed(
    '/recuperer/tauxtva',
    'VAT rates → listeTauxTva (codeTauxTva is what soumettre’s ligneTvaTaux names)',
    listOf('listeTauxTva', { codeTauxTva: string, libelleTauxTva: string, valeurTauxTva: number }),
    () => ({
      listeTauxTva: TAUX_TVA.map((t) => ({
        codeTauxTva: `TVA${t}`,
        libelleTauxTva: `${t.replace('.', ',')} %`,
        valeurTauxTva: Number(t),
      })),
    }),
  ),
  fixed(
    '/recuperer/modedepot',
    'Deposit modes → listeModeDepot',
    listOf('listeModeDepot', { modeDepot: string }),
    () => ({ listeModeDepot: MODES_DEPOT.map((modeDepot) => ({ modeDepot })) }),
  ),
  fixed(
    '/recuperer/modereglements',
    'Payment modes → listeModePaiement',
    listOf('listeModePaiement', { modePaiement: string }),
    () => ({ listeModePaiement: MODES_REGLEMENT.map((modePaiement) => ({ modePaiement })) }),
  ),
  {
    path: '/recuperer/cadrefacturation',
    summary: 'Billing frameworks → listeCadreFacturation',
    request: request({ typeDemandePaiement: { type: 'string', enum: TYPES_DEMANDE_PAIEMENT } }),
    answer: listOf('listeCadreFacturation', { codeCadreFacturation: string }),
    run: async () => ({
      listeCadreFacturation: CADRES_DE_FACTURATION.map((codeCadreFacturation) => ({ codeCadreFacturation })),
    }),
  },
  fixed(
    '/recuperer/formatflux',
    'Flow syntaxes accepted by deposer/flux → listeFormatFlux',
    listOf('listeFormatFlux', { formatFlux: string }),
    () => ({ listeFormatFlux: Object.keys(FLOW_SYNTAXES).map((formatFlux) => ({ formatFlux })) }),
  ),
  fixed(
    '/recuperer/motifs/exonerationtva',
    'Grounds of VAT exemption → listeMotifsExonerationTva',
    listOf('listeMotifsExonerationTva', {
      codeMotifExonerationTva: string,
      libelleMotifExonerationTva: string,
    }),
    () => ({
      listeMotifsExonerationTva: MOTIFS_EXONERATION_TVA.map(([code, libelle]) => ({
        codeMotifExonerationTva: code,
        libelleMotifExonerationTva: libelle,
      })),
    }),
  ),
  {
    path: '/recuperer/motifs/refus/Facture/AValider',
    summary: 'Why a validator may refuse an invoice to validate → listeMotifRefusFactureAValider',
    request: request({ codeCadreFacturationAValider: { type: 'string', enum: [...CADRES_DE_FACTURATION] } }, [
      'codeCadreFacturationAValider',
    ]),
    answer: listOf('listeMotifRefusFactureAValider', {
      idMotif: integer,
      codeMotif: string,
      libelleMotif: string,
    }),
    run: async () => ({
      listeMotifRefusFactureAValider: MOTIFS_REFUS_A_VALIDER.map(([codeMotif, libelleMotif], i) => ({
        idMotif: i + 1,
        codeMotif,
        libelleMotif,
      })),
    }),
  },
  fixed(
    '/recuperer/typedp',
    'Kinds of payment request → listeTypeDemandePaiement',
    listOf('listeTypeDemandePaiement', { typeDemandePaiement: string }),
    () => ({
      listeTypeDemandePaiement: TYPES_DEMANDE_PAIEMENT.map((typeDemandePaiement) => ({
        typeDemandePaiement,
      })),
    }),
  ),
  {
    path: '/recuperer/etat/typedp',
    summary: 'Statuses a payment request of this kind may take → listeEtatDemandePaiement',
    request: request({ typeDemandePaiement: { type: 'string', enum: TYPES_DEMANDE_PAIEMENT } }),
    answer: listOf('listeEtatDemandePaiement', { etatDemandePaiement: string }),
    // Every kind goes through the one lifecycle (invoicing/lifecycle/transitions.ts).
    run: async () => ({
      listeEtatDemandePaiement: STATUSES.map((etatDemandePaiement) => ({ etatDemandePaiement })),
    }),
  },
  fixed(
    '/recuperer/typefacturetravaux',
    'Works-contract statement types → listeTypeFactureTravaux',
    listOf('listeTypeFactureTravaux', { typeFactureTravaux: string }),
    () => ({
      listeTypeFactureTravaux: TYPES_FACTURE_TRAVAUX.map((typeFactureTravaux) => ({ typeFactureTravaux })),
    }),
  ),
  fixed(
    '/recuperer/typeidentifiant/structure',
    'Structure identifier types → listeTypeIdentifiant',
    listOf('listeTypeIdentifiant', { typeIdentifiantStructure: string }),
    () => ({
      listeTypeIdentifiant: TYPES_IDENTIFIANT_STRUCTURE.map((typeIdentifiantStructure) => ({
        typeIdentifiantStructure,
      })),
    }),
  ),
  {
    path: '/recuperer/typespj',
    summary: 'Attachment types, optionally of one typeObjet → listeTypePieceJointe',
    request: request({ codeLangue: string, typeObjet: string }),
    answer: listOf('listeTypePieceJointe', {
      idTypePieceJointe: integer,
      codeTypePieceJointe: string,
      libelleTypePieceJointe: string,
      typeObjet: string,
    }),
    run: async (_deps, b) => ({
      listeTypePieceJointe: TYPES_PIECE_JOINTE.map(([code, libelle, typeObjet], i) => ({
        idTypePieceJointe: i + 1,
        codeTypePieceJointe: code,
        libelleTypePieceJointe: libelle,
        typeObjet,
      })).filter((t) => !b.typeObjet || t.typeObjet === b.typeObjet),
    }),
  },
  {
    path: '/recuperer/etats/traitement',
    summary: 'Statuses the recipient may set next → listeStatutsPossiblesPourTraitement',
    request: request({ statutCourant: { type: 'string', enum: [...STATUSES] } }, ['statutCourant']),
    answer: listOf('listeStatutsPossiblesPourTraitement', { statutPossiblePourTraitement: string }),
    run: async (_deps, b) => ({
      listeStatutsPossiblesPourTraitement: allowedNext(b.statutCourant as InvoiceStatusCode)
        .filter((t) => t.by === 'recipient')
        .map((t) => ({ statutPossiblePourTraitement: t.to })),
    }),
  },
];
