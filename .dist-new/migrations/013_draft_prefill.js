"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.up = up;
exports.down = down;
/**
 * The fields of a draft pre-filled from a plain PDF ("number", "buyer.id", "lines"…), as a JSON
 * array, so that the form marks what the supplier should check. Drafts entered by hand have none.
 */
async function up(knex) {
    await knex.schema.alterTable('invoice_drafts', (t) => {
        t.string('prefilled', 500);
    });
}
async function down(knex) {
    await knex.schema.alterTable('invoice_drafts', (t) => {
        t.dropColumn('prefilled');
    });
}
//# sourceMappingURL=013_draft_prefill.js.map