import { invoiceHistory } from '../../invoicing/read-model';
import { internalId } from '../../service-mode/identifiers';
import {
  BUYER,
  BUYER2,
  cpro,
  startFacturesPlatform,
  submitted,
  VALIDATOR,
  waitForStatus,
  type FacturesPlatform,
} from './factures-platform';

/** An instant in Paris time, written as the platform writes dates and times: `2016-05-24 15:02`. */
const paris = (iso: string) =>
  new Date(iso).toLocaleString('sv-SE', { timeZone: 'Europe/Paris' }).slice(0, 16);

let f: FacturesPlatform;

describe('Service mode factures: the published wire', () => {
  beforeAll(async () => {
    f = await startFacturesPlatform();
  }, 120_000);
  afterAll(() => f?.p.stop());

  it('consulter/historique writes histoStatutDatePassage as the platform does, Paris time; date-only fields are YYYY-MM-DD', async () => {
    const id = await submitted(f, 'H-2026-1', ['MISE_A_DISPOSITION']);
    const history = await cpro(f.p, 'factures/v1/consulter/historique', f.supplier, { idFacture: id });
    expect(history.body.codeRetour).toBe(0);
    const internal = (await internalId(f.p.db, 'facture', id))!;
    const stored = await invoiceHistory(f.p.db, internal);
    expect(
      history.body.historiquesDesStatuts.histoStatut.map(
        (h: { histoStatutDatePassage: string }) => h.histoStatutDatePassage,
      ),
    ).toEqual(stored.map((h) => paris(h.at)));
    for (const h of history.body.historiquesDesStatuts.histoStatut)
      expect(h.histoStatutDatePassage).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    const facture = await waitForStatus(f, f.supplier, 'fournisseur', id, ['MISE_A_DISPOSITION']);
    expect(facture.references.dateDepot).toBe(paris(stored[0].at).slice(0, 10));
    expect(facture.references.dateFacture).toBe('2026-11-02');
  }, 60_000);

  it('soumettre reads the rate code ligneTvaTaux (TVA20) and pieceJointePrincipale {} as absent; an unknown code names its field', async () => {
    const id = await submitted(f, 'T-2026-1', ['MISE_A_DISPOSITION', 'REJETEE'], {
      lignePoste: [
        { lignePosteQuantite: '2', lignePosteMontantUnitaireHT: '50.00', lignePosteTauxTva: 'TVA20' },
      ],
      ligneTva: [{ ligneTvaTaux: 'TVA20', ligneTvaMontantBaseHtParTaux: 100, ligneTvaMontantTvaParTaux: 20 }],
      pieceJointePrincipale: {},
    });
    const facture = await waitForStatus(f, f.supplier, 'fournisseur', id, ['MISE_A_DISPOSITION', 'REJETEE']);
    expect(facture).toMatchObject({ statutFacture: 'MISE_A_DISPOSITION', montantTotal: { montantTVA: 20 } });

    const unknown = await cpro(f.p, 'factures/v1/soumettre', f.supplier, {
      numeroFactureSaisi: 'T-2026-2',
      dateFacture: '2026-11-02',
      destinataire: { codeDestinataire: BUYER },
      fournisseur: { idFournisseur: f.idFournisseur },
      ligneTva: [{ ligneTvaTaux: 'TVA19', ligneTvaMontantBaseHtParTaux: 100, ligneTvaMontantTvaParTaux: 19 }],
    });
    expect(unknown).toMatchObject({
      status: 400,
      body: { codeRetour: 20001, erreur: { champ: 'ligneTva.0.ligneTvaTaux' } },
    });
  }, 60_000);

  it('consulter/fournisseur with {} answers a parameter error naming identifiantFactureCPP; ids as strings are read', async () => {
    const empty = await cpro(f.p, 'factures/v1/consulter/fournisseur', f.supplier, {});
    expect(empty).toMatchObject({
      status: 400,
      body: { codeRetour: 20001, erreur: { champ: 'identifiantFactureCPP' } },
    });
    expect(empty.body.libelle).not.toContain('undefined');
    const id = await submitted(f, 'S-2026-1', ['MISE_A_DISPOSITION']);
    const asText = await cpro(f.p, 'factures/v1/consulter/fournisseur', f.supplier, {
      identifiantFactureCPP: String(id),
    });
    expect(asText.body).toMatchObject({ codeRetour: 0, facture: { identifiantFactureCPP: id } });
    const paged = await cpro(f.p, 'factures/v1/rechercher/fournisseur', f.supplier, {
      rechercheFactureParFournisseur: { pageResultatDemandee: '1', nbResultatsParPage: '2' },
    });
    expect(paged.body).toMatchObject({
      codeRetour: 0,
      parametresRetour: { nbResultatsParPage: 2, pageCourante: 1 },
    });
  }, 60_000);

  it('recycler reads the published destinataire{codeDestinataire, codeServiceExecutant} and sends the invoice to that buyer', async () => {
    const id = await submitted(f, 'R-2026-1', ['MISE_A_DISPOSITION']);
    const toRecycle = await cpro(f.p, 'factures/v1/traiter/recue', f.buyer, {
      idFacture: id,
      nouveauStatut: 'A_RECYCLER',
      motif: 'Destinataire erroné',
    });
    expect(toRecycle.body.nouveauStatut).toBe('A_RECYCLER');
    const recycled = await cpro(f.p, 'factures/v1/recycler', f.supplier, {
      identifiantFactureCPP: id,
      destinataire: { codeDestinataire: BUYER2 },
      commentaire: 'Le bon destinataire',
    });
    expect(recycled.body).toMatchObject({
      codeRetour: 0,
      identifiantFactureCPP: id,
      numeroFacture: 'R-2026-1',
      dateDepot: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    });
    const atBuyer2 = await waitForStatus(f, f.buyer2, 'recipiendaire', id, ['MISE_A_DISPOSITION']);
    expect(atBuyer2.destinataire).toMatchObject({ codeDestinataire: BUYER2 });
    const atBuyer = await cpro(f.p, 'factures/v1/consulter/recipiendaire', f.buyer, {
      identifiantFactureCPP: id,
    });
    expect(atBuyer.body.codeRetour).toBe(20010);
  }, 60_000);

  it('completer attaches the published pieceJointeComplementaire files uploaded with ajouter/fichier', async () => {
    const id = await submitted(f, 'C-2026-1', ['MISE_A_DISPOSITION']);
    await cpro(f.p, 'factures/v1/traiter/recue', f.buyer, {
      idFacture: id,
      nouveauStatut: 'SUSPENDUE',
      motif: 'Bon de livraison manquant',
    });
    const piece = await cpro(f.p, 'transverses/v1/ajouter/fichier', f.supplier, {
      pieceJointeFichier: Buffer.from('bon de livraison signé').toString('base64'),
      pieceJointeNom: 'bon-livraison.txt',
      pieceJointeTypeMime: 'text/plain',
      pieceJointeExtension: 'txt',
    });
    const completed = await cpro(f.p, 'factures/v1/completer', f.supplier, {
      identifiantFactureCPP: id,
      pieceJointeComplementaire: [
        {
          pieceJointeComplementaireId: piece.body.pieceJointeId,
          pieceJointeComplementaireDesignation: 'Bon de livraison',
          pieceJointeComplementaireType: 'BON_LIVRAISON',
        },
      ],
    });
    expect(completed.body).toMatchObject({
      codeRetour: 0,
      identifiantFactureCPP: id,
      numeroFacture: 'C-2026-1',
      dateTraitement: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    });
    const stored = await invoiceHistory(f.p.db, (await internalId(f.p.db, 'facture', id))!);
    expect(stored.at(-1)).toMatchObject({
      status: 'COMPLETEE',
      attachments: [expect.objectContaining({ filename: 'bon-livraison.txt' })],
    });
    const unknown = await cpro(f.p, 'factures/v1/completer', f.supplier, {
      identifiantFactureCPP: id,
      pieceJointeComplementaire: [{ pieceJointeComplementaireId: 999_999 }],
    });
    expect(unknown.body).toMatchObject({
      codeRetour: 20004,
      erreur: { champ: 'pieceJointeComplementaire.0.pieceJointeComplementaireId' },
    });
  }, 60_000);

  it('the validator of an A9 invoice finds, reads and validates it; the invoice then goes on to the buyer', async () => {
    const id = await submitted(f, 'V-2026-1', ['A_VALIDER_1'], {
      cadreDeFacturation: {
        codeCadreFacturation: 'A9_FACTURE_SOUSTRAITANT',
        codeStructureValideur: VALIDATOR,
      },
    });
    const visible = await cpro(f.p, 'factures/v1/recuperer/statutsFactureVisibles/valideur', f.validator, {});
    expect(visible.body.listeStatutFacture).toContainEqual({ codeStatutFacture: 'A_VALIDER_1' });
    const found = await cpro(f.p, 'factures/v1/rechercher/valideur', f.validator, {
      statutCourant: ['A_VALIDER_1'],
      pagination: { pageResultatDemandee: 1, nbResultatsParPage: 10 },
    });
    expect(found.body).toMatchObject({
      codeRetour: 0,
      listeFactures: [
        expect.objectContaining({ idFacture: id, statut: 'A_VALIDER_1', identifiantValideur: VALIDATOR }),
      ],
      parametresRetour: { total: 1, pageCourante: 1, pages: 1, nbResultatsParPage: 10 },
    });
    const seen = await cpro(f.p, 'factures/v1/consulter/valideur', f.validator, {
      identifiantFactureCPP: id,
    });
    expect(seen.body.facture).toMatchObject({ numeroFacture: 'V-2026-1', statutFacture: 'A_VALIDER_1' });
    // Not the buyer's to validate, nor the supplier's.
    const byBuyer = await cpro(f.p, 'factures/v1/consulter/valideur', f.buyer, { identifiantFactureCPP: id });
    expect(byBuyer.body.codeRetour).toBe(20010);
    const wrongAction = await cpro(f.p, 'factures/v1/traiter/factureAValider', f.validator, {
      idFacture: id,
      action: 'MISE_EN_PAIEMENT',
    });
    expect(wrongAction.body).toMatchObject({ codeRetour: 20020, erreur: { champ: 'action' } });
    const validated = await cpro(f.p, 'factures/v1/traiter/factureAValider', f.validator, {
      idFacture: id,
      action: 'VALIDATION',
    });
    expect(validated.body).toMatchObject({
      codeRetour: 0,
      idFacture: id,
      numeroFacture: 'V-2026-1',
      statutFacture: 'VALIDEE_1',
      dateTraitement: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    });
    await waitForStatus(f, f.buyer, 'recipiendaire', id, ['MISE_A_DISPOSITION']);
  }, 60_000);

  it('rechercher/demandePaiement lists invoices; the MOE / MOA works circuit is refused with a stable code', async () => {
    const id = await submitted(f, 'D-2026-1', ['MISE_A_DISPOSITION']);
    const mine = await cpro(f.p, 'factures/v1/rechercher/demandePaiement', f.supplier, {
      typeDemandePaiement: 'FACTURE',
      numeroFacture: 'D-2026-1',
    });
    expect(mine.body).toMatchObject({
      codeRetour: 0,
      listeDemandePaiement: [
        expect.objectContaining({
          idDemandePaiement: id,
          numeroDemandePaiement: 'D-2026-1',
          typeDemandePaiement: 'FACTURE',
          etatCourant: 'MISE_A_DISPOSITION',
        }),
      ],
    });
    const works = await cpro(f.p, 'factures/v1/rechercher/demandePaiement', f.supplier, {
      typeDemandePaiement: 'FACTURE_TRAVAUX',
    });
    expect(works.body).toMatchObject({ codeRetour: 0, listeDemandePaiement: [] });
    const moe = await cpro(f.p, 'factures/v1/rechercher/demandePaiement', f.supplier, {
      typeDemandePaiement: 'FACTURE_TRAVAUX',
      roleUtilisateur: 'MOE',
    });
    expect(moe.body).toMatchObject({
      codeRetour: 20099,
      erreur: { champ: 'roleUtilisateur', code: 'WORKS_FLOW_NOT_SUPPORTED' },
    });
  }, 60_000);

  it('traiterRejet records that the supplier has handled a rejection, once', async () => {
    const id = await submitted(f, 'J-2026-1', ['MISE_A_DISPOSITION']);
    await cpro(f.p, 'factures/v1/traiter/recue', f.buyer, {
      idFacture: id,
      nouveauStatut: 'REJETEE',
      motif: 'Prestation non commandée',
    });
    const handled = await cpro(f.p, 'factures/v1/traiterRejet', f.supplier, {
      listeDemandePaiement: [{ idDemandePaiement: id }],
      motifRejet: 'Avoir émis',
    });
    expect(handled.body).toEqual({ codeRetour: 0, libelle: expect.any(String) });
    const again = await cpro(f.p, 'factures/v1/traiterRejet', f.supplier, {
      listeDemandePaiement: [{ idDemandePaiement: id }],
    });
    expect(again.body.codeRetour).toBe(20025);
  }, 60_000);
});
