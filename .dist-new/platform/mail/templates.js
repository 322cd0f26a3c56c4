"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.activationEmail = activationEmail;
exports.passwordResetEmail = passwordResetEmail;
const escape = (s) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
function render(subject, greeting, body, action, link) {
    const text = [greeting, '', ...body, '', link, '', "L'équipe facturflow"].join('\n');
    const html = `<p>${escape(greeting)}</p>` +
        body.map((line) => `<p>${escape(line)}</p>`).join('') +
        `<p><a href="${escape(link)}">${escape(action)}</a></p>` +
        `<p>L'équipe facturflow</p>`;
    return { subject, text, html };
}
function activationEmail({ firstName, link, validityMinutes }) {
    return render('Activez votre compte facturflow', `Bonjour ${firstName},`, [
        'Votre compte facturflow a été créé. Pour l’activer, choisissez votre mot de passe en suivant ce lien :',
        `Ce lien est valable ${validityMinutes} minutes et ne peut servir qu’une fois. ` +
            'Passé ce délai, demandez un nouveau lien depuis la page de connexion.',
    ], 'Activer mon compte', link);
}
function passwordResetEmail({ firstName, link, validityMinutes }) {
    return render('Réinitialisation de votre mot de passe facturflow', `Bonjour ${firstName},`, [
        'Une réinitialisation du mot de passe de votre compte facturflow a été demandée. ' +
            'Pour choisir un nouveau mot de passe, suivez ce lien :',
        `Ce lien est valable ${validityMinutes} minutes et ne peut servir qu’une fois. ` +
            'Si vous n’êtes pas à l’origine de cette demande, ignorez ce message : votre mot de passe reste inchangé.',
    ], 'Choisir un nouveau mot de passe', link);
}
//# sourceMappingURL=templates.js.map