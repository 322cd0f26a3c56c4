import { api } from '../api';
import { startPage } from '../common';
import { $, bindForm, form } from '../form';
import { myStructures, structureTable, StructureSummary } from '../structure-list';

startPage();
const list = () => myStructures().then((items) => ($('[data-structures]').innerHTML = structureTable(items)));
void list();
bindForm(form('structure-create'), async (v) => {
  const created = await api<StructureSummary>('POST', '/structures', v);
  location.assign(`/structures/${encodeURIComponent(created.id)}?creee=1`);
});
