import type { AppDeps } from '../app';
import { listServices, searchStructures, structuresOfUser, type Structure } from '../../structures';
import { dbCompanyRegistry } from '../../structures/registry';
import { loadCategories } from '../../support/categories';
import { wireIds } from '../../service-mode/identifiers';
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
  timestamp,
} from './schema';
import { CODES, CproError } from './wire';

const structureActive = object({
  idStructureCPP: integer,
  identifiant: string,
  designationStructure: string,
});

/** The technical account's own structures, each space alike: a structure both issues and receives. */
const structuresActives = (path: string, summary: string): CproOperation => ({
  path,
  summary,
  request: request({}),
  answer: answer({ listeStructures: list(structureActive) }),
  run: async ({ db }, _b, ctx) => {
    const mine = await structuresOfUser(db, ctx.caller.userId, 'identifier');
    const ids = await wireIds(
      db,
      'structure',
      mine.map((s) => s.id),
    );
    return {
      listeStructures: mine.map((s) => ({
        idStructureCPP: ids.get(s.id)!,
        identifiant: s.identifier,
        designationStructure: s.name,
      })),
    };
  },
});

const SIRET_ANSWER = {
  siret: string,
  siren: string,
  raisonSociale: string,
  adresse: nullable(string),
  estActif: boolean,
  nonDiffusibleInsee: boolean,
};

/** consulter/information/siret: what the company registry knows of an establishment. */
const informationSiret: CproOperation = {
  path: '/consulter/information/siret',
  summary: 'An establishment as the company registry knows it (raison sociale, address)',
  request: request({ siretStructure: { type: 'string', pattern: '^\\s*\\d{14}\\s*$' } }, ['siretStructure']),
  answer: answer(SIRET_ANSWER),
  run: async ({ db, companyRegistry }, b) => {
    const siret = String(b.siretStructure).trim();
    const found = await (companyRegistry ?? dbCompanyRegistry(db)).lookup(siret);
    if (!found)
      throw new CproError(
        CODES.STRUCTURE_NOT_FOUND,
        `SIRET ${siret} inconnu du répertoire.`,
        'siretStructure',
      );
    const a = found.address;
    const adresse = [a.street, [a.postalCode, a.city].filter(Boolean).join(' ')].filter(Boolean).join(', ');
    return {
      siret,
      siren: siret.slice(0, 9),
      raisonSociale: found.name,
      adresse: adresse || null,
      estActif: true,
      nonDiffusibleInsee: false,
    };
  },
};

/** rechercher/destinataire: public buyers by identifier, or by part of their name, city or postal code. */
const rechercherDestinataire: CproOperation = {
  path: '/rechercher/destinataire',
  summary: 'Search public buyers → listeDestinataires, parametresRetour',
  request: request({
    identifiant: { type: 'string', maxLength: 100 },
    nomVilleCodePostal: { type: 'string', maxLength: 200 },
    typeStructure: { type: 'string', enum: ['PUBLIQUE'] },
    parametresRecherche: pageRequestSchema,
  }),
  answer: answer({
    listeDestinataires: list(
      object({
        idStructureCPP: integer,
        siret: string,
        nomDestinataire: string,
        adresseCodePostal: nullable(string),
        adresseVille: nullable(string),
      }),
    ),
    parametresRetour: pageAnswerSchema,
  }),
  run: async ({ db }, b) => {
    const p = (b.parametresRecherche ?? {}) as PageRequest;
    const size = Math.min(10_000, Math.max(1, p.nbResultatsParPage ?? 100));
    const page = Math.max(1, p.pageResultatDemandee ?? 1);
    const found = await searchStructures(
      db,
      {
        identifier: b.identifiant as string | undefined,
        nameCityOrPostalCode: b.nomVilleCodePostal as string | undefined,
        public: true,
      },
      { offset: (page - 1) * size, limit: size },
    );
    const ids = await wireIds(
      db,
      'structure',
      found.items.map((s) => s.id),
    );
    return {
      listeDestinataires: found.items.map((s) => ({
        idStructureCPP: ids.get(s.id)!,
        siret: s.identifier,
        nomDestinataire: s.name,
        adresseCodePostal: s.address.postalCode ?? null,
        adresseVille: s.address.city ?? null,
      })),
      parametresRetour: {
        total: found.total,
        pageCourante: page,
        pages: Math.max(1, Math.ceil(found.total / size)),
        nbResultatsParPage: size,
      },
    };
  },
};

const ANNUAIRE_COLUMNS = [
  'Identifiant',
  'Type identifiant',
  'Raison sociale',
  'Code postal',
  'Ville',
  'Code service doit être renseigné',
  'Numéro EJ doit être renseigné',
  'Numéro EJ ou code service',
  'Code service',
  'Nom service',
  'Service actif',
  'Numéro EJ requis pour le service',
];

