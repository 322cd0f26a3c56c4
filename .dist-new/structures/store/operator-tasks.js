"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.openOperatorTask = openOperatorTask;
exports.resolveOperatorTask = resolveOperatorTask;
/** Queues a task once: opening it again under the same id changes nothing. */
async function openOperatorTask(db, t) {
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
async function resolveOperatorTask(db, id, at) {
    await db('operator_tasks').where({ id }).whereNull('resolved_at').update({ resolved_at: at });
}
//# sourceMappingURL=operator-tasks.js.map