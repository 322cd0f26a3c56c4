/**
 * The shape of an answer, as the published specification describes it, and a comparison that reports
 * every difference in names, nesting, types and formats.
 *
 * A shape is JSON:
 * - an object: the answer must have exactly these keys (a key ending in `?` may be absent), each
 *   value of its shape;
 * - an array of one shape: every element has that shape (an empty array passes); `[]`: must be empty;
 * - a token string starting with `$`: a type or a format, `?` at the end allowing `null`:
 *   `$string`, `$integer`, `$number`, `$boolean`, `$any`, `$object` (any object),
 *   `$date` (`2016-05-24`), `$datetime` (`2016-05-24 15:02`, the platform's date and time),
 *   `$timestamp` (RFC 3339, `2016-05-24T15:02:00.000Z`), `$base64`, `$siret` (14 digits);
 * - any other value (a number, `true`, a string without `$`, `null`): that exact value.
 */
export type Shape = string | number | boolean | null | Shape[] | { [key: string]: Shape };

const FORMATS: Record<string, (v: unknown) => boolean> = {
  string: (v) => typeof v === 'string',
  integer: (v) => typeof v === 'number' && Number.isInteger(v),
  number: (v) => typeof v === 'number' && Number.isFinite(v),
  boolean: (v) => typeof v === 'boolean',
  any: (v) => v !== undefined,
  object: (v) => typeof v === 'object' && v !== null && !Array.isArray(v),
  date: (v) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v),
  datetime: (v) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/.test(v),
  timestamp: (v) =>
    typeof v === 'string' &&
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:?\d{2})$/.test(v) &&
    !Number.isNaN(Date.parse(v)),
  base64: (v) => typeof v === 'string' && v.length > 0 && /^[A-Za-z0-9+/]+={0,2}$/.test(v),
  siret: (v) => typeof v === 'string' && /^\d{14}$/.test(v),
};

/** The tokens a shape may use, for fixtures' own checks. */
export const SHAPE_TOKENS = Object.keys(FORMATS).map((k) => `$${k}`);

const describe = (v: unknown) =>
  v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v === 'string' ? JSON.stringify(v) : typeof v;

/** Every difference between an answer and its shape, one line each, naming the path (`listeX[2].code`). */
export function shapeDifferences(shape: Shape, actual: unknown, path = ''): string[] {
  const at = path || '(answer)';
  if (typeof shape === 'string' && shape.startsWith('$')) {
    const nullable = shape.endsWith('?');
    const name = shape.slice(1, nullable ? -1 : undefined);
    const check = FORMATS[name];
    if (!check) return [`${at}: unknown shape token ${shape}`];
    if (actual === null && nullable) return [];
    return check(actual) ? [] : [`${at}: expected ${shape}, got ${describe(actual)}`];
  }
  if (Array.isArray(shape)) {
    if (!Array.isArray(actual)) return [`${at}: expected an array, got ${describe(actual)}`];
    if (shape.length === 0)
      return actual.length === 0 ? [] : [`${at}: expected an empty array, got ${actual.length} items`];
    return actual.flatMap((item, i) => shapeDifferences(shape[0], item, `${path}[${i}]`));
  }
  if (shape !== null && typeof shape === 'object') {
    if (actual === null || typeof actual !== 'object' || Array.isArray(actual))
      return [`${at}: expected an object, got ${describe(actual)}`];
    const found = actual as Record<string, unknown>;
    const out: string[] = [];
    const known = new Set<string>();
    for (const [rawKey, sub] of Object.entries(shape)) {
      const optional = rawKey.endsWith('?');
      const key = optional ? rawKey.slice(0, -1) : rawKey;
      known.add(key);
      const child = path ? `${path}.${key}` : key;
      if (!(key in found)) {
        if (!optional) out.push(`${child}: missing`);
        continue;
      }
      out.push(...shapeDifferences(sub, found[key], child));
    }
    for (const key of Object.keys(found))
      if (!known.has(key)) out.push(`${path ? `${path}.${key}` : key}: not in the published answer`);
    return out;
  }
  return Object.is(shape, actual)
    ? []
    : [`${at}: expected ${JSON.stringify(shape)}, got ${describe(actual)}`];
}

/** Throws with every difference listed, for `expect(() => assertShape(...)).not.toThrow()` or plain use. */
export function assertShape(shape: Shape, actual: unknown, label = 'answer'): void {
  const differences = shapeDifferences(shape, actual);
  if (differences.length)
    throw new Error(`${label} differs from the published shape:\n  ${differences.join('\n  ')}`);
}

/**
 * The lists of an answer its shape describes items of but that came back empty (`listeX`,
 * `listeX[].listeY`): their items' shape went unchecked.
 */
export function emptyLists(shape: Shape, actual: unknown, path = ''): string[] {
  if (Array.isArray(shape) && shape.length === 1 && Array.isArray(actual)) {
    if (actual.length === 0) return [path];
    return [...new Set(actual.flatMap((item) => emptyLists(shape[0], item, `${path}[]`)))];
  }
  if (shape && typeof shape === 'object' && !Array.isArray(shape) && actual && typeof actual === 'object')
    return Object.entries(shape).flatMap(([rawKey, sub]) => {
      const key = rawKey.replace(/\?$/, '');
      const value = (actual as Record<string, unknown>)[key];
      return value === undefined ? [] : emptyLists(sub, value, path ? `${path}.${key}` : key);
    });
  return [];
}
