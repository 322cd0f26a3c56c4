// XSD validation engine, run in a worker thread. Plain ESM JavaScript on purpose: libxml2-wasm is an
// ESM package with a top-level await, which neither CommonJS require() (ERR_REQUIRE_ASYNC_MODULE) nor
// jest's CommonJS transform can load; a worker thread imports it natively and keeps long validations
// off the caller's event loop. Protocol: see engine.ts.
import fs from 'node:fs';
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import {
  ParseOption,
  XmlDocument,
  XmlLibError,
  XmlValidateError,
  XsdValidator,
  xmlRegisterInputProvider,
} from 'libxml2-wasm';

/** Schema folders the parser may read from: an XSD include/import can reach nothing else. */
const schemaRoots = workerData.schemaRoots.map((root) => fs.realpathSync(root) + path.sep);

// Untrusted documents: no entity substitution (no NOENT), no DTD loading (no DTDLOAD/DTDATTR/DTDVALID),
// no external entities (NO_XXE), no network (NONET), no catalogs, default (non-HUGE) parser limits.
const SAFE_PARSE =
  ParseOption.XML_PARSE_NONET |
  ParseOption.XML_PARSE_NO_XXE |
  ParseOption.XML_PARSE_NO_SYS_CATALOG |
  ParseOption.XML_PARSE_BIG_LINES |
  ParseOption.XML_PARSE_COMPACT;

// Documents are read without the indentation between tags (NOBLANKS): libxml2 then keeps no space-only
// text that stands between two tags, unless it is an element's whole content or sits next to other
// text. A schema ignores such space in element-only content, and where it could reach a value (space
// before a comment inside a value) the UBL and CII types either collapse it or put no facet on it:
// verdicts and lines are those of the full tree. An invoice indented as most are has about as many
// such nodes as elements: a 9,999-line one took 102 MB of libxml2's memory with them, 70 MB without.
const DOCUMENT_PARSE = SAFE_PARSE | ParseOption.XML_PARSE_NOBLANKS;

/** The local path a libxml2 resource name stands for, or undefined when it is not a local file. */
function localPath(name) {
  let file = name;
  if (/^[a-z][a-z0-9+.-]*:/i.test(name)) {
    if (!name.startsWith('file:')) return undefined;
    file = new URL(name).pathname;
  }
  // libxml2 escapes the spaces and parentheses of folder names when it builds an include's URI.
  for (const candidate of [file, safeDecode(file)]) {
    if (candidate && fs.existsSync(candidate)) return fs.realpathSync(candidate);
  }
  return undefined;
}

function safeDecode(text) {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

function isSchemaFile(file) {
  return file !== undefined && file.endsWith('.xsd') && schemaRoots.some((root) => file.startsWith(root));
}

const openFiles = new Map();
let nextFd = 1;
xmlRegisterInputProvider({
  match: (name) => isSchemaFile(localPath(name)),
  open(name) {
    const file = localPath(name);
    if (!isSchemaFile(file)) return undefined;
    const fd = nextFd++;
    openFiles.set(fd, { bytes: fs.readFileSync(file), offset: 0 });
    return fd;
  },
  read(fd, buffer) {
    const open = openFiles.get(fd);
    if (!open) return -1;
    const count = open.bytes.copy(buffer, 0, open.offset);
    open.offset += count;
    return count;
  },
  close(fd) {
    return openFiles.delete(fd);
  },
});

/** Compiled schemas by entry file: compiling UBL or CII takes far longer than validating one invoice. */
const validators = new Map();

function validatorFor(entry) {
  let validator = validators.get(entry);
  if (!validator) {
    const schemaDoc = XmlDocument.fromBuffer(fs.readFileSync(entry), { url: entry, option: SAFE_PARSE });
    try {
      validator = XsdValidator.fromDoc(schemaDoc);
    } finally {
      schemaDoc.dispose();
    }
    validators.set(entry, validator);
  }
  return validator;
}

function detailsOf(error) {
  return error.details.map(({ message, level, line, col }) => ({
    message: message.trim(),
    level,
    line,
    col,
  }));
}

/**
 * Validates one document; returns libxml2's diagnostics (empty when valid). `encoding` overrides the XML
 * declaration, for text the caller already decoded.
 */
function validate(entry, bytes, encoding) {
  const validator = validatorFor(entry);
  let doc;
  try {
    doc = XmlDocument.fromBuffer(bytes, { option: DOCUMENT_PARSE, encoding });
  } catch (error) {
    if (error instanceof XmlLibError && error.details) return detailsOf(error);
    throw error;
  }
  try {
    validator.validate(doc);
    return [];
  } catch (error) {
    if (error instanceof XmlValidateError) return detailsOf(error);
    throw error;
  } finally {
    doc.dispose();
  }
}

parentPort.on('message', ({ id, entry, bytes, encoding, prepare, list, giveBack }) => {
  try {
    if (list) {
      parentPort.postMessage({ id, compiled: [...validators.keys()] });
      return;
    }
    if (prepare) {
      // Compile ahead of the first document, while the caller does other work.
      validatorFor(entry);
      parentPort.postMessage({ id, details: [] });
      return;
    }
    const details = validate(entry, bytes, encoding);
    // Bytes moved here go back the same way: the caller reads them next.
    if (giveBack) parentPort.postMessage({ id, details, bytes }, [bytes.buffer]);
    else parentPort.postMessage({ id, details });
  } catch (error) {
    if (giveBack) parentPort.postMessage({ id, error: errorText(error), bytes }, [bytes.buffer]);
    else parentPort.postMessage({ id, error: errorText(error) });
  }
});

function errorText(error) {
  return error instanceof Error ? error.message : String(error);
}
