"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.importRegistryCsv = importRegistryCsv;
exports.splitCsvLine = splitCsvLine;
const node_fs_1 = __importDefault(require("node:fs"));
const node_readline_1 = __importDefault(require("node:readline"));
const french_ids_1 = require("../invoice/platform-rules/french-ids");
const company_registry_1 = require("./store/company-registry");
const BATCH = 500;
const COLUMNS = ['siret', 'name', 'street', 'postal_code', 'city'];
/**
 * The INSEE open-data establishment file (StockEtablissement, data.gouv.fr) under its own column
 * names: each of our columns from the first of its columns that has a value.
 */
const INSEE_COLUMNS = {
    name: [['denominationunitelegale'], ['enseigne1etablissement'], ['denominationusuelleetablissement']],
    street: [['numerovoieetablissement', 'typevoieetablissement', 'libellevoieetablissement']],
    postal_code: [['codepostaletablissement']],
    city: [['libellecommuneetablissement']],
};
/**
 * Streams a CSV (header siret,name,street,postal_code,city, or the INSEE establishment file's own
 * columns; comma or semicolon separated) into the company directory, upserting by SIRET in batches, so a file of millions of lines runs in constant
 * memory and importing it again only refreshes the rows.
 */
async function importRegistryCsv(db, file, onProgress = () => undefined) {
    const lines = node_readline_1.default.createInterface({ input: node_fs_1.default.createReadStream(file, 'utf8'), crlfDelay: Infinity });
    const report = { imported: 0, skipped: [] };
    let header;
    let separator = ',';
    let batch = [];
    let lineNo = 0;
    const flush = async () => {
        if (batch.length === 0)
            return;
        await (0, company_registry_1.upsertCompanies)(db, batch);
        report.imported += batch.length;
        batch = [];
        onProgress(report.imported);
    };
    for await (const raw of lines) {
        lineNo += 1;
        const line = lineNo === 1 ? raw.replace(/^\uFEFF/, '') : raw;
        if (line.trim() === '')
            continue;
        if (!header) {
            separator = line.includes(';') && !line.includes(',') ? ';' : ',';
            header = splitCsvLine(line, separator).map((h) => h.trim().toLowerCase());
            const insee = !header.includes('name') && header.includes('libellecommuneetablissement');
            const missing = ['siret', ...(insee ? [] : ['name'])].filter((c) => !header.includes(c));
            if (missing.length > 0)
                throw new Error(`${file}: the header lacks the column(s) ${missing.join(', ')}`);
            continue;
        }
        const cells = splitCsvLine(line, separator);
        const value = columnReader(header, cells);
        const siret = value('siret')?.replace(/\s/g, '') ?? '';
        if (!(0, french_ids_1.isValidSiret)(siret)) {
            report.skipped.push({ line: lineNo, reason: `invalid SIRET "${siret}"` });
            continue;
        }
        if (!value('name')) {
            report.skipped.push({ line: lineNo, reason: 'no name' });
            continue;
        }
        const row = { updated_at: new Date().toISOString() };
        for (const c of COLUMNS)
            row[c] = value(c);
        row.siret = siret;
        row.head_office = flag(value('etablissementsiege'));
        row.active = value('etatadministratifetablissement')
            ? value('etatadministratifetablissement') === 'A'
            : null;
        batch.push(row);
        if (batch.length >= BATCH)
            await flush();
    }
    await flush();
    return report;
}
/** A cell by our column name, or by the INSEE columns it is made of (joined by spaces). */
function columnReader(header, cells) {
    const cell = (c) => (header.includes(c) ? cells[header.indexOf(c)]?.trim() || null : null);
    return (column) => {
        const own = cell(column);
        if (own || !INSEE_COLUMNS[column])
            return own;
        for (const parts of INSEE_COLUMNS[column]) {
            const joined = parts.map(cell).filter(Boolean).join(' ');
            if (joined)
                return joined;
        }
        return null;
    };
}
/** true / false as INSEE writes them ("true", "false"), or as people do (1, 0, oui, non). */
function flag(text) {
    if (text === null)
        return null;
    return ['true', '1', 'oui', 'o', 'yes'].includes(text.toLowerCase());
}
/** One CSV record on one line: separated cells, double-quoted cells may hold separators and "". */
function splitCsvLine(line, separator) {
    const cells = [];
    let cell = '';
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
        const c = line[i];
        if (quoted) {
            if (c === '"' && line[i + 1] === '"') {
                cell += '"';
                i += 1;
            }
            else if (c === '"')
                quoted = false;
            else
                cell += c;
        }
        else if (c === '"')
            quoted = true;
        else if (c === separator) {
            cells.push(cell);
            cell = '';
        }
        else
            cell += c;
    }
    cells.push(cell);
    return cells;
}
//# sourceMappingURL=import-registry.js.map