import { Router } from 'express';
import type { AppDeps } from '../app';
import { listServices, structuresOfUser } from '../../structures';
import { wireId } from '../../service-mode/identifiers';
import { paging } from './invoice-wire';
import { endpoint } from './context';

/** /cpro/utilisateurs/v1: the technical account's own memberships (its structure, all services). */
export function utilisateursRouter({ db }: AppDeps): Router {
  const router = Router();
  router.post(
    '/monCompte/recuperer/rattachements',
    endpoint(undefined, async (b, ctx) => {
      const p = paging((b as { parametresRecherche?: { nbResultatsParPage?: number } }).parametresRecherche);
      const structures = await structuresOfUser(db, ctx.caller.userId, 'identifier');
      const listeStructureRattachement = [];
      for (const s of structures.slice((p.page - 1) * p.pageSize, p.page * p.pageSize)) {
        // A member attached to no service in particular acts for them all.
        const services = (await listServices(db, s.id)).filter(
          (svc) => s.services.length === 0 || s.services.includes(svc.code),
        );
        const listeServicesRattache = [];
        for (const svc of services)
          listeServicesRattache.push({
            idService: await wireId(db, 'service', `${s.id}/${svc.code}`),
            codeService: svc.code,
            libelleService: svc.name,
            estActif: svc.active,
            statutRattachementService: 'ACTIF',
          });
        listeStructureRattachement.push({
          idStructure: await wireId(db, 'structure', s.id),
          identifiantStructure: s.identifier,
          typeIdentifiantStructure: s.identifierType,
          designationStructure: s.name,
          roleUtilisateur: s.role,
          statutRattachementStructure: 'ACTIF',
          listeServicesRattache,
        });
      }
      return { listeStructureRattachement, parametresRetour: p.answer(structures.length) };
    }),
  );
  return router;
}
