import { api } from '../api';
import { startPage } from '../common';
import { bindForm, esc, form, frDate, notify, problemsOf } from '../form';
import { REQUEST_STATUSES } from '../messages';

startPage();

interface QueuedChat {
  conversationId: string;
  waitingSince: string;
  misunderstood: number;
  negativeRatings: number;
}
interface Conversation {
  status: string;
  chat?: { status: string; messages: { seq: number; author: string; text: string; at: string }[] };
}
interface SupportRequest {
  id: string;
  status: string;
  category: string;
  subcategory: string;
  routing: string;
  subject: string;
  createdAt: string;
  messages?: { seq: number; author: string; text: string; at: string }[];
}

const $opt = <T extends HTMLElement>(selector: string) => document.querySelector<T>(selector);
const AUTHORS: Record<string, string> = { USER: 'Usager', ADVISOR: 'Conseiller', SYSTEM: 'Information' };

// Live chats: operators only (the section is drawn for them alone).
const queueArea = $opt('[data-chat-queue]');
if (queueArea) {
  const live = $opt('[data-live]')!;
  const log = $opt('[data-live-log]')!;
  const availability = $opt<HTMLButtonElement>('[data-availability]')!;
  let current: string | undefined;

  const queue = async () => {
    const { items } = await api<{ items: QueuedChat[] }>('GET', '/support/advisor/queue');
    queueArea.innerHTML = items.length
      ? `<div class="fr-table"><table><caption>Usagers en attente d’un conseiller</caption><thead><tr><th scope="col">En attente depuis</th><th scope="col">Réponses non comprises</th><th scope="col">Avis négatifs</th><th scope="col">Action</th></tr></thead><tbody>${items
          .map(
            (c) =>
              `<tr><td>${esc(frDate(c.waitingSince))}</td><td>${c.misunderstood}</td><td>${c.negativeRatings}</td><td><button type="button" class="fr-btn fr-btn--sm" data-take="${esc(c.conversationId)}">Prendre en charge</button></td></tr>`,
          )
          .join('')}</tbody></table></div>`
      : '<p>Personne n’attend.</p>';
  };
  const follow = async () => {
    if (!current) return;
    const state = await api<Conversation>('GET', `/support/conversations/${encodeURIComponent(current)}`);
    log.innerHTML = (state.chat?.messages ?? [])
      .map(
        (m) =>
          `<div class="ff-chat__line"><p class="fr-text--bold fr-mb-0">${esc(AUTHORS[m.author] ?? m.author)}</p><p>${esc(m.text)}</p></div>`,
      )
      .join('');
    if (state.status === 'TERMINEE') {
      notify('La discussion est terminée.');
      current = undefined;
      live.hidden = true;
      return;
    }
    setTimeout(() => void follow(), 2000);
  };
  const poll = () => void queue().finally(() => setTimeout(poll, 3000));
  poll();

  availability.addEventListener('click', async () => {
    const available = availability.getAttribute('aria-pressed') !== 'true';
    await api('PUT', '/support/advisor/availability', { available });
    availability.setAttribute('aria-pressed', String(available));
    availability.textContent = available ? 'Me rendre indisponible' : 'Me rendre disponible';
    notify(available ? 'Vous êtes disponible pour les discussions.' : 'Vous n’êtes plus disponible.');
  });
  queueArea.addEventListener('click', async (e) => {
    const id = (e.target as HTMLElement).closest<HTMLElement>('[data-take]')?.dataset.take;
    if (!id) return;
    try {
      await api('POST', `/support/advisor/conversations/${encodeURIComponent(id)}/assignment`);
      current = id;
      live.hidden = false;
      void follow();
      await queue();
    } catch (err) {
      notify(problemsOf(err)[0].message, 'error');
    }
  });
  const messageForm = form('advisor-message');
  bindForm(messageForm, async (v) => {
    await api('POST', `/support/conversations/${encodeURIComponent(current!)}/messages`, { text: v.text });
    messageForm.reset();
  });
  $opt('[data-end-chat]')!.addEventListener('click', async () => {
    if (current) await api('POST', `/support/conversations/${encodeURIComponent(current)}/end`);
  });
}

