import type { Db } from '../../platform/db';

/** SQL on operator_tasks, the operators' (support staff's) queue. */

export interface OperatorTask {
  id: string;
  kind: string;
  subjectId: string;
  structureId: string;
  summary: string;
  createdAt: string;
}

/** Queues a task once: opening it again under the same id changes nothing. */
export async function openOperatorTask(db: Db, t: OperatorTask): Promise<void> {
  await db('operator_tasks')
    .insert({
      id: t.id,
      kind: t.kind,
      subject_id: t.subjectId,
      structure_id: t.structureId,
      summary: t.summary,
      created_at: t.createdAt,
    })
    .onConflict('id')
    .ignore();
}

/** Marks the task resolved, unless it already is. */
export async function resolveOperatorTask(db: Db, id: string, at: string): Promise<void> {
  await db('operator_tasks').where({ id }).whereNull('resolved_at').update({ resolved_at: at });
}