const csvCell = (v: unknown) => {
  const text = v === undefined || v === null ? '' : typeof v === 'boolean' ? (v ? 'OUI' : 'NON') : String(v);
  return /[;"\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** One line per service of each public buyer (one line for a buyer without services), with what it requires. */
async function annuaireLines(db: AppDeps['db']): Promise<unknown[][]> {
  const lines: unknown[][] = [];
  const buyers: Structure[] = (await searchStructures(db, { public: true }, { offset: 0, limit: 1_000_000 }))
    .items;
  for (const s of buyers) {
    const head = [
      s.identifier,
      s.identifierType,
      s.name,
      s.address.postalCode,
      s.address.city,
      s.parameters.codeServiceDoitEtreRenseigne,
      s.parameters.numeroEJDoitEtreRenseigne,
      s.parameters.gestionNumeroEJOuCodeService,
    ];
    const services = await listServices(db, s.id);
    if (services.length === 0) lines.push([...head, '', '', '', '']);
    for (const svc of services) lines.push([...head, svc.code, svc.name, svc.active, svc.engagementRequired]);
  }
  return lines;
}

/** telecharger/annuaire/destinataire: the directory of public buyers as a semicolon CSV (UTF-8), in base64. */
const annuaire: CproOperation = {
  path: '/telecharger/annuaire/destinataire',
  summary:
    'The directory of public buyers, their services and required fields → fichierResultat (CSV, base64)',
  request: request({}),
  answer: answer({ fichierResultat: base64 }),
  run: async ({ db }) => {
    const rows = [ANNUAIRE_COLUMNS, ...(await annuaireLines(db))];
    const csv = `\uFEFF${rows.map((r) => r.map(csvCell).join(';')).join('\r\n')}\r\n`;
    return { fichierResultat: Buffer.from(csv, 'utf8').toString('base64') };
  },
};

const categories = (deps: AppDeps) => deps.support?.categories ?? loadCategories();
const categorieOf = (c: { code: string; label: string }, i: number) => ({
  codeCategorie: c.code,
  libelleCategorie: c.label,
  idTechniqueCategorie: i + 1,
});
const categorieSchema = object({
  codeCategorie: string,
  libelleCategorie: string,
  idTechniqueCategorie: integer,
});
const paginationRequest = { pagination: pageRequestSchema };

/** rechercher/categorieSollicitation: the categories of support requests (support/categories.json). */
const categorieSollicitation: CproOperation = {
  path: '/rechercher/categorieSollicitation',
  summary: 'Categories of support requests → listeCategories, parametresRetour',
  request: request({
    codeCategorie: string,
    libelleCategorie: string,
    estActif: boolean,
    ...paginationRequest,
  }),
  answer: answer({ listeCategories: list(categorieSchema), parametresRetour: pageAnswerSchema }),
  run: async (deps, b) => {
    const all = categories(deps)
      .map(categorieOf)
      .filter((c) => !b.codeCategorie || c.codeCategorie === b.codeCategorie)
      .filter(
        (c) =>
          !b.libelleCategorie ||
          c.libelleCategorie.toLowerCase().includes(String(b.libelleCategorie).toLowerCase()),
      );
    const page = pageOf(all, b.pagination as PageRequest | undefined);
    return { listeCategories: page.items, parametresRetour: page.parametresRetour };
  },
};

const sousCategorieSchema = object({
  code: string,
  libelle: string,
  estActif: boolean,
  idTechniqueCategorie: integer,
  dateCreation: nullable(timestamp),
  dateDerniereModification: nullable(timestamp),
});

/** rechercher/sousCategorieSollicitation: sub-categories, grouped under their category. */
const sousCategorieSollicitation: CproOperation = {
  path: '/rechercher/sousCategorieSollicitation',
  summary: 'Sub-categories of support requests → listeSousCategories, parametresRetour',
  request: request({
    code: string,
    libelle: string,
    estActif: boolean,
    idTechniqueCategorie: integer,
    ...paginationRequest,
  }),
  answer: answer({
    listeSousCategories: list(
      object({ categorie: list(categorieSchema), ssCategorie: list(sousCategorieSchema) }),
    ),
    parametresRetour: pageAnswerSchema,
  }),
  run: async (deps, b) => {
    const groups = categories(deps)
      .map((c, i) => ({
        categorie: [categorieOf(c, i)],
        ssCategorie: c.subcategories
          .filter((s) => !b.code || s.code === b.code)
          .filter((s) => !b.libelle || s.label.toLowerCase().includes(String(b.libelle).toLowerCase()))
          .map((s) => ({
            code: s.code,
            libelle: s.label,
            estActif: true,
            idTechniqueCategorie: i + 1,
            dateCreation: null,
            dateDerniereModification: null,
          })),
      }))
      .filter(
        (g) => !b.idTechniqueCategorie || g.categorie[0].idTechniqueCategorie === b.idTechniqueCategorie,
      )
      .filter((g) => g.ssCategorie.length > 0);
    const page = pageOf(groups, b.pagination as PageRequest | undefined);
    return { listeSousCategories: page.items, parametresRetour: page.parametresRetour };
  },
};

export const directoryOperations: CproOperation[] = [
  structuresActives(
    '/recuperer/structures/actives/fournisseur',
    'The technical account’s structures, as suppliers → listeStructures',
  ),
  structuresActives(
    '/recuperer/structures/actives/destinataire',
    'The technical account’s structures, as recipients → listeStructures',
  ),
  structuresActives(
    '/recuperer/structures/actives/facturetravaux',
    'The technical account’s structures, for works invoices → listeStructures',
  ),
  informationSiret,
  rechercherDestinataire,
  annuaire,
  categorieSollicitation,
  sousCategorieSollicitation,
];
