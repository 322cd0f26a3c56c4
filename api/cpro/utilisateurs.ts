import { listServices, structuresOfUser } from '../../structures';
import { wireId } from '../../service-mode/identifiers';
import type { CproGroup, CproOperation } from './operation';
import { pageAnswerSchema, pageOf, pageRequestSchema, type PageRequest } from './paging';
import { answer, boolean, datetime, integer, list, nullable, object, request, string } from './schema';
import { platformDateTime } from './structures';

/** monCompte/recuperer/rattachements: the technical account's structures, and the services it acts for. */
const rattachements: CproOperation = {
  path: '/monCompte/recuperer/rattachements',
  summary: 'The technical account’s structures → listeStructureRattachement, parametresRetour',
  request: request({ parametresRecherche: pageRequestSchema }),
  answer: answer({
    listeStructureRattachement: list(
      object({
        idRattachementStructure: integer,
        idStructure: integer,
        identifiantStructure: string,
        typeIdentifiantStructure: string,
        designationStructure: string,
        roleUtilisateur: string,
        statutRattachementStructure: string,
        statutUtilisateur: string,
        listeServicesRattache: list(
          object({
            idRattachementService: integer,
            idService: integer,
            codeService: string,
            libelleService: string,
            estActif: boolean,
            statutService: string,
            statutRattachementService: string,
            dateDbtService: nullable(datetime),
            dateFinService: nullable(datetime),
          }),
        ),
      }),
    ),
    parametresRetour: pageAnswerSchema,
  }),
  run: async ({ db }, b, ctx) => {
    const page = pageOf(
      await structuresOfUser(db, ctx.caller.userId, 'identifier'),
      b.parametresRecherche as PageRequest | undefined,
    );
    const listeStructureRattachement = [];
    for (const s of page.items) {
      // A member attached to no service in particular acts for them all.
      const services = (await listServices(db, s.id)).filter(
        (svc) => s.services.length === 0 || s.services.includes(svc.code),
      );
      const listeServicesRattache = [];
      for (const svc of services) {
        const idService = await wireId(db, 'service', `${s.id}/${svc.code}`);
        listeServicesRattache.push({
          idRattachementService: idService,
          idService,
          codeService: svc.code,
          libelleService: svc.name,
          estActif: svc.active,
          statutService: svc.active ? 'ACTIF' : 'INACTIF',
          statutRattachementService: 'ACTIF',
          dateDbtService: platformDateTime(svc.validFrom),
          dateFinService: platformDateTime(svc.validTo),
        });
      }
      const idStructure = await wireId(db, 'structure', s.id);
      listeStructureRattachement.push({
        idRattachementStructure: idStructure,
        idStructure,
        identifiantStructure: s.identifier,
        typeIdentifiantStructure: s.identifierType,
        designationStructure: s.name,
        roleUtilisateur: s.role,
        statutRattachementStructure: 'ACTIF',
        statutUtilisateur: 'ACTIF',
        listeServicesRattache,
      });
    }
    return { listeStructureRattachement, parametresRetour: page.parametresRetour };
  },
};

/** /cpro/utilisateurs/v1: the technical account's own memberships. */
export const utilisateursGroup: CproGroup = { name: 'utilisateurs', operations: [rattachements] };
