import { Router } from 'express';
import type { AppDeps } from '../app';
import { getService, getStructure, listServices, searchStructures, type Structure } from '../../structures';
import { internalId, wireId, wireIds } from '../../service-mode/identifiers';
import { paging } from './invoice-wire';
import { CODES, CproError } from './wire';
import { endpoint, wireAjv } from './context';

const idSchema = { type: ['integer', 'string'] } as const;
const pageSchema = {
  type: 'object',
  properties: {
    nbResultatsParPage: { type: 'integer', minimum: 1 },
    pageResultatDemandee: { type: 'integer', minimum: 1 },
  },
} as const;

export const structuresSchemas = {
  rechercher: {
    type: 'object',
    properties: {
      structure: {
        type: 'object',
        properties: {
          identifiantStructure: { type: 'string', maxLength: 100 },
          typeIdentifiantStructure: { type: 'string' },
          raisonSocialeStructure: { type: 'string', maxLength: 200 },
          typeStructure: { type: 'string', enum: ['PUBLIQUE', 'PRIVEE'] },
        },
      },
      parametres: pageSchema,
    },
  },
  consulter: { type: 'object', required: ['idStructureCPP'], properties: { idStructureCPP: idSchema } },
  'rechercher/services': {
    type: 'object',
    required: ['idStructure'],
    properties: { idStructure: idSchema, parametresRechercherServicesStructure: pageSchema },
  },
  'consulter/service': {
    type: 'object',
    required: ['idStructure', 'idService'],
    properties: { idStructure: idSchema, idService: idSchema },
  },
};

/** A checked request body: its fields are read by name, with the types its schema checked. */
type Body = Record<string, unknown>;
const compile = (name: keyof typeof structuresSchemas) => wireAjv.compile<Body>(structuresSchemas[name]);

/** /cpro/structures/v1: the directory of structures (what a supplier needs to address an invoice). */
export function structuresRouter({ db }: AppDeps): Router {
  const router = Router();

  const structureOf = async (wire: unknown, field: string) => {
    const id = await internalId(db, 'structure', wire);
    const structure = id && (await getStructure(db, id));
    if (!structure)
      throw new CproError(CODES.STRUCTURE_NOT_FOUND, `Aucune structure ${String(wire)}.`, field);
    return structure;
  };

  router.post(
    '/rechercher',
    endpoint(compile('rechercher'), async (b) => {
      const s = (b.structure ?? {}) as Record<string, string | undefined>;
      const p = paging(b.parametres as { nbResultatsParPage?: number; pageResultatDemandee?: number });
      const found = await searchStructures(
        db,
        {
          identifier: s.identifiantStructure,
          identifierType: s.typeIdentifiantStructure,
          public: s.typeStructure ? s.typeStructure === 'PUBLIQUE' : undefined,
          nameContains: s.raisonSocialeStructure,
        },
        { offset: (p.page - 1) * p.pageSize, limit: p.pageSize },
      );
      const ids = await wireIds(
        db,
        'structure',
        found.items.map((r) => r.id),
      );
      const listeStructures = found.items.map((r) => ({
        idStructureCPP: ids.get(r.id),
        identifiantStructure: r.identifier,
        typeIdentifiantStructure: r.identifierType,
        designationStructure: r.name,
        raisonSociale: r.name,
        typeStructure: r.public ? 'PUBLIQUE' : 'PRIVEE',
        statut: 'ACTIF',
      }));
      return { listeStructures, parametresRetour: p.answer(found.total) };
    }),
  );

  router.post(
    '/consulter',
    endpoint(compile('consulter'), async (b) => {
      return consulterAnswer(db, await structureOf(b.idStructureCPP, 'idStructureCPP'));
    }),
  );

  router.post(
    '/rechercher/services',
    endpoint(compile('rechercher/services'), async (b) => {
      const s = await structureOf(b.idStructure, 'idStructure');
      const p = paging(b.parametresRechercherServicesStructure as { nbResultatsParPage?: number });
      const all = await listServices(db, s.id);
      const page = all.slice((p.page - 1) * p.pageSize, p.page * p.pageSize);
      const ids = await wireIds(
        db,
        'service',
        page.map((svc) => `${s.id}/${svc.code}`),
      );
      const listeServices = page.map((svc) => ({
        idService: ids.get(`${s.id}/${svc.code}`),
        codeService: svc.code,
        libelleService: svc.name,
        estActif: svc.active,
        dateDbtService: svc.validFrom ?? null,
        dateFinService: svc.validTo ?? null,
      }));
      return { listeServices, parametresRetour: p.answer(all.length) };
    }),
  );

  router.post(
    '/consulter/service',
    endpoint(compile('consulter/service'), async (b) => {
      const s = await structureOf(b.idStructure, 'idStructure');
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
        idService: await wireId(db, 'service', `${s.id}/${svc.code}`),
        codeService: svc.code,
        libelleService: svc.name,
        estActif: svc.active,
        dateDebutService: svc.validFrom ?? null,
        dateFinService: svc.validTo ?? null,
        parametres: { numeroEJDoitEtreRenseigne: svc.engagementRequired },
      };
    }),
  );

  return router;
}

/** A structure as `consulter` answers it: identity, postal address, and the parameters that drive routing. */
async function consulterAnswer(db: AppDeps['db'], s: Structure) {
  return {
    idStructureCPP: await wireId(db, 'structure', s.id),
    identifiantStructure: s.identifier,
    typeIdentifiantStructure: s.identifierType,
    raisonSociale: s.name,
    libelleStructure: s.name,
    typeStructure: s.public ? 'PUBLIQUE' : 'PRIVEE',
    numeroTva: s.vatNumber ?? null,
    numeroRcsStructure: s.rcs ?? null,
    email: s.email ?? null,
    statut: 'ACTIF',
    adressePostale: {
      adresse: s.address.street ?? null,
      codePostal: s.address.postalCode ?? null,
      ville: s.address.city ?? null,
      codePays: s.address.countryCode ?? 'FR',
    },
    parametres: {
      codeServiceDoitEtreRenseigne: s.parameters.codeServiceDoitEtreRenseigne,
      numeroEJDoitEtreRenseigne: s.parameters.numeroEJDoitEtreRenseigne,
      gestionNumeroEJOuCodeService: s.parameters.gestionNumeroEJOuCodeService,
    },
  };
}
