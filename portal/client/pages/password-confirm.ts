import { api } from '../api';
import { startPage } from '../common';
import { bindForm, form, notify, param } from '../form';

startPage();
const f = form('password-confirm');
(f.elements.namedItem('email') as HTMLInputElement).value = param('email');
bindForm(
  f,
  async (v) => {
    await api('POST', '/accounts/password-reset/confirm', {
      email: v.email,
      token: param('token'),
      password: v.password,
    });
    f.hidden = true;
    notify('Votre mot de passe est changé. <a href="/connexion">Se connecter</a>', 'success', true);
  },
  {
    check: (v) =>
      v.password !== v.confirmation
        ? [{ field: 'confirmation', message: 'Les deux mots de passe ne sont pas identiques.' }]
        : [],
  },
);