// Requests routed to support or to my services.
const requestsArea = $opt('[data-request-queue]')!;
const requestBox = $opt('[data-request]')!;
const answerForm = form('answer');
let openRequest: string | undefined;

/** Category and sub-category labels, by code ("COMPTE/CONNEXION"). */
const categoryLabels = api<{
  items: { code: string; label: string; subcategories: { code: string; label: string }[] }[];
}>('GET', '/support/categories').then(
  ({ items }) =>
    new Map(
      items.flatMap((c) =>
        c.subcategories.map((sub) => [`${c.code}/${sub.code}`, `${c.label} — ${sub.label}`]),
      ),
    ),
);

async function requests() {
  const { items } = await api<{ items: SupportRequest[] }>('GET', '/support/requests/queue');
  const labels = await categoryLabels;
  requestsArea.innerHTML = items.length
    ? `<div class="fr-table"><table><caption>Sollicitations ouvertes</caption><thead><tr><th scope="col">Objet</th><th scope="col">Catégorie</th><th scope="col">Reçue le</th><th scope="col">État</th><th scope="col">Action</th></tr></thead><tbody>${items
        .map(
          (r) =>
            `<tr><td>${esc(r.subject)}</td><td>${esc(labels.get(`${r.category}/${r.subcategory}`) ?? `${r.category} / ${r.subcategory}`)}</td><td>${esc(frDate(r.createdAt))}</td><td>${esc(REQUEST_STATUSES[r.status] ?? r.status)}</td><td><button type="button" class="fr-btn fr-btn--sm fr-btn--secondary" data-open-request="${esc(r.id)}">Ouvrir</button></td></tr>`,
        )
        .join('')}</tbody></table></div>`
    : '<p>Aucune sollicitation ouverte.</p>';
}

async function show(id: string) {
  const r = await api<SupportRequest>('GET', `/support/requests/${encodeURIComponent(id)}`);
  openRequest = id;
  requestBox.hidden = false;
  const subject = $opt('[data-request-subject]')!;
  subject.textContent = `${r.subject} — ${REQUEST_STATUSES[r.status] ?? r.status}`;
  $opt('[data-request-messages]')!.innerHTML = (r.messages ?? [])
    .map(
      (m) =>
        `<div class="ff-chat__line"><p class="fr-text--bold fr-mb-0">${esc(AUTHORS[m.author] ?? m.author)}, ${esc(frDate(m.at))}</p><p>${esc(m.text)}</p></div>`,
    )
    .join('');
  subject.focus();
}

void requests();
requestsArea.addEventListener('click', async (e) => {
  const id = (e.target as HTMLElement).closest<HTMLElement>('[data-open-request]')?.dataset.openRequest;
  if (!id) return;
  try {
    await api('POST', `/support/requests/${encodeURIComponent(id)}/assignment`);
    await show(id);
    await requests();
  } catch (err) {
    notify(problemsOf(err)[0].message, 'error');
  }
});
bindForm(answerForm, async (v) => {
  await api('POST', `/support/requests/${encodeURIComponent(openRequest!)}/answers`, {
    text: v.text,
    needsUser: !!v.needsUser,
  });
  answerForm.reset();
  notify('La réponse est envoyée au demandeur.');
  await show(openRequest!);
  await requests();
});
$opt('[data-close-request]')!.addEventListener('click', async () => {
  if (!openRequest) return;
  try {
    await api('POST', `/support/requests/${encodeURIComponent(openRequest)}/closure`);
    notify('La demande est clôturée.');
    requestBox.hidden = true;
    openRequest = undefined;
    await requests();
  } catch (err) {
    notify(problemsOf(err)[0].message, 'error');
  }
});
