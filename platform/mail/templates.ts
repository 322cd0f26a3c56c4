/** The French emails the account workflows send, each with a plain-text part and an HTML part. */
export interface LinkEmail {
  subject: string;
  text: string;
  html: string;
}

export interface LinkEmailInput {
  firstName: string;
  link: string;
  validityMinutes: number;
}

const escape = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function render(subject: string, greeting: string, body: string[], action: string, link: string) {
  const text = [greeting, '', ...body, '', link, '', "L'équipe facturflow"].join('\n');
  const html =
    `<p>${escape(greeting)}</p>` +
    body.map((line) => `<p>${escape(line)}</p>`).join('') +
    `<p><a href="${escape(link)}">${escape(action)}</a></p>` +
    `<p>L'équipe facturflow</p>`;
  return { subject, text, html };
}

export function activationEmail({ firstName, link, validityMinutes }: LinkEmailInput): LinkEmail {
  return render(
    'Activez votre compte facturflow',
    `Bonjour ${firstName},`,
    [
      'Votre compte facturflow a été créé. Pour l’activer, choisissez votre mot de passe en suivant ce lien :',
      `Ce lien est valable ${validityMinutes} minutes et ne peut servir qu’une fois. ` +
        'Passé ce délai, demandez un nouveau lien depuis la page de connexion.',
    ],
    'Activer mon compte',
    link,
  );
}

export function passwordResetEmail({ firstName, link, validityMinutes }: LinkEmailInput): LinkEmail {
  return render(
    'Réinitialisation de votre mot de passe facturflow',
    `Bonjour ${firstName},`,
    [
      'Une réinitialisation du mot de passe de votre compte facturflow a été demandée. ' +
        'Pour choisir un nouveau mot de passe, suivez ce lien :',
      `Ce lien est valable ${validityMinutes} minutes et ne peut servir qu’une fois. ` +
        'Si vous n’êtes pas à l’origine de cette demande, ignorez ce message : votre mot de passe reste inchangé.',
    ],
    'Choisir un nouveau mot de passe',
    link,
  );
}
