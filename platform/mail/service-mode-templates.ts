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
