import { api, session } from './api';
import { $, esc } from './form';

/** What every page does: sign-out, and the support panel (assistant, then live chat or a request). */
export function startPage(): void {
  document.querySelectorAll<HTMLButtonElement>('[data-sign-out]').forEach((button) =>
    button.addEventListener('click', async () => {
      button.disabled = true;
      await api('DELETE', '/sessions/current').catch(() => undefined);
      location.assign('/connexion');
    }),
  );
  const chat = document.querySelector<HTMLFormElement>('[data-chat-form]');
  if (chat) supportChat(chat);
}

/** The knowledge base links to API resources; on the portal, the page that does the same. */
const PORTAL_PAGES: [RegExp, string][] = [
  [/^\/api\/v1\/accounts\/(activation-email|password-reset)/, '/mot-de-passe-oublie'],
  [/^\/api\/v1\/accounts/, '/creer-un-compte'],
  [/^\/api\/v1\/connections/, '/applications'],
  [/^\/api\/v1\/flows/, '/flux'],
  [/^\/api\/v1\/invoices\/\{id\}/, '/factures/emises'],
  [/^\/api\/v1\/invoices/, '/factures/depot'],
  [/^\/api\/v1\/structures\/[^/]+\/attachment-requests/, '/rattachements'],
  [/^\/api\/v1\/structures/, '/structures'],
  [/^\/api\/v1\/support\/requests/, '/aide/demande'],
];

const portalLink = (href: string) => PORTAL_PAGES.find(([api]) => api.test(href))?.[1] ?? href;

interface Answer {
  conversationId: string;
  seq: number;
  understood: boolean;
  text: string;
  title?: string;
  links: { label: string; href: string }[];
  offer?: 'LIVE_CHAT' | 'REQUEST';
  liveChat?: LiveChat;
}

/** The live chat's hours and next opening, as the API answers them with an offer. */
interface LiveChat {
  hours: string;
  open: boolean;
  nextOpeningText: string;
}

interface Conversation {
  status: string;
  chat?: { status: string; messages: { seq: number; author: string; text: string }[] };
}

function supportChat(chatForm: HTMLFormElement): void {
  const log = $('[data-chat-log]');
  const offerArea = $('[data-chat-offer]');
  const input = chatForm.querySelector<HTMLInputElement>('input[name="question"]')!;
  let conversationId: string | undefined;
  let liveChat = false;
  let shownMessages = 0;

  const say = (who: string, html: string) => {
    log.insertAdjacentHTML(
      'beforeend',
      `<div class="ff-chat__line"><p class="fr-text--bold fr-mb-0">${esc(who)}</p>${html}</div>`,
    );
    log.scrollTop = log.scrollHeight;
  };

  const offer = (o?: 'LIVE_CHAT' | 'REQUEST', hours?: LiveChat) => {
    const when = hours ? ` Le chat est ouvert ${esc(hours.hours)}.` : '';
    const next = hours && !hours.open ? ` Prochaine ouverture : ${esc(hours.nextOpeningText)}.` : '';
    if (o === 'LIVE_CHAT')
      offerArea.innerHTML = `<div class="fr-alert fr-alert--info fr-alert--sm fr-my-2w"><p>Un conseiller peut vous répondre en direct.${when}</p><button type="button" class="fr-btn fr-btn--secondary fr-btn--sm fr-mt-1w" data-live-chat>Discuter avec un conseiller</button></div>`;
    else if (o === 'REQUEST')
      offerArea.innerHTML = `<div class="fr-alert fr-alert--info fr-alert--sm fr-my-2w"><p>Aucun conseiller n'est disponible pour le moment.${when}${next} Vous pouvez aussi <a href="/aide/demande">déposer une demande</a> : la réponse vous parviendra par courriel.</p></div>`;
  };

  const poll = async () => {
    if (!conversationId || !liveChat) return;
    const state = await api<Conversation>('GET', `/support/conversations/${conversationId}`).catch(
      () => undefined,
    );
    const messages = state?.chat?.messages ?? [];
    for (const m of messages.slice(shownMessages))
      if (m.author !== 'USER')
        say(m.author === 'ADVISOR' ? 'Conseiller' : 'Information', `<p>${esc(m.text)}</p>`);
    shownMessages = messages.length;
    if (state?.status === 'TERMINEE') liveChat = false;
    else setTimeout(poll, 2000);
  };

  offerArea.addEventListener('click', async (event) => {
    const target = event.target as HTMLElement;
    if (target.matches('[data-live-chat]') && conversationId) {
      await api('POST', `/support/conversations/${conversationId}/live-chat`);
      liveChat = true;
      offerArea.innerHTML =
        '<p class="fr-text--sm">Demande transmise : un conseiller va vous répondre ici.</p>';
      const label = input.labels?.[0];
      if (label) label.textContent = 'Votre message au conseiller';
      void poll();
    }
  });

  log.addEventListener('click', async (event) => {
    const button = (event.target as HTMLElement).closest<HTMLButtonElement>('[data-rate]');
    if (!button || !conversationId) return;
    const useful = button.dataset.rate === 'oui';
    button.parentElement!.innerHTML = '<span class="fr-text--sm">Merci pour votre avis.</span>';
    const rated = await api<{ offer?: 'LIVE_CHAT' | 'REQUEST'; liveChat?: LiveChat }>(
      'POST',
      `/support/conversations/${conversationId}/ratings`,
      {
        seq: Number(button.dataset.seq),
        useful,
      },
    ).catch(() => undefined);
    offer(rated?.offer, rated?.liveChat);
  });

  chatForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    const text = input.value.trim();
    if (!text) return;
    input.value = '';
    say('Vous', `<p>${esc(text)}</p>`);
    try {
      if (liveChat && conversationId) {
        await api('POST', `/support/conversations/${conversationId}/messages`, { text });
        shownMessages += 1;
        return;
      }
      await session();
      const a = await api<Answer>('POST', '/support/ask', {
        question: text,
        ...(conversationId && { conversationId }),
      });
      conversationId = a.conversationId;
      const links = a.links
        .map((l) => `<li><a href="${esc(portalLink(l.href))}">${esc(l.label)}</a></li>`)
        .join('');
      say(
        'Assistant',
        `${a.title ? `<p class="fr-mb-1w"><strong>${esc(a.title)}</strong></p>` : ''}<p>${esc(a.text)}</p>${links ? `<ul>${links}</ul>` : ''}` +
          `<p class="fr-text--sm">Cette réponse vous a-t-elle aidé ? <button type="button" class="fr-btn fr-btn--tertiary fr-btn--sm" data-rate="oui" data-seq="${a.seq}">Oui</button> <button type="button" class="fr-btn fr-btn--tertiary fr-btn--sm" data-rate="non" data-seq="${a.seq}">Non</button></p>`,
      );
      offer(a.offer, a.liveChat);
    } catch {
      say('Assistant', "<p>L'assistant ne répond pas pour le moment : réessayez plus tard.</p>");
    }
  });
}
