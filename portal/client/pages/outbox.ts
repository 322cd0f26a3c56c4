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

/** The readable text of a raw message: quoted-printable soft breaks and escapes undone. */
function readable(raw: string): string {
  const bytes = raw
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  // Decoded escapes are bytes of UTF-8 text; characters already above a byte mean it was not encoded.
  if ([...bytes].some((c) => c.charCodeAt(0) > 255)) return bytes;
  return new TextDecoder().decode(Uint8Array.from(bytes, (c) => c.charCodeAt(0)));
}

async function show(id: string) {
  const res = await fetch(`/api/v1/dev/outbox/${encodeURIComponent(id)}`);
  const text = readable(await res.text());
  // The same link appears in the text and (HTML-escaped) in the HTML part.
  const links = [
    ...new Set((text.match(/https?:\/\/[^\s"<>]+/g) ?? []).map((l) => l.replace(/&amp;/g, '&'))),
  ];
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
