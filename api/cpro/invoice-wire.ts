import type { Db } from '../../platform/db';
import { wireIds } from '../../service-mode/identifiers';

/** Amounts are decimal text in the read model; the wire gives numbers. */
const amount = (v: unknown) => (v === null || v === undefined || v === '' ? null : Number(v));
const day = (v: unknown) => (v ? new Date(String(v)).toISOString().slice(0, 10) : null);
const iso = (v: unknown) => (v ? new Date(String(v)).toISOString() : null);

/** typeFacture from the EN 16931 type code (BT-3): credit notes are AVOIR. */
export const typeFacture = (typeCode: unknown) => (String(typeCode) === '381' ? 'AVOIR' : 'FACTURE');

/**
 * An invoice of the read model as the platform's `facture` object names its facts (the shape the
 * Go SDK decodes: fournisseur, destinataire, references, montantTotal, cadreDeFacturation).
 */
/** The wire integers of a page of invoices and of the structures they name, read in a few queries. */
export async function wireIdsOf(db: Db, rows: Record<string, unknown>[]) {
  const structures = rows
    .flatMap((r) => [r.supplier_structure_id, r.recipient_structure_id])
    .filter((id): id is string => typeof id === 'string');
  return {
    facture: await wireIds(
      db,
      'facture',
      rows.map((r) => r.id as string),
    ),
    structure: await wireIds(db, 'structure', structures),
  };
}

export type InvoiceWireIds = Awaited<ReturnType<typeof wireIdsOf>>;

export function factureOf(row: Record<string, unknown>, ids: InvoiceWireIds) {
  const structure = (id: unknown) => (typeof id === 'string' ? (ids.structure.get(id) ?? null) : null);
  return {
    identifiantFactureCPP: ids.facture.get(row.id as string)!,
    numeroFacture: row.number as string,
    statutFacture: row.status as string,
    // Ours: the 2026 reform's status code (lifecycle/transitions.ts).
    codeStatutReforme:
      row.reform_code === null || row.reform_code === undefined ? null : Number(row.reform_code),
    dateHeureEtatCourant: iso(row.status_at),
    modeDepot: row.deposit_mode as string,
    fournisseur: {
      idFournisseur: structure(row.supplier_structure_id),
      codeFournisseur: row.supplier_id as string,
      designationFournisseur: (row.supplier_name as string | null) ?? null,
    },
    destinataire: {
      idDestinataire: structure(row.recipient_structure_id),
      codeDestinataire: (row.recipient_id as string | null) ?? null,
      libelleDestinataire: (row.recipient_name as string | null) ?? null,
      codeServiceExecutant: (row.service_code as string | null) ?? null,
    },
    references: {
      typeFacture: typeFacture(row.type_code),
      codeDeviseFacture: (row.currency as string | null) ?? null,
      dateFacture: (row.issue_date as string | null) ?? null,
      dateDepot: day(row.deposited_at),
      dateEcheancePaiement: (row.due_date as string | null) ?? null,
      numeroBonCommande: (row.engagement_number as string | null) ?? null,
      numeroDpMandat: (row.mandate_number as string | null) ?? null,
    },
    montantTotal: {
      montantHtTotal: amount(row.total_without_vat),
      montantTVA: amount(row.total_vat),
      montantTtcTotal: amount(row.total_with_vat),
      montantAPayer: amount(row.amount_due ?? row.total_with_vat),
    },
    cadreDeFacturation: { codeCadreFacturation: (row.cadre as string | null) ?? 'A1_FACTURE_FOURNISSEUR' },
  };
}

/**
 * A row of rechercher/fournisseur and rechercher/recipiendaire: `idFacture` and `statut` as the SDKs
 * read them, `identifiantFactureCPP` as Odoo does.
 */
export function factureRowOf(row: Record<string, unknown>, ids: InvoiceWireIds) {
  const f = factureOf(row, ids);
  return {
    identifiantFactureCPP: f.identifiantFactureCPP,
    idFacture: f.identifiantFactureCPP,
    numeroFacture: f.numeroFacture,
    statut: f.statutFacture,
    dateHeureEtatCourant: f.dateHeureEtatCourant,
    dateFacture: f.references.dateFacture,
    dateDepot: f.references.dateDepot,
    typeFacture: f.references.typeFacture,
    devise: f.references.codeDeviseFacture,
    montantHT: f.montantTotal.montantHtTotal,
    montantTTC: f.montantTotal.montantTtcTotal,
    montantAPayer: f.montantTotal.montantAPayer,
    idFournisseur: f.fournisseur.idFournisseur,
    codeFournisseur: f.fournisseur.codeFournisseur,
    designationFournisseur: f.fournisseur.designationFournisseur,
    idDestinataire: f.destinataire.idDestinataire,
    codeDestinataire: f.destinataire.codeDestinataire,
    designationDestinataire: f.destinataire.libelleDestinataire,
    codeServiceExecutant: f.destinataire.codeServiceExecutant,
    numeroBonCommande: f.references.numeroBonCommande,
  };
}

/** The platform's paging objects: asked as {pageResultatDemandee, nbResultatsParPage}, answered as parametresRetour. */
export function paging(p: { pageResultatDemandee?: number; nbResultatsParPage?: number } | undefined) {
  const page = Math.max(1, Math.trunc(p?.pageResultatDemandee ?? 1));
  // Clients ask for up to 10,000 at once (Odoo's list of services).
  const pageSize = Math.min(10_000, Math.max(1, Math.trunc(p?.nbResultatsParPage ?? 100)));
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
