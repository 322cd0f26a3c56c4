"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.up = up;
exports.down = down;
/**
 * The rule sets that judged a deposited invoice (`en16931` or `facturx-<profile>`, `peppol`, `platform`),
 * as a JSON array, so that the API and the portal say by which rules it was accepted or rejected.
 * Invoices checked before this column existed have none recorded.
 */
async function up(knex) {
    await knex.schema.alterTable('invoices', (t) => {
        t.string('rule_sets', 200);
    });
}
async function down(knex) {
    await knex.schema.alterTable('invoices', (t) => {
        t.dropColumn('rule_sets');
    });
}
//# sourceMappingURL=010_rule_sets.js.map