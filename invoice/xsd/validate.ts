import type { Finding } from '../validate/finding';
import { DEFAULT_XML_LIMITS } from '../xml';
import { withRetiredXsdEngine, xsdEngine, type XsdDiagnostic, type XsdEngine } from './engine';
import {
  defaultSchemaRoots,
  resolveSchemaEntry,
  xsdRuleId,
  XsdSchemaUnavailableError,
  type XsdSchema,
} from './schemas';

export interface XsdOptions {
  /** Folders searched for the schemas (default: FACTURFLOW_XSD_DIR, then the invoice corpus). */
  schemaRoots?: string[];
  /** Documents larger than this are refused unparsed (default: the invoice core's XML limit). */
  maxBytes?: number;
}

/**
 * Checks a document against an XSD with libxml2 (run in a worker thread, each schema compiled once).
 * Every libxml2 error, well-formedness errors included, becomes one finding with the schema's rule id
 * (XSD-UBL, XSD-CII, XSD-FX-<PROFILE>), libxml2's message and the line. Resolves to [] when valid.
 * Rejects with XsdSchemaUnavailableError when the schema files cannot be found.
 */
export async function validateXsd(
  xml: string | Uint8Array,
  schema: XsdSchema,
  options: XsdOptions = {},
): Promise<Finding[]> {
  return validateWith(undefined, xml, schema, options);
}

/**
 * `validateXsd` against each schema in turn, by the shared libxml2 worker taken out of service for this
 * document and stopped afterwards, so that the memory libxml2 took for it is given back (see
 * `withRetiredXsdEngine`): for large documents. Each schema's outcome is settled apart, as separate
 * `validateXsd` calls would.
 * With `move`, the bytes go to the worker and back rather than being copied (`xml` must own its whole
 * buffer and is empty once this is called): the answer's `bytes` are the document to read on.
 */
export function validateXsdApart(
  xml: Uint8Array,
  schemas: XsdSchema[],
  options: XsdOptions = {},
  move = false,
): Promise<{ outcomes: PromiseSettledResult<Finding[]>[]; bytes: Uint8Array }> {
  const roots = options.schemaRoots ?? defaultSchemaRoots();
  return withRetiredXsdEngine(roots, async (engine) => {
    const outcomes: PromiseSettledResult<Finding[]>[] = [];
    let bytes = xml;
    for (const schema of schemas) {
      try {
        const rule = xsdRuleId(schema);
        const refused = refusedUnread(rule, bytes, options);
        if (refused) {
          outcomes.push({ status: 'fulfilled', value: refused });
          continue;
        }
        const entry = resolveSchemaEntry(schema, roots);
        const answer = move
          ? await engine.validateMoving(entry, bytes)
          : { bytes, details: await engine.validate(entry, bytes) };
        bytes = answer.bytes;
        if ('error' in answer) outcomes.push({ status: 'rejected', reason: answer.error });
        else outcomes.push({ status: 'fulfilled', value: answer.details.map((d) => toFinding(rule, d)) });
      } catch (reason) {
        outcomes.push({ status: 'rejected', reason });
      }
    }
    return { outcomes, bytes };
  });
}

async function validateWith(
  own: XsdEngine | undefined,
  xml: string | Uint8Array,
  schema: XsdSchema,
  options: XsdOptions,
): Promise<Finding[]> {
  const rule = xsdRuleId(schema);
  const bytes = typeof xml === 'string' ? Buffer.from(xml, 'utf8') : xml;
  const refused = refusedUnread(rule, bytes, options);
  if (refused) return refused;
  const roots = options.schemaRoots ?? defaultSchemaRoots();
  const entry = resolveSchemaEntry(schema, roots);
  const diagnostics = await (own ?? xsdEngine(roots)).validate(
    entry,
    bytes,
    typeof xml === 'string' ? 'UTF-8' : undefined,
  );
  return diagnostics.map((diagnostic) => toFinding(rule, diagnostic));
}

/** A document refused before libxml2 reads it: over the size limit, or with a DOCTYPE. */
function refusedUnread(rule: string, bytes: Uint8Array, options: XsdOptions): Finding[] | undefined {
  const maxBytes = options.maxBytes ?? DEFAULT_XML_LIMITS.maxBytes;
  if (bytes.byteLength > maxBytes) {
    return [refusal(rule, `Document of ${bytes.byteLength} bytes exceeds the limit of ${maxBytes} bytes`)];
  }
  if (hasDoctype(bytes)) return [refusal(rule, 'A DOCTYPE declaration is not allowed in an invoice')];
  return undefined;
}

/** Invoices never carry a DTD; refusing one up front leaves no entity tricks for the parser to meet. */
const DOCTYPE_BYTES = Buffer.from('<!DOCTYPE', 'latin1');

/**
 * Whether `<!DOCTYPE` appears anywhere, in any case, read from the bytes as they are (a copy of a large
 * document as a string would cost its size again).
 */
function hasDoctype(bytes: Uint8Array): boolean {
  const last = bytes.byteLength - DOCTYPE_BYTES.length;
  for (let at = bytes.indexOf(0x3c); at !== -1 && at <= last; at = bytes.indexOf(0x3c, at + 1)) {
    if (bytes[at + 1] !== 0x21) continue;
    let same = true;
    for (let k = 2; k < DOCTYPE_BYTES.length && same; k += 1)
      same = (bytes[at + k] | 0x20) === (DOCTYPE_BYTES[k] | 0x20);
    if (same) return true;
  }
  return false;
}

/**
 * Starts compiling schemas in the worker thread without waiting, so that the compilation (hundreds of
 * milliseconds for UBL) overlaps whatever the caller does next. Schemas this deployment lacks are skipped.
 */
export function prepareXsd(schemas: XsdSchema[], options: Pick<XsdOptions, 'schemaRoots'> = {}): void {
  const roots = options.schemaRoots ?? defaultSchemaRoots();
  for (const schema of schemas) {
    try {
      xsdEngine(roots).prepare(resolveSchemaEntry(schema, roots));
    } catch (err) {
      if (!(err instanceof XsdSchemaUnavailableError)) throw err;
    }
  }
}

/** The schemas the worker has compiled so far, by entry file (after everything asked before). */
export function compiledXsdSchemas(options: Pick<XsdOptions, 'schemaRoots'> = {}): Promise<string[]> {
  return xsdEngine(options.schemaRoots ?? defaultSchemaRoots()).compiled();
}

function toFinding(rule: string, { message, level, line }: XsdDiagnostic): Finding {
  return {
    rule,
    severity: level >= 2 ? 'fatal' : 'warning',
    message,
    ...(line > 0 ? { location: `line ${line}` } : {}),
  };
}

function refusal(rule: string, message: string): Finding {
  return { rule, severity: 'fatal', message };
}
