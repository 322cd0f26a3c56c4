import type { AppDeps } from '../app';
import { userIdByEmail } from '../../accounts';
import {
  getService,
  getStructure,
  listServices,
  membershipOf,
  searchStructures,
  structureIdByIdentifier,
  type Structure,
} from '../../structures';
import { getTechnicalAccount } from '../../service-mode/technical-accounts';
import { internalId, wireId, wireIds } from '../../service-mode/identifiers';
import type { CproContext } from './context';
import type { CproGroup, CproOperation } from './operation';
import { pageAnswerSchema, pageOf, pageRequestSchema, type PageRequest } from './paging';
import {
  answer,
  boolean,
  datetime,
  integer,
  list,
  nullable,
  object,
  request,
  string,
  timestamp,
  wireId as idSchema,
} from './schema';
import { CODES, CproError } from './wire';

/** The platform's date and time to the minute (`2016-05-24 15:02`), in Paris time as its portal shows it. */
export function platformDateTime(value: string | undefined | null): string | null {
  if (!value) return null;
  const d = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(d.getTime())) return null;
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('fr-FR', {
      timeZone: 'Europe/Paris',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(d)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

async function structureOf(db: AppDeps['db'], wire: unknown, field: string): Promise<Structure> {
  const id = await internalId(db, 'structure', wire);
  const structure = id && (await getStructure(db, id));
  if (!structure) throw new CproError(CODES.STRUCTURE_NOT_FOUND, `Aucune structure ${String(wire)}.`, field);
  return structure;
}

const rechercher: CproOperation = {
  path: '/rechercher',
  summary: 'Search the directory of structures → listeStructures, parametresRetour',
  request: request({
    structure: request({
      identifiantStructure: { type: 'string', maxLength: 100 },
      typeIdentifiantStructure: string,
      raisonSocialeStructure: { type: 'string', maxLength: 200 },
      typeStructure: { type: 'string', enum: ['PUBLIQUE', 'PRIVEE'] },
    }),
    restreindreStructuresPrivees: boolean,
    parametres: pageRequestSchema,
  }),
  answer: answer({
    listeStructures: list(
      object({
        idStructureCPP: integer,
        identifiantStructure: string,
        typeIdentifiantStructure: string,
        designationStructure: string,
        statut: string,
      }),
    ),
    parametresRetour: pageAnswerSchema,
  }),
  run: async ({ db }, b) => {
    const s = (b.structure ?? {}) as Record<string, string | undefined>;
    const p = (b.parametres ?? {}) as PageRequest;
    const size = Math.min(10_000, Math.max(1, p.nbResultatsParPage ?? 100));
    const page = Math.max(1, p.pageResultatDemandee ?? 1);
    const found = await searchStructures(
      db,
      {
        identifier: s.identifiantStructure,
        identifierType: s.typeIdentifiantStructure,
        public: s.typeStructure ? s.typeStructure === 'PUBLIQUE' : undefined,
        nameContains: s.raisonSocialeStructure,
      },
      { offset: (page - 1) * size, limit: size },
    );
    const ids = await wireIds(
      db,
      'structure',
      found.items.map((r) => r.id),
    );
    return {
      listeStructures: found.items.map((r) => ({
        idStructureCPP: ids.get(r.id)!,
        identifiantStructure: r.identifier,
        typeIdentifiantStructure: r.identifierType,
        designationStructure: r.name,
        statut: 'ACTIF',
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

const adresse = object({
  adresse: nullable(string),
  complementAdresse1: nullable(string),
  complementAdresse2: nullable(string),
  codePostal: nullable(string),
  ville: nullable(string),
  pays: nullable(string),
  telephone: nullable(string),
  indicatifTelephone: nullable(string),
  fax: nullable(string),
  indicatifFax: nullable(string),
});

const adresseOf = (a: Structure['address']) => ({
  adresse: a.street ?? null,
  complementAdresse1: null,
  complementAdresse2: null,
  codePostal: a.postalCode ?? null,
  ville: a.city ?? null,
  pays: a.countryCode ?? 'FR',
  telephone: null,
  indicatifTelephone: null,
  fax: null,
  indicatifFax: null,
});

const consulterAnswer = answer({
  adressePostaleDuSiege: adresse,
  informationGenerales: object({
    idStructureCPP: integer,
    idStructureOrigine: nullable(integer),
    identifiantStructure: string,
    typeIdentifiantStructure: string,
    libelleStructure: string,
    raisonSocialeStructure: string,
    nomStructure: nullable(string),
    prenomStructure: nullable(string),
    emailStructure: nullable(string),
    numeroTVA: nullable(string),
    numeroRcsStructure: nullable(string),
    structurePriveePublique: { type: 'string', enum: ['PUBLIQUE', 'PRIVEE'] },
    estValideurDeleguee: boolean,
    dateExpirationMotPasseCompteTech: nullable(timestamp),
    listeStructureDupliquees: list(object({ structureDupliquee: integer })),
  }),
  parametres: object({
    codeServiceDoitEtreRenseigne: boolean,
    numeroEJDoitEtreRenseigne: boolean,
    gestionNumeroEJOuCodeService: boolean,
    connexionEDI: boolean,
    recevoirDonneesViaEDI: boolean,
    estMoaUniquement: boolean,
    getaMoa: boolean,
    estValideurDelegue: boolean,
    nonDiffusibleInsee: boolean,
    statutMiseEnPaiementNestPasRemonte: boolean,
  }),
});

/** consulter: a structure in the platform's three blocks; the technical account's expiry only for its own. */
const consulter: CproOperation = {
  path: '/consulter',
  summary: 'A structure: informationGenerales, adressePostaleDuSiege, parametres',
  request: request({ idStructureCPP: idSchema, idStructure: idSchema, codeLangue: string }),
  answer: consulterAnswer,
  run: async ({ db }, b, ctx: CproContext) => {
    const field =
      b.idStructureCPP === undefined && b.idStructure !== undefined ? 'idStructure' : 'idStructureCPP';
    if (b[field] === undefined)
      throw new CproError(CODES.INVALID_INPUT, 'Champ idStructureCPP : requis.', 'idStructureCPP');
    const s = await structureOf(db, b[field], field);
    const own = s.id === ctx.account.structureId ? await getTechnicalAccount(db, s.id) : undefined;
    return {
      adressePostaleDuSiege: adresseOf(s.address),
      informationGenerales: {
        idStructureCPP: await wireId(db, 'structure', s.id),
        idStructureOrigine: null,
        identifiantStructure: s.identifier,
        typeIdentifiantStructure: s.identifierType,
        libelleStructure: s.name,
        raisonSocialeStructure: s.name,
        nomStructure: null,
        prenomStructure: null,
        emailStructure: s.email ?? null,
        numeroTVA: s.vatNumber ?? null,
        numeroRcsStructure: s.rcs ?? null,
        structurePriveePublique: s.public ? 'PUBLIQUE' : 'PRIVEE',
        estValideurDeleguee: false,
        dateExpirationMotPasseCompteTech: own?.passwordExpiresAt ?? null,
        listeStructureDupliquees: [],
      },
      parametres: {
        codeServiceDoitEtreRenseigne: s.parameters.codeServiceDoitEtreRenseigne,
        numeroEJDoitEtreRenseigne: s.parameters.numeroEJDoitEtreRenseigne,
        gestionNumeroEJOuCodeService: s.parameters.gestionNumeroEJOuCodeService,
        connexionEDI: false,
        recevoirDonneesViaEDI: false,
        estMoaUniquement: false,
        getaMoa: false,
        estValideurDelegue: false,
        nonDiffusibleInsee: false,
        statutMiseEnPaiementNestPasRemonte: false,
      },
    };
  },
};

const rechercherServices: CproOperation = {
  path: '/rechercher/services',
  summary: 'Services of a structure → listeServices, parametresRetour',
  request: request(
    {
      idStructure: idSchema,
      idUtilisateurCourant: integer,
      parametresRechercherServicesStructure: pageRequestSchema,
    },
    ['idStructure'],
  ),
  answer: answer({
    listeServices: list(
      object({
        idService: integer,
        codeService: string,
        libelleService: string,
        estActif: boolean,
        statutService: string,
        dateDbtService: nullable(datetime),
        dateFinService: nullable(datetime),
      }),
    ),
    parametresRetour: pageAnswerSchema,
  }),
  run: async ({ db }, b) => {
    const s = await structureOf(db, b.idStructure, 'idStructure');
    const page = pageOf(await listServices(db, s.id), b.parametresRechercherServicesStructure as PageRequest);
    const ids = await wireIds(
      db,
      'service',
      page.items.map((svc) => `${s.id}/${svc.code}`),
    );
    return {
      listeServices: page.items.map((svc) => ({
        idService: ids.get(`${s.id}/${svc.code}`)!,
        codeService: svc.code,
        libelleService: svc.name,
        estActif: svc.active,
        statutService: svc.active ? 'ACTIF' : 'INACTIF',
        dateDbtService: platformDateTime(svc.validFrom),
        dateFinService: platformDateTime(svc.validTo),
      })),
      parametresRetour: page.parametresRetour,
    };
  },
};

/** consulter/service: a service in the platform's blocks (informationsGenerales, parametres, adressePostale). */
const consulterService: CproOperation = {
  path: '/consulter/service',
  summary: 'One service: informationsGenerales, parametres, adressePostale',
  request: request({ idStructure: idSchema, idService: idSchema, codeLangue: string }, [
    'idStructure',
    'idService',
  ]),
  answer: answer({
    adressePostale: adresse,
    informationsGenerales: object({
      codeService: string,
      nomService: string,
      descriptionService: nullable(string),
    }),
    parametres: object({
      dateCreation: nullable(datetime),
      dateModification: nullable(datetime),
      dateDebutValidite: nullable(datetime),
      dateFinValidite: nullable(datetime),
      miseEnPaiement: boolean,
      numeroEngagement: boolean,
    }),
  }),
  run: async ({ db }, b) => {
    const s = await structureOf(db, b.idStructure, 'idStructure');
    const key = await internalId(db, 'service', b.idService);
    const code = key?.startsWith(`${s.id}/`) ? key.slice(s.id.length + 1) : undefined;
    const svc = code && (await getService(db, s.id, code));
    if (!svc)
      throw new CproError(
        CODES.SERVICE_NOT_FOUND,
        `Aucun service ${String(b.idService)} dans cette structure.`,
        'idService',
      );
    return {
      adressePostale: adresseOf(s.address),
      informationsGenerales: { codeService: svc.code, nomService: svc.name, descriptionService: null },
      parametres: {
        dateCreation: null,
        dateModification: null,
        dateDebutValidite: platformDateTime(svc.validFrom),
        dateFinValidite: platformDateTime(svc.validTo),
        miseEnPaiement: true,
        numeroEngagement: svc.engagementRequired,
      },
    };
  },
};

/** The user asked about: by login email, by wire id, or the technical account itself. */
async function userAskedFor(db: AppDeps['db'], b: Record<string, unknown>, ctx: CproContext) {
  if (typeof b.adresseEmailConnexionUtilisateur === 'string') {
    const id = await userIdByEmail(db, b.adresseEmailConnexionUtilisateur);
    if (!id)
      throw new CproError(
        CODES.INVALID_INPUT,
        'Aucun utilisateur avec cette adresse.',
        'adresseEmailConnexionUtilisateur',
      );
    return id;
  }
  if (b.idUtilisateur !== undefined) {
    const id = await internalId(db, 'utilisateur', b.idUtilisateur);
    if (!id)
      throw new CproError(
        CODES.INVALID_INPUT,
        `Aucun utilisateur ${String(b.idUtilisateur)}.`,
        'idUtilisateur',
      );
    return id;
  }
  return ctx.caller.userId;
}

/** lister/rattachementsutilisateur: a user's services in one of the caller's structures. */
const rattachementsUtilisateur: CproOperation = {
  path: '/lister/rattachementsutilisateur',
  summary: 'A user’s attachments to the services of a structure the technical account belongs to',
  request: request({
    idStructure: idSchema,
    identifiantStructure: string,
    typeIdentifiantStructure: string,
    idUtilisateur: idSchema,
    adresseEmailConnexionUtilisateur: string,
    parametresListerRattachementsStructureUtilisateur: pageRequestSchema,
  }),
  answer: answer({
    idStructure: integer,
    identifiantStructure: string,
    designationStructure: string,
    premierService: boolean,
    listeServices: list(
      object({
        idRattachement: integer,
        idService: integer,
        codeService: string,
        nomService: string,
        statutRattachement: string,
        dateDebut: nullable(timestamp),
        dateFin: nullable(timestamp),
        commentaire: nullable(string),
      }),
    ),
    parametresRetour: pageAnswerSchema,
  }),
  run: async ({ db }, b, ctx: CproContext) => {
    const byIdentifier =
      b.idStructure === undefined && typeof b.identifiantStructure === 'string'
        ? await structureIdByIdentifier(db, b.identifiantStructure)
        : undefined;
    const s = byIdentifier
      ? await structureOf(db, await wireId(db, 'structure', byIdentifier), 'identifiantStructure')
      : b.idStructure === undefined
        ? await structureOf(db, await wireId(db, 'structure', ctx.account.structureId), 'idStructure')
        : await structureOf(db, b.idStructure, 'idStructure');
    if (!(await membershipOf(db, s.id, ctx.caller.userId)))
      throw new CproError(
        CODES.STRUCTURE_NOT_ALLOWED,
        'Structure hors des rattachements du compte technique.',
        'idStructure',
      );
    const membership = await membershipOf(db, s.id, await userAskedFor(db, b, ctx));
    const services = membership
      ? (await listServices(db, s.id)).filter(
          (svc) => membership.services.length === 0 || membership.services.includes(svc.code),
        )
      : [];
    const page = pageOf(services, b.parametresListerRattachementsStructureUtilisateur as PageRequest);
    const ids = await wireIds(
      db,
      'service',
      page.items.map((svc) => `${s.id}/${svc.code}`),
    );
    return {
      idStructure: await wireId(db, 'structure', s.id),
      identifiantStructure: s.identifier,
      designationStructure: s.name,
      premierService: false,
      listeServices: page.items.map((svc) => ({
        idRattachement: ids.get(`${s.id}/${svc.code}`)!,
        idService: ids.get(`${s.id}/${svc.code}`)!,
        codeService: svc.code,
        nomService: svc.name,
        statutRattachement: 'ACTIF',
        dateDebut: null,
        dateFin: null,
        commentaire: null,
      })),
      parametresRetour: page.parametresRetour,
    };
  },
};

/** /cpro/structures/v1: the directory of structures (what a supplier needs to address an invoice). */
export const structuresGroup: CproGroup = {
  name: 'structures',
  operations: [rechercher, consulter, rechercherServices, consulterService, rattachementsUtilisateur],
};
