/**
 * Small builders for the published answer schemas (JSON Schema, as OpenAPI 3.1 reads it): the router
 * serves them in /cpro/openapi.json and the conformance suite checks answers against them.
 */
type Schema = Record<string, unknown>;

export const string: Schema = { type: 'string' };
export const integer: Schema = { type: 'integer' };
export const number: Schema = { type: 'number' };
export const boolean: Schema = { type: 'boolean' };
/** A day: `2016-05-24`. */
export const date: Schema = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' };
/** The platform's date and time, to the minute: `2016-05-24 15:02`. */
export const datetime: Schema = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}$' };
/** RFC 3339, where the platform answers a timestamp (flow reports). */
export const timestamp: Schema = { type: 'string', format: 'date-time' };
export const base64: Schema = { type: 'string', contentEncoding: 'base64' };

export const nullable = (s: Schema): Schema => ({ ...s, type: [s.type as string, 'null'] });

/** An object with these properties, all present (nullable ones say so). */
export const object = (properties: Record<string, Schema>, required = Object.keys(properties)): Schema => ({
  type: 'object',
  required,
  properties,
});

export const list = (items: Schema): Schema => ({ type: 'array', items });

/** A success answer: codeRetour 0, libelle, and the operation's own fields. */
export const answer = (properties: Record<string, Schema>, required = Object.keys(properties)): Schema =>
  object({ codeRetour: integer, libelle: string, ...properties }, ['codeRetour', 'libelle', ...required]);

/** A request body with these optional fields (and `required` ones). */
export const request = (properties: Record<string, Schema>, required: string[] = []): Schema => ({
  type: 'object',
  required,
  properties,
});

/** An integer id, also accepted as digits in a string (clients written in PHP send them so). */
export const wireId: Schema = { type: ['integer', 'string'], pattern: '^\\d+$' };
