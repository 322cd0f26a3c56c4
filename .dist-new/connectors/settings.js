"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.settingsOf = settingsOf;
exports.settingsProblems = settingsProblems;
const partsOf = (c) => [
    ['config', c.configSchema],
    ['credentials', c.credentialsSchema],
];
/**
 * The fields of the form that adds a connection: the connector's own declarations, or, for a package
 * that declares none, one field per schema property (its description as help, credentials secret).
 */
function settingsOf(c) {
    if (c.settings)
        return c.settings;
    return partsOf(c).flatMap(([part, schema]) => Object.entries(schema.properties ?? {}).map(([key, p]) => ({
        key,
        part,
        label: key,
        ...(p.description && { help: p.description }),
        type: part === 'credentials'
            ? 'secret'
            : p.type === 'integer' || p.type === 'number'
                ? 'number'
                : p.format === 'uri'
                    ? 'url'
                    : 'text',
        required: !!schema.required?.includes(key),
        ...((typeof p.default === 'string' || typeof p.default === 'number') && { default: p.default }),
    })));
}
/**
 * What is wrong with a connector's declared fields: each must name a property of its part's schema,
 * every property must be declared, a secret belongs to the credentials (settings are shown back) and
 * every field has a label. Empty when the declarations are sound.
 */
function settingsProblems(c) {
    if (!c.settings)
        return [];
    const problems = [];
    for (const [part, schema] of partsOf(c)) {
        const keys = Object.keys(schema.properties ?? {});
        const declared = c.settings.filter((s) => s.part === part);
        for (const s of declared) {
            if (!keys.includes(s.key))
                problems.push(`${part}.${s.key} is declared but not in the schema`);
            if (!s.label?.trim())
                problems.push(`${part}.${s.key} has no label`);
            if (s.type === 'secret' && part !== 'credentials')
                problems.push(`${part}.${s.key} is a secret outside the credentials`);
        }
        for (const k of keys)
            if (!declared.some((s) => s.key === k))
                problems.push(`${part}.${k} is in the schema but not declared`);
    }
    return problems;
}
//# sourceMappingURL=settings.js.map