"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.builtInConnectors = exports.PACKAGE_PREFIX = void 0;
exports.createRegistry = createRegistry;
exports.discover = discover;
exports.loadPackage = loadPackage;
const node_fs_1 = __importDefault(require("node:fs"));
const node_path_1 = __importDefault(require("node:path"));
const ajv_1 = __importDefault(require("ajv"));
const ajv_formats_1 = __importDefault(require("ajv-formats"));
const evoliz_1 = require("./evoliz");
const axonaut_1 = require("./axonaut");
const cegid_loop_1 = require("./cegid-loop");
const settings_1 = require("./settings");
/** Third-party connectors are npm packages with this name prefix (optionally under a scope). */
exports.PACKAGE_PREFIX = 'facturflow-connector-';
exports.builtInConnectors = [evoliz_1.evoliz, axonaut_1.axonaut, cegid_loop_1.cegidLoop];
/**
 * The connectors this installation offers: the built-in ones, every `facturflow-connector-*` package
 * found in the node_modules folders given, and the package folders listed in
 * FACTURFLOW_CONNECTOR_PATHS. A package that cannot be loaded is reported, never silently dropped.
 */
function createRegistry(opts = {}) {
    const connectors = new Map();
    const add = (c, from) => {
        if (connectors.has(c.manifest.id))
            throw new Error(`Connector id "${c.manifest.id}" from ${from} is already taken.`);
        const problems = (0, settings_1.settingsProblems)(c);
        if (problems.length > 0)
            throw new Error(`Connector "${c.manifest.id}" from ${from} declares its settings wrongly: ${problems.join('; ')}.`);
        connectors.set(c.manifest.id, c);
    };
    for (const c of opts.builtIns ?? exports.builtInConnectors)
        add(c, 'the platform');
    const packages = [...(opts.nodeModules ?? []).flatMap(discover), ...(opts.extraPaths ?? [])];
    for (const dir of packages)
        add(loadPackage(dir), dir);
    const ajv = (0, ajv_formats_1.default)(new ajv_1.default({ allErrors: true, useDefaults: true, strict: false }));
    const validators = new Map();
    const validator = (c, part) => {
        const key = `${c.manifest.id}/${part}`;
        if (!validators.has(key))
            validators.set(key, ajv.compile(part === 'config' ? c.configSchema : c.credentialsSchema));
        return validators.get(key);
    };
    for (const c of connectors.values())
        ['config', 'credentials'].forEach((p) => validator(c, p));
    return {
        list: () => [...connectors.values()],
        get: (id) => connectors.get(id),
        check(c, part, value) {
            const validate = validator(c, part);
            if (validate(value))
                return [];
            return (validate.errors ?? []).map((e) => ({
                field: `${part}${e.instancePath.replace(/\//g, '.')}${e.keyword === 'required' ? `.${e.params.missingProperty}` : ''}`,
                message: e.message ?? 'is invalid',
            }));
        },
    };
}
/** Package folders named facturflow-connector-* (and @scope/facturflow-connector-*) in a node_modules. */
function discover(nodeModules) {
    if (!node_fs_1.default.existsSync(nodeModules))
        return [];
    const found = [];
    for (const entry of node_fs_1.default.readdirSync(nodeModules)) {
        if (entry.startsWith(exports.PACKAGE_PREFIX))
            found.push(node_path_1.default.join(nodeModules, entry));
        else if (entry.startsWith('@')) {
            for (const scoped of node_fs_1.default.readdirSync(node_path_1.default.join(nodeModules, entry))) {
                if (scoped.startsWith(exports.PACKAGE_PREFIX))
                    found.push(node_path_1.default.join(nodeModules, entry, scoped));
            }
        }
    }
    return found.sort();
}
/** A package exports its connector as `connector` or as the module itself. */
function loadPackage(dir) {
    const mod = require(node_path_1.default.resolve(dir));
    const c = (mod.connector ?? mod.default ?? mod);
    const m = c.manifest;
    if (!m ||
        typeof m.id !== 'string' ||
        typeof m.version !== 'string' ||
        !Array.isArray(m.capabilities) ||
        !m.retry ||
        !m.rateLimit ||
        typeof c.open !== 'function' ||
        typeof c.configSchema !== 'object' ||
        typeof c.credentialsSchema !== 'object' ||
        (c.settings !== undefined && !Array.isArray(c.settings))) {
        throw new Error(`${dir} does not export a facturflow connector (manifest, schemas, open).`);
    }
    return c;
}
//# sourceMappingURL=registry.js.map