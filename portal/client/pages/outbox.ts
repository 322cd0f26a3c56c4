import { api } from '../api';
import { startPage } from '../common';
import { $, esc, frDate } from '../form';

startPage();

interface Message {
  id: string;
  to: string;
  subject: string;
  date: string;
}

interface DecodedMessage extends Message {
  text: string;
  links: string[];
}

async function show(id: string) {
  // The API decodes the message (MIME, quoted-printable) and finds its links.
  const { text, links } = await api<DecodedMessage>('GET', `/dev/outbox/${encodeURIComponent(id)}`);
  const area = $('[data-message]');
  area.innerHTML =
    `<h2 class="fr-mt-4w">Message</h2>` +
    (links.length
      ? `<ul>${links.map((l) => `<li><a href="${esc(l.replace(/^https?:\/\/[^/]+/, ''))}">${esc(l)}</a></li>`).join('')}</ul>`
      : '') +
    `<pre class="ff-raw">${esc(text)}</pre>`;
  area.querySelector('h2')?.setAttribute('tabindex', '-1');
  area.querySelector<HTMLElement>('h2')?.focus();
}

void api<{ messages: Message[] }>('GET', '/dev/outbox').then(({ messages }) => {
  const area = $('[data-outbox]');
  if (!messages.length) {
    area.innerHTML = '<p>Aucun courriel.</p>';
    return;
  }
  area.innerHTML =
    `<div class="fr-table"><table><caption>Courriels, du plus récent au plus ancien</caption><thead><tr><th scope="col">Date</th><th scope="col">Destinataire</th><th scope="col">Objet</th><th scope="col">Action</th></tr></thead><tbody>` +
    messages
      .map(
        (m) =>
          `<tr><td>${esc(frDate(m.date))}</td><td>${esc(m.to)}</td><td>${esc(m.subject)}</td><td><button type="button" class="fr-btn fr-btn--sm fr-btn--secondary" data-open="${esc(m.id)}">Lire</button></td></tr>`,
      )
      .join('') +
    `</tbody></table></div>`;
  area.addEventListener('click', (e) => {
    const id = (e.target as HTMLElement).closest<HTMLElement>('[data-open]')?.dataset.open;
    if (id) void show(id);
  });
});
