import createClient from 'openapi-fetch';
import type { paths } from './cpro-api';

/**
 * A supplier's and a buyer's journeys through Service mode, written against the types openapi-typescript
 * generates from /cpro/openapi.json, with openapi-fetch: what an ERP developer writes. Each step is named,
 * runs after the previous ones and leaves what the next ones need in the shared state.
 */
export interface JourneyInput {
  baseUrl: string;
  supplierApp: { clientId: string; clientSecret: string; account: string };
  buyer: { token: string; account: string };
  /** The buyer a recycled invoice goes to instead. */
  otherBuyerSiret: string;
  validatorSiret: string;
  /** A UBL invoice from the supplier to the buyer, numbered as asked. */
  invoice(number: string): Uint8Array;
  /** A PDF image for soumettre. */
  pdf: Uint8Array;
}

type Client = ReturnType<typeof createClient<paths>>;
const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
const minuteFormat = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/;

function check(condition: unknown, what: string, answer?: unknown): asserts condition {
  if (!condition) throw new Error(`${what}${answer === undefined ? '' : `: ${JSON.stringify(answer)}`}`);
}

export interface JourneyState {
  supplier?: Client;
  buyer?: Client;
  idFournisseur?: number;
  toRecycle?: number;
  toComplete?: number;
  toProcess?: number;
  toValidate?: number;
}

const cproClient = (baseUrl: string, token: string, account: string): Client =>
  createClient<paths>({ baseUrl, headers: { authorization: `Bearer ${token}`, 'cpro-account': account } });

