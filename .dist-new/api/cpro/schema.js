"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.wireId = exports.request = exports.answer = exports.list = exports.object = exports.nullable = exports.base64 = exports.timestamp = exports.datetime = exports.date = exports.boolean = exports.number = exports.integer = exports.string = void 0;
exports.string = { type: 'string' };
exports.integer = { type: 'integer' };
exports.number = { type: 'number' };
exports.boolean = { type: 'boolean' };
/** A day: `2016-05-24`. */
exports.date = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' };
/** The platform's date and time, to the minute: `2016-05-24 15:02`. */
exports.datetime = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}$' };
/** RFC 3339, where the platform answers a timestamp (flow reports). */
exports.timestamp = { type: 'string', format: 'date-time' };
exports.base64 = { type: 'string', contentEncoding: 'base64' };
const nullable = (s) => ({ ...s, type: [s.type, 'null'] });
exports.nullable = nullable;
/** An object with these properties, all present (nullable ones say so). */
const object = (properties, required = Object.keys(properties)) => ({
    type: 'object',
    required,
    properties,
});
exports.object = object;
const list = (items) => ({ type: 'array', items });
exports.list = list;
/** A success answer: codeRetour 0, libelle, and the operation's own fields. */
const answer = (properties, required = Object.keys(properties)) => (0, exports.object)({ codeRetour: exports.integer, libelle: exports.string, ...properties }, ['codeRetour', 'libelle', ...required]);
exports.answer = answer;
/** A request body with these optional fields (and `required` ones). */
const request = (properties, required = []) => ({
    type: 'object',
    required,
    properties,
});
exports.request = request;
/** An integer id, also accepted as digits in a string (clients written in PHP send them so). */
exports.wireId = { type: ['integer', 'string'], pattern: '^\\d+$' };
//# sourceMappingURL=schema.js.map