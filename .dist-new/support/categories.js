"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.DEFAULT_CATEGORIES_FILE = void 0;
exports.loadCategories = loadCategories;
const node_fs_1 = __importDefault(require("node:fs"));
const node_path_1 = __importDefault(require("node:path"));
exports.DEFAULT_CATEGORIES_FILE = node_path_1.default.join(__dirname, 'categories.json');
/**
 * The request categories and sub-categories users choose from, and where each is routed. Kept in a
 * JSON file (SUPPORT_CATEGORIES_FILE replaces the default one) so a platform adapts them without code.
 */
function loadCategories(file = exports.DEFAULT_CATEGORIES_FILE) {
    let parsed;
    try {
        parsed = JSON.parse(node_fs_1.default.readFileSync(file, 'utf8'));
    }
    catch (err) {
        const reason = err.code === 'ENOENT' ? 'no such file' : err.message;
        throw new Error(`${file}: ${reason}`);
    }
    const { categories } = parsed;
    if (!Array.isArray(categories) || categories.length === 0)
        throw new Error(`${file}: needs a non-empty "categories" list`);
    const codes = new Set();
    for (const c of categories) {
        if (typeof c.code !== 'string' || !c.code || typeof c.label !== 'string')
            throw new Error(`${file}: every category needs a code and a label`);
        if (codes.has(c.code))
            throw new Error(`${file}: category ${c.code} appears twice`);
        codes.add(c.code);
        if (!['PLATEFORME', 'SERVICE_ACHETEUR'].includes(c.routing) || !c.subcategories?.length)
            throw new Error(`${file}: category ${c.code} needs a routing and sub-categories`);
    }
    return categories;
}
//# sourceMappingURL=categories.js.map