async function deposit(c: Client, input: JourneyInput, number: string): Promise<number> {
  const { data, error } = await c.POST('/cpro/factures/v1/deposer/flux', {
    body: {
      fichierFlux: b64(input.invoice(number)),
      nomFichier: `${number}.xml`,
      syntaxeFlux: 'IN_DP_E1_UBL_INVOICE',
      avecSignature: false,
    },
  });
  check(data, 'deposer/flux', error);
  const deadline = Date.now() + 60_000;
  for (;;) {
    const cr = await c.POST('/cpro/transverses/v1/consulterCR', {
      body: { numeroFluxDepot: data.numeroFluxDepot },
    });
    check(cr.data, 'consulterCR', cr.error);
    if (cr.data.etatCourantFlux === 'IN_INTEGRE') break;
    check(
      !['IN_REJETE', 'IN_INCIDENTE', 'IN_INTEGRE_PARTIEL'].includes(cr.data.etatCourantFlux),
      'flow refused',
      cr.data,
    );
    check(Date.now() < deadline, 'flow still in progress', cr.data);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const found = await c.POST('/cpro/factures/v1/rechercher/fournisseur', {
    body: { numeroFluxDepot: data.numeroFluxDepot },
  });
  check(found.data?.listeFactures.length === 1, 'rechercher/fournisseur by numeroFluxDepot', found);
  return found.data.listeFactures[0].identifiantFactureCPP;
}

/** Waits until the buyer sees the invoice, in one of these statuses. */
async function buyerSees(c: Client, idFacture: number, statuses: string[]) {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const r = await c.POST('/cpro/factures/v1/consulter/recipiendaire', {
      body: { identifiantFactureCPP: idFacture },
    });
    if (r.data && statuses.includes(r.data.facture.statutFacture)) return r.data.facture;
    check(Date.now() < deadline, `invoice ${idFacture} not ${statuses.join('/')}`, r.data ?? r.error);
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}

async function traiter(
  c: Client,
  idFacture: number,
  nouveauStatut: 'A_RECYCLER' | 'SUSPENDUE' | 'SERVICE_FAIT',
  motif?: string,
) {
  const r = await c.POST('/cpro/factures/v1/traiter/recue', { body: { idFacture, nouveauStatut, motif } });
  check(r.data?.codeRetour === 0, `traiter/recue ${nouveauStatut}`, r.error);
}

export const supplierJourney: [string, (s: JourneyState, i: JourneyInput) => Promise<void>][] = [
  [
    'token: OAuth2 client credentials',
    async (s, i) => {
      const res = await fetch(`${i.baseUrl}/api/oauth/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'client_credentials',
          client_id: i.supplierApp.clientId,
          client_secret: i.supplierApp.clientSecret,
          scope: 'openid',
        }).toString(),
      });
      const token = (await res.json()) as { access_token: string };
      check(token.access_token, 'token', token);
      s.supplier = cproClient(i.baseUrl, token.access_token, i.supplierApp.account);
      s.buyer = cproClient(i.baseUrl, i.buyer.token, i.buyer.account);
      const mine = await s.supplier.POST('/cpro/transverses/v1/recuperer/structures/actives/fournisseur', {
        body: {},
      });
      check(mine.data, 'structures actives', mine.error);
      s.idFournisseur = mine.data.listeStructures[0].idStructureCPP;
    },
  ],
  [
    'deposer/flux, then rechercher/fournisseur by numeroFluxDepot',
    async (s, i) => {
      s.toRecycle = await deposit(s.supplier!, i, 'TC-RECYCLE-1');
      s.toComplete = await deposit(s.supplier!, i, 'TC-COMPLETE-1');
      s.toProcess = await deposit(s.supplier!, i, 'TC-PROCESS-1');
    },
  ],
  [
    'consulter/historique: dates as the platform writes them (2016-05-24 15:02)',
    async (s) => {
      const h = await s.supplier!.POST('/cpro/factures/v1/consulter/historique', {
        body: { identifiantFactureCPP: s.toRecycle! },
      });
      check(h.data, 'consulter/historique', h.error);
      const dates = h.data.historiquesDesStatuts.histoStatut.map((e) => e.histoStatutDatePassage);
      check(
        dates.length > 0 && dates.every((d) => minuteFormat.test(d)),
        'histoStatutDatePassage format',
        dates,
      );
    },
  ],
  [
    'recycler: the buyer returns it A_RECYCLER, the supplier sends it to another buyer',
    async (s, i) => {
      await buyerSees(s.buyer!, s.toRecycle!, ['MISE_A_DISPOSITION']);
      await traiter(s.buyer!, s.toRecycle!, 'A_RECYCLER', 'Mauvais destinataire');
      const r = await s.supplier!.POST('/cpro/factures/v1/recycler', {
        body: { identifiantFactureCPP: s.toRecycle!, destinataire: { codeDestinataire: i.otherBuyerSiret } },
      });
      check(r.data?.codeRetour === 0, 'recycler', r.error);
      const f = await s.supplier!.POST('/cpro/factures/v1/consulter/fournisseur', {
        body: { identifiantFactureCPP: s.toRecycle! },
      });
      check(
        f.data?.facture.destinataire.codeDestinataire === i.otherBuyerSiret,
        'recycled to the other buyer',
        f.data,
      );
    },
  ],
  [
    'completer: the buyer suspends it, the supplier completes it with an attachment',
    async (s) => {
      await buyerSees(s.buyer!, s.toComplete!, ['MISE_A_DISPOSITION']);
      await traiter(s.buyer!, s.toComplete!, 'SUSPENDUE', 'Bon de livraison manquant');
      const file = await s.supplier!.POST('/cpro/transverses/v1/ajouter/fichier', {
        body: {
          pieceJointeFichier: b64(Buffer.from('%PDF-1.4 bon de livraison\n%%EOF\n')),
          pieceJointeNom: 'bon-de-livraison.pdf',
          pieceJointeTypeMime: 'application/pdf',
          pieceJointeExtension: 'PDF',
        },
      });
      check(file.data, 'ajouter/fichier', file.error);
      const r = await s.supplier!.POST('/cpro/factures/v1/completer', {
        body: {
          identifiantFactureCPP: s.toComplete!,
          commentaire: 'Bon de livraison joint',
          pieceJointeComplementaire: [
            {
              pieceJointeComplementaireId: file.data.pieceJointeId,
              pieceJointeComplementaireDesignation: 'BL',
            },
          ],
        },
      });
      check(r.data?.codeRetour === 0, 'completer', r.data ?? r.error);
    },
  ],
];

export const buyerJourney: [string, (s: JourneyState, i: JourneyInput) => Promise<void>][] = [
  [
    'rechercher/recipiendaire finds the received invoices',
    async (s) => {
      await buyerSees(s.buyer!, s.toProcess!, ['MISE_A_DISPOSITION']);
      const r = await s.buyer!.POST('/cpro/factures/v1/rechercher/recipiendaire', { body: {} });
      check(r.data, 'rechercher/recipiendaire', r.error);
      check(
        r.data.listeFactures.some((f) => f.idFacture === s.toProcess),
        'invoice listed',
        r.data,
      );
    },
  ],
  [
    'traiter/recue: service fait',
    async (s) => {
      const next = await s.buyer!.POST('/cpro/transverses/v1/recuperer/etats/traitement', {
        body: { statutCourant: 'MISE_A_DISPOSITION' },
      });
      check(
        next.data?.listeStatutsPossiblesPourTraitement.some(
          (e) => e.statutPossiblePourTraitement === 'SERVICE_FAIT',
        ),
        'etats/traitement',
        next.data,
      );
      await traiter(s.buyer!, s.toProcess!, 'SERVICE_FAIT');
    },
  ],
  [
    'validator: an A9 invoice sent to the wrong validator is corrected, then found, read and validated',
    async (s, i) => {
      const pdf = await s.supplier!.POST('/cpro/transverses/v1/ajouter/fichier', {
        body: { pieceJointeFichier: b64(i.pdf), pieceJointeNom: 'facture.pdf' },
      });
      check(pdf.data, 'ajouter/fichier', pdf.error);
      const banks = await s.supplier!.POST('/cpro/transverses/v1/recuperer/coordbanc/valides', {
        body: { idStructure: s.idFournisseur! },
      });
      check(banks.data, 'recuperer/coordbanc/valides', banks.error);
      const soumis = await s.supplier!.POST('/cpro/factures/v1/soumettre', {
        body: {
          modeDepot: 'SAISIE_API',
          numeroFactureSaisi: 'TC-A9-1',
          dateFacture: new Date().toISOString().slice(0, 10),
          destinataire: { codeDestinataire: i.otherBuyerSiret },
          fournisseur: {
            idFournisseur: s.idFournisseur!,
            codeCoordonneesBancairesFournisseur: banks.data.listeCoordonneeBancaire[0].idCoordonneeBancaire,
          },
          cadreDeFacturation: {
            codeCadreFacturation: 'A9_FACTURE_SOUSTRAITANT',
            // A mistake the supplier corrects below (corriger/valideur/facture).
            codeStructureValideur: i.otherBuyerSiret,
          },
          references: {
            deviseFacture: 'EUR',
            typeFacture: 'FACTURE',
            typeTva: 'TVA_SUR_DEBIT',
            modePaiement: 'VIREMENT',
          },
          lignePoste: [
            {
              lignePosteNumero: 1,
              lignePosteReference: 'LOT-1',
              lignePosteDenomination: 'Travaux sous-traités',
              lignePosteQuantite: 1,
              lignePosteUnite: 'C62',
              lignePosteMontantUnitaireHT: 1000,
              lignePosteTauxTva: 'TVA20',
            },
          ],
          ligneTva: [
            { ligneTvaTaux: 'TVA20', ligneTvaMontantBaseHtParTaux: 1000, ligneTvaMontantTvaParTaux: 200 },
          ],
          montantTotal: { montantHtTotal: 1000, montantTVA: 200, montantTtcTotal: 1200, montantAPayer: 1200 },
          pieceJointePrincipale: [
            { pieceJointePrincipaleDesignation: 'Facture', pieceJointePrincipaleId: pdf.data.pieceJointeId },
          ],
        },
      });
      check(soumis.data, 'soumettre A9', soumis.error);
      const deadline = Date.now() + 30_000;
      const id = soumis.data.identifiantFactureCPP;
      for (;;) {
        const r = await s.supplier!.POST('/cpro/factures/v1/consulter/fournisseur', {
          body: { identifiantFactureCPP: id },
        });
        if (r.data?.facture.statutFacture === 'A_VALIDER_1') break;
        check(Date.now() < deadline, 'A9 invoice awaiting validation', r.data ?? r.error);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      const corrected = await s.supplier!.POST('/cpro/factures/v1/corriger/valideur/facture', {
        body: { idFacture: id, identifiantStructure: i.validatorSiret, typeIdentifiantStructure: 'SIRET' },
      });
      check(corrected.data?.idFacture === id, 'corriger/valideur/facture', corrected.data ?? corrected.error);
      let listed: number | undefined;
      while (!listed) {
        const r = await s.buyer!.POST('/cpro/factures/v1/rechercher/valideur', { body: {} });
        check(r.data, 'rechercher/valideur', r.error);
        listed = r.data.listeFactures.find(
          (f) => f.idFacture === soumis.data.identifiantFactureCPP,
        )?.idFacture;
        check(listed || Date.now() < deadline, 'A9 invoice listed to its validator', r.data);
        if (!listed) await new Promise((resolve) => setTimeout(resolve, 200));
      }
      s.toValidate = listed;
      let seen = await s.buyer!.POST('/cpro/factures/v1/consulter/valideur', { body: { idFacture: listed } });
      while (seen.data && seen.data.facture.statutFacture !== 'A_VALIDER_1' && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 200));
        seen = await s.buyer!.POST('/cpro/factures/v1/consulter/valideur', { body: { idFacture: listed } });
      }
      if (seen.data?.facture.statutFacture !== 'A_VALIDER_1') {
        const h = await s.supplier!.POST('/cpro/factures/v1/consulter/historique', {
          body: { idFacture: listed },
        });
        check(
          false,
          'consulter/valideur: awaiting validation',
          h.data?.historiquesDesStatuts ?? seen.data ?? seen.error,
        );
      }
      const done = await s.buyer!.POST('/cpro/factures/v1/traiter/factureAValider', {
        body: { idFacture: listed, action: 'VALIDATION' },
      });
      check(done.data?.codeRetour === 0, 'traiter/factureAValider', done.error);
    },
  ],
];
