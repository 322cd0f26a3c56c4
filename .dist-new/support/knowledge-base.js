"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.KB_DIR = void 0;
exports.loadKnowledgeBase = loadKnowledgeBase;
exports.parseArticle = parseArticle;
const node_fs_1 = __importDefault(require("node:fs"));
const node_path_1 = __importDefault(require("node:path"));
exports.KB_DIR = node_path_1.default.join(__dirname, 'kb');
/**
 * The knowledge base: every Markdown article under support/kb (generated/ included), cut into
 * passages at its `## ` headings. An article opens with a front matter giving its title, the
 * keywords users say instead of the article's own words, and its links (`label|href`, comma separated).
 */
function loadKnowledgeBase(dir = exports.KB_DIR) {
    return markdownFiles(dir).flatMap((file) => {
        const article = node_path_1.default.basename(file, '.md');
        return parseArticle(article, node_fs_1.default.readFileSync(file, 'utf8'), node_path_1.default.basename(node_path_1.default.dirname(file)) === 'generated');
    });
}
function markdownFiles(dir) {
    return node_fs_1.default
        .readdirSync(dir, { withFileTypes: true })
        .flatMap((e) => (e.isDirectory() ? markdownFiles(node_path_1.default.join(dir, e.name)) : [node_path_1.default.join(dir, e.name)]))
        .filter((f) => f.endsWith('.md'))
        .sort();
}
function parseArticle(article, source, generated = false) {
    const front = /^---\n([\s\S]*?)\n---\n/.exec(source);
    if (!front)
        throw new Error(`support/kb article ${article} has no front matter`);
    const meta = Object.fromEntries(front[1].split('\n').map((line) => {
        const at = line.indexOf(':');
        return [line.slice(0, at).trim(), line.slice(at + 1).trim()];
    }));
    if (!meta.title)
        throw new Error(`support/kb article ${article} has no title`);
    const links = (meta.links ?? '')
        .split(',')
        .filter(Boolean)
        .map((l) => {
        const [label, href] = l.split('|').map((s) => s.trim());
        return { label, href };
    });
    const body = source.slice(front[0].length).replace(/<!--[\s\S]*?-->\n?/g, '');
    return body.split(/^## /m).flatMap((chunk, n) => {
        const heading = n === 0 ? undefined : chunk.slice(0, chunk.indexOf('\n')).trim();
        const text = (n === 0 ? chunk : chunk.slice(chunk.indexOf('\n') + 1)).replace(/\s+/g, ' ').trim();
        if (!text)
            return [];
        return [
            {
                id: `${article}#${n}`,
                article,
                title: meta.title,
                heading,
                text,
                // A generated article's keywords describe it as a whole: only its introduction carries them.
                keywords: generated && n > 0 ? '' : (meta.keywords ?? ''),
                links,
                generated,
            },
        ];
    });
}
//# sourceMappingURL=knowledge-base.js.map