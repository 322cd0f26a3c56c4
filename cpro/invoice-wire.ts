import type { Db } from '../platform/db';
import { wireId } from './identifiers';

/** Amounts are decimal text in the read model; the wire gives numbers. */
const amount = (v: unknown) => (v === null || v === undefined || v === '' ? null : Number(v));
const day = (v: unknown) => (v ? new Date(String(v)).toISOString().slice(0, 10) : null);
const iso = (v: unknown) => (v ? new Date(String(v)).toISOString() : null);

/** typeFacture from the EN 16931 type code (BT-3): credit notes are AVOIR. */
export const typeFacture = (typeCode: unknown) => (String(typeCode) === '381' ? 'AVOIR' : 'FACTURE');

/** An invoice of the read model as the platform's `facture` objects name its facts. */
export async function factureOf(db: Db, row: Record<string, unknown>) {
  return {
    identifiantFactureCPP: await wireId(db, 'facture', row.id as string),
    numeroFacture: row.number as string,
    statutFacture: row.status as string,
    codeStatutReforme:
      row.reform_code === null || row.reform_code === undefined ? null : Number(row.reform_code),
    dateHeureEtatCourant: iso(row.status_at),
    dateFacture: (row.issue_date as string | null) ?? null,
    dateDepot: day(row.deposited_at),
    typeFacture: typeFacture(row.type_code),
    modeDepot: row.deposit_mode as string,
    devise: (row.currency as string | null) ?? null,
    montantHtTotal: amount(row.total_without_vat),
    montantTVA: amount(row.total_vat),
    montantTtcTotal: amount(row.total_with_vat),
    montantAPayer: amount(row.amount_due ?? row.total_with_vat),
    fournisseur: {
      idFournisseur: row.supplier_structure_id
        ? await wireId(db, 'structure', row.supplier_structure_id as string)
        : null,
      identifiantFournisseur: row.supplier_id as string,
      raisonSocialeFournisseur: (row.supplier_name as string | null) ?? null,
    },
    destinataire: {
      idDestinataire: row.recipient_structure_id
        ? await wireId(db, 'structure', row.recipient_structure_id as string)
        : null,
      codeDestinataire: (row.recipient_id as string | null) ?? null,
      raisonSocialeDestinataire: (row.recipient_name as string | null) ?? null,
      codeServiceExecutant: (row.service_code as string | null) ?? null,
    },
    references: {
      numeroBonCommande: (row.engagement_number as string | null) ?? null,
      numeroEngagement: (row.engagement_number as string | null) ?? null,
      numeroDPMandat: (row.mandate_number as string | null) ?? null,
    },
    cadreDeFacturation: { codeCadreFacturation: (row.cadre as string | null) ?? 'A1_FACTURE_FOURNISSEUR' },
    dateEcheancePaiement: (row.due_date as string | null) ?? null,
  };
}

/** A row of rechercher/fournisseur and rechercher/recipiendaire (`statut` is the name clients read there). */
export async function factureRowOf(db: Db, row: Record<string, unknown>) {
  const f = await factureOf(db, row);
  return {
    identifiantFactureCPP: f.identifiantFactureCPP,
    numeroFacture: f.numeroFacture,
    statut: f.statutFacture,
    statutFacture: f.statutFacture,
    dateFacture: f.dateFacture,
    dateDepot: f.dateDepot,
    typeFacture: f.typeFacture,
    devise: f.devise,
    montantHT: f.montantHtTotal,
    montantTTC: f.montantTtcTotal,
    montantAPayer: f.montantAPayer,
    idFournisseur: f.fournisseur.idFournisseur,
    identifiantFournisseur: f.fournisseur.identifiantFournisseur,
    raisonSocialeFournisseur: f.fournisseur.raisonSocialeFournisseur,
    idDestinataire: f.destinataire.idDestinataire,
    identifiantDestinataire: f.destinataire.codeDestinataire,
    raisonSocialeDestinataire: f.destinataire.raisonSocialeDestinataire,
    codeServiceExecutant: f.destinataire.codeServiceExecutant,
    numeroBonCommande: f.references.numeroBonCommande,
    codeCadreFacturation: f.cadreDeFacturation.codeCadreFacturation,
  };
}

/** The platform's paging objects: asked as {pageResultatDemandee, nbResultatsParPage}, answered as parametresRetour. */
export function paging(p: { pageResultatDemandee?: number; nbResultatsParPage?: number } | undefined) {
  const page = Math.max(1, Math.trunc(p?.pageResultatDemandee ?? 1));
  const pageSize = Math.min(1000, Math.max(1, Math.trunc(p?.nbResultatsParPage ?? 100)));
  return {
    page,
    pageSize,
    answer: (total: number) => ({
      total,
      pageCourante: page,
      pages: Math.max(1, Math.ceil(total / pageSize)),
      nbResultatsParPage: pageSize,
    }),
  };
}
