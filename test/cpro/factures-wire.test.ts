import { invoiceHistory } from '../../invoicing/read-model';
import { internalId } from '../../service-mode/identifiers';
import {
  BUYER,
  BUYER2,
  cpro,
  SUPPLIER,
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

  it('corriger/valideur/facture hands an invoice the wrong validator refused to the right one, in A_VALIDER_1', async () => {
    const id = await submitted(f, 'W-2026-1', ['A_VALIDER_1'], {
      cadreDeFacturation: { codeCadreFacturation: 'A9_FACTURE_SOUSTRAITANT', codeStructureValideur: BUYER2 },
    });
    const refused = await cpro(f.p, 'factures/v1/traiter/factureAValider', f.buyer2, {
      idFacture: id,
      action: 'REFUS',
      motifRefus: 'Nous ne sommes pas le titulaire de ce marché',
    });
    expect(refused.body).toMatchObject({ codeRetour: 0, statutFacture: 'REFUSEE_1' });
    const idValidator = (
      await cpro(f.p, 'structures/v1/rechercher', f.supplier, {
        structure: { identifiantStructure: VALIDATOR, typeIdentifiantStructure: 'SIRET' },
      })
    ).body.listeStructures[0].idStructureCPP;

    // Not the buyer's to correct; not the supplier itself; a structure that exists.
    const byBuyer = await cpro(f.p, 'factures/v1/corriger/valideur/facture', f.buyer2, {
      idFacture: id,
      idStructure: idValidator,
    });
    expect(byBuyer.body).toMatchObject({ codeRetour: 20010, erreur: { champ: 'idFacture' } });
    const itself = await cpro(f.p, 'factures/v1/corriger/valideur/facture', f.supplier, {
      idFacture: id,
      identifiantStructure: SUPPLIER,
      typeIdentifiantStructure: 'SIRET',
    });
    expect(itself.body).toMatchObject({
      codeRetour: 20099,
      erreur: { champ: 'identifiantStructure', code: 'VALIDATOR_NOT_ALLOWED' },
    });
    const unknown = await cpro(f.p, 'factures/v1/corriger/valideur/facture', f.supplier, {
      idFacture: id,
      idStructure: 999_999,
    });
    expect(unknown.body).toMatchObject({ codeRetour: 20040, erreur: { champ: 'idStructure' } });

    const corrected = await cpro(f.p, 'factures/v1/corriger/valideur/facture', f.supplier, {
      idFacture: id,
      idStructure: idValidator,
      identifiantStructure: VALIDATOR,
      typeIdentifiantStructure: 'SIRET',
    });
    expect(corrected.body).toEqual({ codeRetour: 0, libelle: expect.any(String), idFacture: id });
    const seen = await cpro(f.p, 'factures/v1/consulter/valideur', f.validator, {
      identifiantFactureCPP: id,
    });
    expect(seen.body.facture).toMatchObject({ numeroFacture: 'W-2026-1', statutFacture: 'A_VALIDER_1' });
    // The structure that refused is no longer its validator.
    const former = await cpro(f.p, 'factures/v1/consulter/valideur', f.buyer2, { identifiantFactureCPP: id });
    expect(former.body.codeRetour).toBe(20010);
    const history = await cpro(f.p, 'factures/v1/consulter/historique', f.supplier, { idFacture: id });
    const codes: string[] = history.body.historiquesDesStatuts.histoStatut.map(
      (h: { histoStatutCode: string }) => h.histoStatutCode,
    );
    // Waiting for the first validator, refused by it, waiting for the second.
    expect(codes.filter((c) => c === 'A_VALIDER_1')).toHaveLength(2);
    expect(codes).toContain('REFUSEE_1');
    const again = await cpro(f.p, 'factures/v1/corriger/valideur/facture', f.supplier, {
      idFacture: id,
      idStructure: idValidator,
    });
    expect(again.body).toMatchObject({ codeRetour: 20099, erreur: { code: 'VALIDATOR_NOT_ALLOWED' } });

    const validated = await cpro(f.p, 'factures/v1/traiter/factureAValider', f.validator, {
      idFacture: id,
      action: 'VALIDATION',
    });
    expect(validated.body).toMatchObject({ codeRetour: 0, statutFacture: 'VALIDEE_1' });
    await waitForStatus(f, f.buyer, 'recipiendaire', id, ['MISE_A_DISPOSITION']);
    const late = await cpro(f.p, 'factures/v1/corriger/valideur/facture', f.supplier, {
      idFacture: id,
      idStructure: idValidator,
    });
    expect(late.body).toMatchObject({ codeRetour: 20020 });
  }, 60_000);

  it('ajouter/fichier checks the content as the native API does: kind by its bytes, complete PDFs, no web page', async () => {
    const upload = (nom: string, content: Buffer) =>
      cpro(f.p, 'transverses/v1/ajouter/fichier', f.supplier, {
        pieceJointeFichier: content.toString('base64'),
        pieceJointeNom: nom,
      });
    const refusals = {
      page: await upload('annexe.pdf', Buffer.from('<!DOCTYPE html><html><script>alert(1)</script></html>')),
      png: await upload('annexe.pdf', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0])),
      truncated: await upload('annexe.pdf', Buffer.from('%PDF-1.7\n1 0 obj << >> endobj\n')),
      encrypted: await upload('annexe.pdf', Buffer.from('%PDF-1.7\ntrailer << /Encrypt 5 0 R >>\n%%EOF\n')),
    };
    expect(
      Object.fromEntries(
        Object.entries(refusals).map(([k, r]) => [k, [r.status, r.body.codeRetour, r.body.erreur?.code]]),
      ),
    ).toEqual({
      page: [400, 20004, 'ATTACHMENT_TYPE_NOT_ALLOWED'],
      png: [400, 20004, 'ATTACHMENT_TYPE_MISMATCH'],
      truncated: [400, 20004, 'PDF_TRUNCATED'],
      encrypted: [400, 20004, 'PDF_ENCRYPTED'],
    });
    expect(refusals.page.body.erreur.champ).toBe('pieceJointeFichier');
    const kept = await upload('  annexe\u202e.pdf', Buffer.from('%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n'));
    expect(kept.body).toEqual({
      codeRetour: 0,
      libelle: expect.any(String),
      pieceJointeId: expect.any(Number),
    });
  }, 60_000);

  it('a locked technical account answers 429 with Retry-After, codeRetour 14 and the native code', async () => {
    const header = Buffer.from('compte-inconnu:mauvais mot de passe').toString('base64');
    const attempt = () =>
      cpro(f.p, 'transverses/v1/recuperer/tauxtva', { token: f.supplier.token, account: header });
    for (let i = 0; i < 5; i += 1) expect((await attempt()).status).toBe(401);
    const res = await fetch(`${f.p.url}/cpro/transverses/v1/recuperer/tauxtva`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${f.supplier.token}`,
        'cpro-account': header,
      },
      body: '{}',
    });
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await res.json()).toMatchObject({
      codeRetour: 14,
      erreur: { code: 'CREDENTIALS_LOCKED', champ: 'cpro-account' },
    });
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
