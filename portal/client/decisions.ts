import { api } from './api';
import { esc, frDate, problemsOf, showProblems } from './form';
import { ATTACHMENT_STATUSES } from './messages';

export interface AttachmentRequest {
  id: string;
  structureId: string;
  userId: string;
  requesterEmail?: string;
  services: string[];
  status: string;
  requestedAt?: string;
  reason?: string;
  role?: string;
}

const open = (r: AttachmentRequest) => r.status === 'EN_ATTENTE' || r.status === 'ESCALADEE';

/** The attachment requests a manager may decide: approve with a role, or refuse with a reason. */
export function renderDecisions(
  area: HTMLElement,
  requests: AttachmentRequest[],
  names: Map<string, string>,
  onDone: () => void,
) {
  const pending = requests.filter(open);
  if (!pending.length) {
    area.innerHTML = '<p>Aucune demande en attente.</p>';
    return;
  }
  area.innerHTML = pending
    .map((r, i) => {
      const id = `decision-${i}`;
      return `<form class="ff-box fr-mb-2w" data-decision data-structure="${esc(r.structureId)}" data-user="${esc(r.userId)}" novalidate>
<div data-error-summary tabindex="-1"></div>
<p><strong>${esc(r.requesterEmail ?? r.userId)}</strong> demande à être rattaché à <strong>${esc(names.get(r.structureId) ?? r.structureId)}</strong>${
        r.services.length ? ` (services : ${esc(r.services.join(', '))})` : ''
      } — ${esc(frDate(r.requestedAt))}, ${esc(ATTACHMENT_STATUSES[r.status] ?? r.status)}.</p>
<div class="fr-select-group" data-field="role"><label class="fr-label" for="${id}-role">Rôle en cas d'acceptation</label>
<select class="fr-select" id="${id}-role" name="role"><option value="UTILISATEUR">Utilisateur</option><option value="SECONDAIRE">Gestionnaire secondaire</option><option value="PRINCIPAL">Gestionnaire principal (transmission du rôle)</option></select><p class="fr-error-text" id="${id}-role-error" hidden></p></div>
<div class="fr-input-group" data-field="reason"><label class="fr-label" for="${id}-reason">Motif en cas de refus</label>
<input class="fr-input" id="${id}-reason" name="reason" maxlength="1000" aria-describedby="${id}-reason-error"><p class="fr-error-text" id="${id}-reason-error" hidden></p></div>
<ul class="fr-btns-group fr-btns-group--inline-md"><li><button class="fr-btn" type="submit" value="approve">Accepter</button></li><li><button class="fr-btn fr-btn--secondary" type="submit" value="refuse">Refuser</button></li></ul>
</form>`;
    })
    .join('');
  area.querySelectorAll<HTMLFormElement>('form[data-decision]').forEach((f) =>
    f.addEventListener('submit', async (event) => {
      event.preventDefault();
      const approve = ((event as SubmitEvent).submitter as HTMLButtonElement | null)?.value === 'approve';
      const role = (f.elements.namedItem('role') as HTMLSelectElement).value;
      const reason = (f.elements.namedItem('reason') as HTMLInputElement).value.trim();
      if (!approve && !reason)
        return showProblems(f, [{ field: 'reason', message: 'Le motif est obligatoire pour refuser.' }]);
      try {
        await api(
          'POST',
          `/structures/${encodeURIComponent(f.dataset.structure!)}/attachment-requests/${encodeURIComponent(f.dataset.user!)}/decision`,
          approve ? { approve: true, role } : { approve: false, reason },
        );
        onDone();
      } catch (err) {
        showProblems(f, problemsOf(err));
      }
    }),
  );
}
