import fs from 'node:fs';
import { parseInvoice, toPdf } from '../../../invoice';
import { corpusPath } from '../../support/corpus';
import { BASE_EXAMPLE } from '../../deposits/support/flows';
import { BUYER_SIRET } from '../../deposits/support/structures';
import { soumettreBody as facturesSoumettreBody } from '../factures-platform';
import { exampleInvoice, seedContractor, type CproPlatform } from '../support/cpro-clients';

/**
 * The invoices the factures fixtures act on, each in the status its operation expects, and the files
 * they send: the values of their `{{…}}` variables.
 */
export async function prepareFactures(t: CproPlatform, vars: Record<string, unknown>): Promise<void> {
  const base = fs.readFileSync(corpusPath(BASE_EXAMPLE), 'utf8');
  vars.fichierFluxUbl = exampleInvoice(base, 'CONF-FLUX-2').toString('base64');
  const { invoice } = parseInvoice(exampleInvoice(base, 'CONF-PDF-1'));
  vars.fichierPdf = Buffer.from(await toPdf(invoice)).toString('base64');
  const coord = await t.cpro('transverses/v1/recuperer/coordbanc/valides', t.supplier, {
    idStructure: vars['supplier.idStructure'],
  });
  vars.codeCoordonneesBancairesFournisseur = coord.body.listeCoordonneeBancaire[0].idCoordonneeBancaire;

  const submit = async (numero: string, extra: Record<string, unknown> = {}) => {
    const r = await t.cpro('factures/v1/soumettre', t.supplier, {
      ...soumettreBody(vars, numero),
      ...extra,
    });
    if (r.body.codeRetour !== 0) throw new Error(`soumettre ${numero}: ${JSON.stringify(r.body)}`);
    return r.body.identifiantFactureCPP as number;
  };
  // The buyer validates the A9 invoices (codeStructureValideur) before receiving them.
  const a9 = { codeCadreFacturation: 'A9_FACTURE_SOUSTRAITANT', codeStructureValideur: BUYER_SIRET };
  const [suspended, recycled, rejected, toValidate, toCorrect] = await Promise.all([
    submit('CONF-SUSP-1'),
    submit('CONF-RECY-1'),
    submit('CONF-REJ-1'),
    submit('CONF-A9-1', { cadreDeFacturation: a9 }),
    submit('CONF-A9-2', { cadreDeFacturation: a9 }),
  ]);
  await Promise.all([
    reached(t, vars.identifiantFactureCPP as number, 'MISE_A_DISPOSITION'),
    reached(t, toValidate, 'A_VALIDER_1'),
    reached(t, toCorrect, 'A_VALIDER_1'),
    ...[suspended, recycled, rejected].map((id) => reached(t, id, 'MISE_A_DISPOSITION')),
  ]);
  const process = async (idFacture: number, nouveauStatut: string) => {
    const r = await t.cpro('factures/v1/traiter/recue', t.buyer, {
      idFacture,
      nouveauStatut,
      motif: 'Conformité',
    });
    if (r.body.codeRetour !== 0) throw new Error(`traiter/recue ${nouveauStatut}: ${JSON.stringify(r.body)}`);
  };
  await process(suspended, 'SUSPENDUE');
  await process(recycled, 'A_RECYCLER');
  await process(rejected, 'REJETEE');
  Object.assign(vars, {
    factureSuspendue: suspended,
    factureARecycler: recycled,
    factureRejetee: rejected,
    factureAValider: toValidate,
    factureValideurACorriger: toCorrect,
  });
  // The validator the supplier names instead of the buyer.
  const contractor = await seedContractor(t);
  vars['contractor.siret'] = contractor.siret;
  vars['contractor.idStructure'] = (
    await t.cpro('structures/v1/rechercher', t.supplier, {
      structure: { identifiantStructure: contractor.siret, typeIdentifiantStructure: 'SIRET' },
    })
  ).body.listeStructures[0].idStructureCPP;
}

/** The suite's soumettre body: the supplier and bank account the fixtures name. */
function soumettreBody(vars: Record<string, unknown>, numero: string) {
  return facturesSoumettreBody(
    {
      idFournisseur: vars['supplier.idStructure'] as number,
      codeCoordonneesBancairesFournisseur: vars.codeCoordonneesBancairesFournisseur as number,
    },
    numero,
  );
}

/** Polls consulter/fournisseur until the invoice is in `status`. */
async function reached(t: CproPlatform, identifiantFactureCPP: number, status: string) {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const r = await t.cpro('factures/v1/consulter/fournisseur', t.supplier, { identifiantFactureCPP });
    if (r.body.facture?.statutFacture === status) return;
    if (Date.now() > deadline)
      throw new Error(`invoice ${identifiantFactureCPP} still ${JSON.stringify(r.body)}`);
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}
