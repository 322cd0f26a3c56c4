import { api, rememberCsrf } from '../api';
import { startPage } from '../common';
import { bindForm, form, param } from '../form';

startPage();
bindForm(form('sign-in'), async (v) => {
  const s = await api<{ csrfToken: string }>('POST', '/sessions', { email: v.email, password: v.password });
  rememberCsrf(s.csrfToken);
  const back = param('retour');
  // Only a path of this site: never an address elsewhere.
  location.assign(back.startsWith('/') && !back.startsWith('//') ? back : '/factures/emises');
});
