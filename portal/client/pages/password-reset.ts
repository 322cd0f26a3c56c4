import { api } from '../api';
import { startPage } from '../common';
import { bindForm, form, notify } from '../form';

startPage();
const sent =
  'Si cette adresse correspond à un compte, un courriel vient de lui être envoyé avec un lien valable 60 minutes.';
bindForm(form('password-reset'), async (v) => {
  await api('POST', '/accounts/password-reset', { email: v.email });
  notify(sent);
});
bindForm(form('resend-activation'), async (v) => {
  await api('POST', '/accounts/resend-activation', { email: v.email });
  notify(sent);
});
