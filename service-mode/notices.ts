import type { Db } from '../platform/db';
import type { Mailer } from '../platform/mailer';
import { passwordExpiryEmail, raccordementEmail } from '../platform/mail/service-mode-templates';
import { getStructure, memberContacts } from '../structures';
import type { ApplicationRow } from './store';
import type { PasswordExpiryReminder, RaccordementStatus } from './types';

export interface NoticeDeps {
  db: Db;
  mailer: Mailer;
}

/** Emails every main manager of the structure; the key makes a retry send nothing twice. */
export async function sendPasswordExpiryReminder(
  deps: NoticeDeps,
  r: PasswordExpiryReminder,
): Promise<number> {
  const structure = await getStructure(deps.db, r.structureId);
  const managers = await memberContacts(deps.db, r.structureId, ['PRINCIPAL']);
  for (const m of managers)
    await deps.mailer.send({
      to: m.email,
      ...passwordExpiryEmail({ ...r, structureName: structure?.name ?? r.structureId }),
      idempotencyKey: `${r.idempotencyKey}/${m.userId}`,
    });
  return managers.length;
}

/** Tells the structure's managers that their application is qualified, or in production; once per status. */
export async function tellManagersOfOnboarding(
  deps: NoticeDeps,
  app: Pick<ApplicationRow, 'id' | 'name' | 'structure_id'>,
  status: Exclude<RaccordementStatus, 'QUALIFICATION'>,
): Promise<void> {
  const structure = await getStructure(deps.db, app.structure_id);
  const managers = await memberContacts(deps.db, app.structure_id, ['PRINCIPAL', 'SECONDAIRE']);
  for (const m of managers)
    await deps.mailer.send({
      to: m.email,
      ...raccordementEmail({ applicationName: app.name, status, structureName: structure?.name ?? '' }),
      idempotencyKey: `raccordement/${app.id}/${status}/${m.userId}`,
    });
}
