import http from 'node:http';
import { startCproPlatform, type CproPlatform } from './support/cpro-clients';
import { BUYER_SIRET, SUPPLIER_SIRET } from '../deposits/support/structures';

let t: CproPlatform;

beforeAll(async () => {
  t = await startCproPlatform();
  await t.p.db('company_registry').insert({
    siret: BUYER_SIRET,
    name: 'COMMUNE DE VILLEFRANCHE',
    street: '1 PLACE DE LA MAIRIE',
    postal_code: '69400',
    city: 'VILLEFRANCHE-SUR-SAONE',
    updated_at: new Date().toISOString(),
  });
}, 120_000);
afterAll(() => t?.p.stop());

/** A GET carrying a body, as fetch() will not send one. */
const getWithBody = (path: string, body: string) =>
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  new Promise<{ status: number; body: any }>((resolve, reject) => {
    const url = new URL(`${t.p.url}/cpro/${path}`);
    const req = http.request(
      url,
      {
        method: 'GET',
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          authorization: `Bearer ${t.supplier.token}`,
          'cpro-account': t.supplier.account,
        },
      },
      (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });

/** The names of the entries of a zip (central directory), enough to know what was packed. */
const zipNames = (zip: Buffer) => {
  const names: string[] = [];
  for (let i = zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])); i >= 0;) {
    const n = zip.readUInt16LE(i + 28);
    names.push(zip.subarray(i + 46, i + 46 + n).toString('utf8'));
    i = zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), i + 46 + n);
  }
  return names;
};

