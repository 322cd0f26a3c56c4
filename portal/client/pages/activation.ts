import { api } from '../api';
import { startPage } from '../common';
import { bindForm, form, notify, param } from '../form';

startPage();
const f = form('activation');
(f.elements.namedItem('email') as HTMLInputElement).value = param('email');
bindForm(
  f,
  async (v) => {
    await api('POST', '/accounts/activate', { email: v.email, token: param('token'), password: v.password });
    f.hidden = true;
    notify(
      'Votre compte est activé. Vous pouvez maintenant <a href="/connexion">vous connecter</a>.',
      'success',
      true,
    );
  },
  {
    check: (v) => {
      if (!param('token'))
        return [{ message: 'Ce lien d’activation est incomplet : ouvrez le lien reçu par courriel.' }];
      return v.password !== v.confirmation
        ? [{ field: 'confirmation', message: 'Les deux mots de passe ne sont pas identiques.' }]
        : [];
    },
  },
);
