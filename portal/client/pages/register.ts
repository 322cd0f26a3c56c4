import { digitsOnly } from '../../../invoice/platform-rules/french-ids';
import { api } from '../api';
import { startPage } from '../common';
import { bindForm, form, notify } from '../form';

startPage();
/** The SIRET as people type it ("412 345 678 00012", "412.345.678.00012") becomes its 14 digits. */
const withTypedSiret = (v: Record<string, unknown>) =>
  v.siret === undefined ? v : { ...v, siret: digitsOnly(String(v.siret)) };
const f = form('register');
bindForm(
  f,
  async (v) => {
    await api('POST', '/accounts', withTypedSiret(v));
    f.hidden = true;
    notify(
      `Votre compte est créé. Un courriel d’activation a été envoyé à ${String(v.email)} : suivez son lien (valable 60 minutes) pour choisir votre mot de passe.`,
    );
  },
  {
    check: (v) =>
      v.siret && !/^\d{14}$/.test(withTypedSiret(v).siret as string)
        ? [{ field: 'siret', message: 'Le SIRET compte 14 chiffres.' }]
        : [],
  },
);