describe('Service mode catalogue: transverses, structures, utilisateurs', () => {
  it('numbers wire ids per kind: the first bank account, structure and file shown are each 1', async () => {
    const found = await t.cpro('structures/v1/rechercher', t.supplier, {
      structure: { identifiantStructure: SUPPLIER_SIRET, typeIdentifiantStructure: 'SIRET' },
    });
    expect(found.body.listeStructures[0].idStructureCPP).toBe(1);
    const banks = await t.cpro('transverses/v1/recuperer/coordbanc/valides', t.supplier, { idStructure: 1 });
    expect(banks.body.listeCoordonneeBancaire[0].idCoordonneeBancaire).toBe(1);
    const file = await t.cpro('transverses/v1/ajouter/fichier', t.supplier, {
      pieceJointeFichier: Buffer.from('%PDF-1.4 bon de commande\n%%EOF\n').toString('base64'),
      pieceJointeNom: 'bon-de-commande.pdf',
      pieceJointeTypeMime: 'application/pdf',
      pieceJointeExtension: 'PDF',
    });
    expect(file.body).toMatchObject({ codeRetour: 0, pieceJointeId: 1 });
    const buyer = await t.cpro('structures/v1/rechercher', t.supplier, {
      structure: { identifiantStructure: BUYER_SIRET },
    });
    expect(buyer.body.listeStructures[0].idStructureCPP).toBe(2);
  });

  it('recuperer/etats/traitement names each next status statutPossiblePourTraitement', async () => {
    const r = await t.cpro('transverses/v1/recuperer/etats/traitement', t.buyer, {
      statutCourant: 'MISE_A_DISPOSITION',
    });
    expect(r.body.codeRetour).toBe(0);
    expect(r.body.listeStatutsPossiblesPourTraitement).toContainEqual({
      statutPossiblePourTraitement: 'SERVICE_FAIT',
    });
    for (const item of r.body.listeStatutsPossiblesPourTraitement)
      expect(Object.keys(item)).toEqual(['statutPossiblePourTraitement']);
  });

  it('health-check answers {body, statusCodeValue, statusCode}, also to a GET with the JSON body null', async () => {
    const expected = { status: 200, body: { body: 'OK', statusCodeValue: 200, statusCode: 'OK' } };
    expect(await t.cpro('transverses/v1/health-check', t.supplier, undefined, { method: 'GET' })).toEqual(
      expected,
    );
    expect(await getWithBody('transverses/v1/health-check', 'null')).toEqual(expected);
  });

  it('structures/v1/consulter and consulter/service answer the published nested blocks', async () => {
    await t.p.db('structures').where({ id: 'st-buyer' }).update({ service_code_required: true });
    const consulted = await t.cpro('structures/v1/consulter', t.supplier, {
      idStructureCPP: 2,
      codeLangue: 'fr',
    });
    expect(consulted.body).toMatchObject({
      codeRetour: 0,
      informationGenerales: {
        idStructureCPP: 2,
        identifiantStructure: BUYER_SIRET,
        typeIdentifiantStructure: 'SIRET',
        raisonSocialeStructure: 'Commune de Villefranche',
        structurePriveePublique: 'PUBLIQUE',
        dateExpirationMotPasseCompteTech: null,
      },
      adressePostaleDuSiege: { adresse: '1 place de la Mairie', codePostal: '69400', pays: 'FR' },
      parametres: { codeServiceDoitEtreRenseigne: true, numeroEJDoitEtreRenseigne: false },
    });
    expect(consulted.body.idStructureCPP).toBeUndefined();
    // Its own structure: the technical account's password expiry.
    const own = await t.cpro('structures/v1/consulter', t.supplier, { idStructure: 1 });
    expect(own.body.informationGenerales.dateExpirationMotPasseCompteTech).toEqual(expect.any(String));

    const services = await t.cpro('structures/v1/rechercher/services', t.supplier, { idStructure: '2' });
    const idService = services.body.listeServices[0].idService;
    const service = await t.cpro('structures/v1/consulter/service', t.supplier, {
      idStructure: 2,
      idService,
    });
    expect(service.body).toMatchObject({
      codeRetour: 0,
      informationsGenerales: { codeService: 'SERV-COMPTA', nomService: 'Service comptable' },
      parametres: { numeroEngagement: false },
      adressePostale: { ville: 'Villefranche-sur-Saône' },
    });
  });

  it('reads harmless deviations as meant: numbers as text, {} for a list, a JSON null body', async () => {
    const paged = await t.cpro('structures/v1/rechercher/services', t.supplier, {
      idStructure: 2,
      parametresRechercherServicesStructure: { nbResultatsParPage: '1', pageResultatDemandee: '1' },
    });
    expect(paged.body.parametresRetour).toEqual({
      total: 1,
      pageCourante: 1,
      pages: 1,
      nbResultatsParPage: 1,
    });
    const nothing = await t.cpro('transverses/v1/recuperer/devises', t.supplier, undefined, { raw: 'null' });
    expect(nothing.body.codeRetour).toBe(0);
    const bad = await t.cpro('structures/v1/rechercher/services', t.supplier, {
      idStructure: 2,
      parametresRechercherServicesStructure: { nbResultatsParPage: 'dix' },
    });
    expect(bad).toMatchObject({
      status: 400,
      body: {
        codeRetour: 20001,
        erreur: { champ: 'parametresRechercherServicesStructure.nbResultatsParPage' },
      },
    });
  });

  it('answers the directory operations from the platform’s structures and the company registry', async () => {
    const actives = await t.cpro('transverses/v1/recuperer/structures/actives/fournisseur', t.supplier);
    expect(actives.body.listeStructures).toEqual([
      { idStructureCPP: 1, identifiant: SUPPLIER_SIRET, designationStructure: 'Atelier Dupont SARL' },
    ]);
    const siret = await t.cpro('transverses/v1/consulter/information/siret', t.supplier, {
      siretStructure: BUYER_SIRET,
    });
    expect(siret.body).toMatchObject({
      codeRetour: 0,
      siret: BUYER_SIRET,
      raisonSociale: 'COMMUNE DE VILLEFRANCHE',
    });
    const unknown = await t.cpro('transverses/v1/consulter/information/siret', t.supplier, {
      siretStructure: SUPPLIER_SIRET,
    });
    expect(unknown.body).toMatchObject({ codeRetour: 20040, erreur: { champ: 'siretStructure' } });

    const byCity = await t.cpro('transverses/v1/rechercher/destinataire', t.supplier, {
      nomVilleCodePostal: '69400',
    });
    expect(byCity.body.listeDestinataires).toEqual([
      {
        idStructureCPP: 2,
        siret: BUYER_SIRET,
        nomDestinataire: 'Commune de Villefranche',
        adresseCodePostal: '69400',
        adresseVille: 'Villefranche-sur-Saône',
      },
    ]);
    // Private structures are not public buyers.
    const privee = await t.cpro('transverses/v1/rechercher/destinataire', t.supplier, {
      identifiant: SUPPLIER_SIRET,
    });
    expect(privee.body.listeDestinataires).toEqual([]);

    const annuaire = await t.cpro('transverses/v1/telecharger/annuaire/destinataire', t.supplier);
    const csv = Buffer.from(annuaire.body.fichierResultat, 'base64').toString('utf8');
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0].split(';')).toContain('Code service doit être renseigné');
    expect(lines.slice(1)).toEqual([
      `${BUYER_SIRET};SIRET;Commune de Villefranche;69400;Villefranche-sur-Saône;OUI;NON;NON;SERV-COMPTA;Service comptable;OUI;NON`,
    ]);
  });

  it('answers the support categories, and the attachments the account uploaded', async () => {
    const cats = await t.cpro('transverses/v1/rechercher/categorieSollicitation', t.supplier, {
      pagination: { nbResultatsParPage: 2 },
    });
    expect(cats.body.listeCategories[0]).toEqual({
      codeCategorie: 'COMPTE',
      libelleCategorie: 'Mon compte',
      idTechniqueCategorie: 1,
    });
    expect(cats.body.parametresRetour).toMatchObject({ total: 4, pages: 2 });
    const subs = await t.cpro('transverses/v1/rechercher/sousCategorieSollicitation', t.supplier, {
      idTechniqueCategorie: 2,
    });
    expect(subs.body.listeSousCategories).toHaveLength(1);
    expect(subs.body.listeSousCategories[0].ssCategorie.map((s: { code: string }) => s.code)).toEqual([
      'PORTAIL',
      'EDI_API',
      'REJET_DEPOT',
    ]);

    const mine = await t.cpro('transverses/v1/rechercher/pj/moncompte', t.supplier, { pieceJointeTypeId: 0 });
    expect(mine.body.listePiecesJointes).toEqual([
      expect.objectContaining({
        pieceJointeId: 1,
        pieceJointeDesignation: 'bon-de-commande.pdf',
        pieceJointeExtension: 'pdf',
      }),
    ]);
    const ofStructure = await t.cpro('transverses/v1/rechercher/pj/structure', t.supplier, {
      idStructureCPP: 1,
    });
    expect(ofStructure.body.listePiecesJointes[0]).toMatchObject({
      pieceJointeId: 1,
      pieceJointeStructureId: 1,
      pieceJointeStructureCode: SUPPLIER_SIRET,
    });
    expect(
      (await t.cpro('transverses/v1/rechercher/pj/structure', t.buyer, { idStructureCPP: 1 })).body
        .codeRetour,
    ).toBe(13);
    const zip = await t.cpro('transverses/v1/telecharger/pieceJointe', t.supplier, {
      objetPieceJointe: 'STRUCTURE_PIECEJOINTE',
      structure: { idStructure: 1 },
    });
    expect(zipNames(Buffer.from(zip.body.pieceJointe, 'base64'))).toEqual(['bon-de-commande.pdf']);
  });

  it('lists a user’s attachments to the services of a structure', async () => {
    const r = await t.cpro('structures/v1/lister/rattachementsutilisateur', t.buyer, {
      idStructure: 2,
      adresseEmailConnexionUtilisateur: 'buyer-manager@example.org',
    });
    expect(r.body).toMatchObject({
      codeRetour: 0,
      idStructure: 2,
      identifiantStructure: BUYER_SIRET,
      listeServices: [expect.objectContaining({ codeService: 'SERV-COMPTA', statutRattachement: 'ACTIF' })],
    });
    const elsewhere = await t.cpro('structures/v1/lister/rattachementsutilisateur', t.supplier, {
      idStructure: 2,
    });
    expect(elsewhere.body.codeRetour).toBe(13);
  });
});
