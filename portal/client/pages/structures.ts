import { api, ApiFailure } from '../api';
import { startPage } from '../common';
import { $, bindForm, form, Problem } from '../form';
import { myStructures, structureTable, StructureSummary } from '../structure-list';

startPage();
const list = () => myStructures().then((items) => ($('[data-structures]').innerHTML = structureTable(items)));
void list();

const create = form('structure-create');

// "Ajouter un service": one more row, numbered after the last.
$('[data-add-service]').addEventListener('click', () => {
  const rows = create.querySelectorAll('[data-service-row]');
  const n = rows.length;
  const template = $('[data-service-template]') as HTMLTemplateElement;
  const html = template.innerHTML.replace(/__N__/g, String(n)).replace(/__NTH__/g, String(n + 1));
  rows[n - 1].insertAdjacentHTML('afterend', html);
  create.querySelector<HTMLInputElement>(`[name="services.${n}.code"]`)?.focus();
});

type Row = { code?: string; name?: string; engagementRequired?: boolean };

/** The filled service rows, each with the number of its row in the form. */
function filledServices(v: Record<string, unknown>): { row: string; service: Row }[] {
  return Object.entries((v.services ?? {}) as Record<string, Row>)
    .filter(([, s]) => s.code || s.name)
    .map(([row, s]) => ({ row, service: s }));
}

/** A row with a code and no name, or a name and no code, is shown at once. */
function check(v: Record<string, unknown>): Problem[] {
  return filledServices(v).flatMap(({ row, service }) =>
    (['code', 'name'] as const)
      .filter((k) => !service[k])
      .map((k) => ({ field: `services.${row}.${k}`, message: 'Ce champ est obligatoire.' })),
  );
}

/** The API names the n-th service sent; the form's row may be another (empty rows are not sent). */
function inFormRows(err: unknown, rows: string[]): unknown {
  if (!(err instanceof ApiFailure) || !err.details) return err;
  const remap = (field: unknown) =>
    typeof field === 'string'
      ? field.replace(/^body\.services\.(\d+)\./, (_, i: string) => `body.services.${rows[Number(i)] ?? i}.`)
      : field;
  const details: Record<string, unknown> = { ...err.details, field: remap(err.details.field) };
  if (Array.isArray(err.details.errors))
    details.errors = (err.details.errors as { field?: string; message: string }[]).map((e) => ({
      ...e,
      field: remap(e.field) as string | undefined,
    }));
  return new ApiFailure(err.status, err.code, err.message, details);
}

bindForm(
  create,
  async (v) => {
    const services = filledServices(v);
    const body = {
      ...v,
      public: !!v.public,
      parameters: v.parameters,
      services: services.map(({ service }) => ({
        code: service.code,
        name: service.name,
        engagementRequired: !!service.engagementRequired,
      })),
    };
    let created: StructureSummary;
    try {
      created = await api<StructureSummary>('POST', '/structures', body);
    } catch (err) {
      throw inFormRows(
        err,
        services.map((s) => s.row),
      );
    }
    location.assign(`/structures/${encodeURIComponent(created.id)}?creee=1`);
  },
  { check },
);
