import { Router } from 'express';
import type { AppDeps } from '../app';
import { listServices } from '../../structures/services';
import { wireId } from '../../service-mode/identifiers';
import { paging } from './invoice-wire';
import { endpoint } from './context';

/** /cpro/utilisateurs/v1: the technical account's own attachments (its structure, all services). */
export function utilisateursRouter({ db }: AppDeps): Router {
  const router = Router();
  router.post(
    '/monCompte/recuperer/rattachements',
    endpoint(undefined, async (b, ctx) => {
      const p = paging((b as { parametresRecherche?: { nbResultatsParPage?: number } }).parametresRecherche);
      const rows = await db('structure_members')
        .join('structures', 'structures.id', 'structure_members.structure_id')
        .where('structure_members.user_id', ctx.caller.userId)
        .orderBy('structures.identifier')
        .select('structures.*', 'structure_members.role', 'structure_members.services');
      const listeStructureRattachement = [];
      for (const r of rows.slice((p.page - 1) * p.pageSize, p.page * p.pageSize)) {
        const attachedTo: string[] = JSON.parse(r.services);
        const services = (await listServices(db, r.id)).filter(
          (s) => attachedTo.length === 0 || attachedTo.includes(s.code),
        );
        const listeServicesRattache = [];
        for (const s of services)
          listeServicesRattache.push({
            idService: await wireId(db, 'service', `${r.id}/${s.code}`),
            codeService: s.code,
            libelleService: s.name,
            estActif: s.active,
            statutRattachementService: 'ACTIF',
          });
        listeStructureRattachement.push({
          idStructure: await wireId(db, 'structure', r.id),
          identifiantStructure: r.identifier,
          typeIdentifiantStructure: r.identifier_type,
          designationStructure: r.name,
          roleUtilisateur: r.role,
          statutRattachementStructure: 'ACTIF',
          listeServicesRattache,
        });
      }
      return { listeStructureRattachement, parametresRetour: p.answer(rows.length) };
    }),
  );
  return router;
}
