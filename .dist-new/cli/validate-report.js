"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.humanEntry = humanEntry;
exports.humanSummary = humanSummary;
/** One verdict line per file, then its findings indented, fatal ones first. */
function humanEntry(entry) {
    const verdict = !entry.readable ? 'UNREADABLE' : entry.valid ? 'VALID' : 'INVALID';
    const kind = entry.profile ? `${entry.format}, ${entry.profile}` : entry.format;
    const fatal = entry.findings.filter((f) => f.severity === 'fatal');
    const warnings = entry.findings.filter((f) => f.severity === 'warning');
    const counts = [
        fatal.length ? plural(fatal.length, 'error') : '',
        warnings.length ? plural(warnings.length, 'warning') : '',
    ]
        .filter(Boolean)
        .join(', ');
    const judgedBy = entry.ruleSets.length ? `; rules: ${entry.ruleSets.join(', ')}` : '';
    const lines = [`${verdict.padEnd(10)} ${entry.file} (${kind}${judgedBy})${counts ? `: ${counts}` : ''}`];
    for (const f of [...fatal, ...warnings]) {
        lines.push(`    ${f.severity.padEnd(7)} ${f.rule}  ${oneLine(f.message)}`);
        if (f.location)
            lines.push(`            at ${f.location}`);
    }
    return lines.join('\n') + '\n';
}
function humanSummary(t) {
    const total = t.valid + t.invalid + t.unreadable;
    return `\n${plural(total, 'file')}: ${t.valid} valid, ${t.invalid} invalid, ${t.unreadable} unreadable\n`;
}
function plural(n, word) {
    return `${n} ${word}${n === 1 ? '' : 's'}`;
}
function oneLine(text) {
    return text.replace(/\s+/g, ' ').trim();
}
//# sourceMappingURL=validate-report.js.map