import { api, upload } from '../api';
import { startPage } from '../common';
import { $, bindForm, esc, form, frDate, notify, problemsOf, progress } from '../form';
import { FLOW_STATES } from '../messages';

startPage();

interface Flow {
  numeroFluxDepot: string;
  syntaxeFlux: string;
  etatCourantFlux: string;
  dateDepot: string;
  nomFichier?: string;
  nombreFactures?: number;
  nombreFacturesIntegrees?: number;
}

interface Report {
  listeErreurDP?: {
    numeroDP?: string;
    identifiantFournisseur?: string;
    identifiantDestinataire?: string;
    libelleErreurDP: string;
    fichier?: string;
  }[];
}

const SETTLED = ['IN_INTEGRE', 'IN_INTEGRE_PARTIEL', 'IN_REJETE', 'IN_INCIDENTE'];

async function list(): Promise<void> {
  const { items } = await api<{ items: Flow[] }>('GET', '/deposited-flows');
  $('[data-flows]').innerHTML = items.length
    ? `<div class="fr-table"><table><caption>Flux déposés</caption><thead><tr><th scope="col">Numéro</th><th scope="col">Fichier</th><th scope="col">Syntaxe</th><th scope="col">Déposé le</th><th scope="col">État</th><th scope="col">Factures intégrées</th><th scope="col">Compte rendu</th></tr></thead><tbody>${items
        .map(
          (f) =>
            `<tr><td>${esc(f.numeroFluxDepot)}</td><td>${esc(f.nomFichier ?? '')}</td><td>${esc(f.syntaxeFlux)}</td><td>${esc(frDate(f.dateDepot))}</td><td>${esc(FLOW_STATES[f.etatCourantFlux] ?? f.etatCourantFlux)}</td><td>${
              f.nombreFactures !== undefined ? `${f.nombreFacturesIntegrees ?? 0} / ${f.nombreFactures}` : ''
            }</td><td>${
              SETTLED.includes(f.etatCourantFlux)
                ? `<button type="button" class="fr-btn fr-btn--sm fr-btn--secondary" data-report="${esc(f.numeroFluxDepot)}">Voir</button> <a class="fr-link fr-text--sm" href="/api/v1/flows/${encodeURIComponent(f.numeroFluxDepot)}/report.pdf" download>PDF</a>`
                : 'En cours…'
            }</td></tr>`,
        )
        .join('')}</tbody></table></div>`
    : '<p>Aucun flux déposé.</p>';
  if (items.some((f) => !SETTLED.includes(f.etatCourantFlux))) setTimeout(() => void list(), 2000);
}
void list();

$('[data-flows]').addEventListener('click', async (e) => {
  const numero = (e.target as HTMLElement).closest<HTMLElement>('[data-report]')?.dataset.report;
  if (!numero) return;
  try {
    const r = await api<Report>('GET', `/flows/${encodeURIComponent(numero)}/report`);
    const errors = r.listeErreurDP ?? [];
    $('[data-report]').innerHTML =
      `<h2 class="fr-mt-4w" tabindex="-1">Compte rendu du flux ${esc(numero)}</h2>` +
      (errors.length
        ? `<div class="fr-table"><table><caption>Erreurs d’intégration</caption><thead><tr><th scope="col">Facture</th><th scope="col">Fournisseur</th><th scope="col">Destinataire</th><th scope="col">Erreur</th></tr></thead><tbody>${errors
            .map(
              (x) =>
                `<tr><td>${esc(x.numeroDP ?? x.fichier ?? '')}</td><td>${esc(x.identifiantFournisseur ?? '')}</td><td>${esc(x.identifiantDestinataire ?? '')}</td><td>${esc(x.libelleErreurDP.split(' / ')[0])}</td></tr>`,
            )
            .join('')}</tbody></table></div>`
        : '<p>Toutes les factures du flux sont intégrées.</p>');
    $('[data-report] h2').focus();
  } catch (err) {
    notify(problemsOf(err)[0].message, 'error');
  }
});

const f = form('flow');
bindForm(f, async (v) => {
  const file = (f.elements.namedItem('file') as HTMLInputElement).files![0];
  const body = new FormData();
  body.append('syntaxeFlux', String(v.syntaxeFlux));
  body.append('file', file, file.name);
  const r = await upload<{ numeroFluxDepot: string }>('/flows', body, progress('Envoi du flux'));
  f.reset();
  notify(`Le flux ${r.numeroFluxDepot} est déposé : son traitement est suivi ci-dessous.`);
  await list();
});
