import { api } from './api';
import { esc } from './form';
import { ROLES } from './messages';

export interface StructureSummary {
  id: string;
  identifierType: string;
  identifier: string;
  name: string;
  public: boolean;
  role?: string;
}

export const myStructures = () =>
  api<{ items: StructureSummary[] }>('GET', '/structures').then((r) => r.items);

/** My structures as a DSFR table, each linking to its fiche. */
export function structureTable(items: StructureSummary[]): string {
  if (!items.length) return '<p>Vous n’êtes rattaché à aucune structure.</p>';
  return (
    `<div class="fr-table"><table><caption>Structures auxquelles vous êtes rattaché</caption><thead><tr><th scope="col">Raison sociale</th><th scope="col">Identifiant</th><th scope="col">Type</th><th scope="col">Votre rôle</th></tr></thead><tbody>` +
    items
      .map(
        (s) =>
          `<tr><td><a href="/structures/${encodeURIComponent(s.id)}">${esc(s.name)}</a></td><td>${esc(s.identifierType)} ${esc(s.identifier)}</td><td>${s.public ? 'Publique' : 'Privée'}</td><td>${esc(ROLES[s.role ?? ''] ?? s.role ?? '')}</td></tr>`,
      )
      .join('') +
    `</tbody></table></div>`
  );
}
