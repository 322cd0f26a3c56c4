import { api } from '../api';
import { startPage } from '../common';
import { bindForm, form, notify } from '../form';

startPage();
const f = form('register');
bindForm(
  f,
  async (v) => {
    await api('POST', '/accounts', v);
    f.hidden = true;
    notify(
      `Votre compte est créé. Un courriel d’activation a été envoyé à ${String(v.email)} : suivez son lien (valable 60 minutes) pour choisir votre mot de passe.`,
    );
  },
  {
    check: (v) =>
      v.siret && !/^\d{14}$/.test(String(v.siret))
        ? [{ field: 'siret', message: 'Le SIRET compte 14 chiffres.' }]
        : [],
  },
);
