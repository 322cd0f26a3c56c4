import { elide } from './french';

/** The French email about a technical account's password, sent to the structure's main managers. */
export function passwordExpiryEmail(i: {
  login: string;
  expiresAt: string;
  daysLeft: number;
  structureName: string;
}) {
  const date = new Date(i.expiresAt).toLocaleDateString('fr-FR', { timeZone: 'Europe/Paris' });
  const when = i.daysLeft <= 1 ? 'demain' : `dans ${i.daysLeft} jours`;
  const subject = `Le mot de passe du compte technique ${i.login} expire ${when}`;
  const lines = [
    'Bonjour,',
    '',
    `Le mot de passe du compte technique ${i.login} de la structure ${i.structureName} expire ${when}, le ${date}.`,
    'Passé cette date, les logiciels qui utilisent ce compte pour appeler l’API de facturflow seront refusés.',
    'En tant que gestionnaire principal, réinitialisez-le depuis la fiche de la structure (comptes techniques), ' +
      'puis renseignez le nouveau mot de passe dans vos logiciels.',
    '',
    "L'équipe facturflow",
  ];
  const escape = (s: string) =>
    s.replace(
      /[&<>"']/g,
      (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
    );
  return {
    subject,
    text: lines.join('\n'),
    html: lines
      .filter((l) => l)
      .map((l) => `<p>${escape(l)}</p>`)
      .join(''),
  };
}

/** The French email to a structure's managers when its connection changes state. */
export function raccordementEmail(i: {
  applicationName: string;
  status: 'QUALIFIEE' | 'PRODUCTION';
  structureName: string;
}) {
  const subject =
    i.status === 'QUALIFIEE'
      ? `Raccordement ${elide('de', i.applicationName)} : qualification réussie`
      : `Raccordement ${elide('de', i.applicationName)} : passage en production`;
  const lines = [
    'Bonjour,',
    '',
    i.status === 'QUALIFIEE'
      ? `Le scénario de qualification de l’application ${i.applicationName} (structure ${i.structureName}) est réussi. ` +
        'Le support de facturflow va valider le passage en production ; d’ici là, vos dépôts restent contrôlés sans être transmis.'
      : `L’application ${i.applicationName} (structure ${i.structureName}) est en production : ses factures sont désormais transmises à leurs destinataires.`,
    '',
    "L'équipe facturflow",
  ];
  return {
    subject,
    text: lines.join('\n'),
    html: lines
      .filter((l) => l)
      .map((l) => `<p>${escapeHtml(l)}</p>`)
      .join(''),
  };
}

function escapeHtml(s: string) {
  return s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}
