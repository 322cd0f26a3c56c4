import fs from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import type { Connector } from './contract';
import { evoliz } from './evoliz';
import { axonaut } from './axonaut';
import { cegidLoop } from './cegid-loop';
import { settingsProblems } from './settings';

/** Third-party connectors are npm packages with this name prefix (optionally under a scope). */
export const PACKAGE_PREFIX = 'facturflow-connector-';

export const builtInConnectors: Connector[] = [evoliz, axonaut, cegidLoop];

export interface ConnectorRegistry {
  list(): Connector[];
  get(id: string): Connector | undefined;
  /** Checks a connection's settings and credentials against the connector's schemas (defaults filled). */
  check(connector: Connector, part: 'config' | 'credentials', value: unknown): CheckProblem[];
}

export interface CheckProblem {
  field: string;
  message: string;
}

/**
 * The connectors this installation offers: the built-in ones, every `facturflow-connector-*` package
 * found in the node_modules folders given, and the package folders listed in
 * FACTURFLOW_CONNECTOR_PATHS. A package that cannot be loaded is reported, never silently dropped.
 */
export function createRegistry(
  opts: { nodeModules?: string[]; extraPaths?: string[]; builtIns?: Connector[] } = {},
): ConnectorRegistry {
  const connectors = new Map<string, Connector>();
  const add = (c: Connector, from: string) => {
    if (connectors.has(c.manifest.id))
      throw new Error(`Connector id "${c.manifest.id}" from ${from} is already taken.`);
    const problems = settingsProblems(c);
    if (problems.length > 0)
      throw new Error(
        `Connector "${c.manifest.id}" from ${from} declares its settings wrongly: ${problems.join('; ')}.`,
      );
    connectors.set(c.manifest.id, c);
  };
  for (const c of opts.builtIns ?? builtInConnectors) add(c, 'the platform');
  const packages = [...(opts.nodeModules ?? []).flatMap(discover), ...(opts.extraPaths ?? [])];
  for (const dir of packages) add(loadPackage(dir), dir);

  const ajv = addFormats(new Ajv({ allErrors: true, useDefaults: true, strict: false }));
  const validators = new Map<string, ReturnType<Ajv['compile']>>();
  const validator = (c: Connector, part: 'config' | 'credentials') => {
    const key = `${c.manifest.id}/${part}`;
    if (!validators.has(key))
      validators.set(key, ajv.compile(part === 'config' ? c.configSchema : c.credentialsSchema));
    return validators.get(key)!;
  };
  for (const c of connectors.values()) (['config', 'credentials'] as const).forEach((p) => validator(c, p));

  return {
    list: () => [...connectors.values()],
    get: (id) => connectors.get(id),
    check(c, part, value) {
      const validate = validator(c, part);
      if (validate(value)) return [];
      return (validate.errors ?? []).map((e) => ({
        field: `${part}${e.instancePath.replace(/\//g, '.')}${e.keyword === 'required' ? `.${(e.params as { missingProperty: string }).missingProperty}` : ''}`,
        message: e.message ?? 'is invalid',
      }));
    },
  };
}

/** Package folders named facturflow-connector-* (and @scope/facturflow-connector-*) in a node_modules. */
export function discover(nodeModules: string): string[] {
  if (!fs.existsSync(nodeModules)) return [];
  const found: string[] = [];
  for (const entry of fs.readdirSync(nodeModules)) {
    if (entry.startsWith(PACKAGE_PREFIX)) found.push(path.join(nodeModules, entry));
    else if (entry.startsWith('@')) {
      for (const scoped of fs.readdirSync(path.join(nodeModules, entry))) {
        if (scoped.startsWith(PACKAGE_PREFIX)) found.push(path.join(nodeModules, entry, scoped));
      }
    }
  }
  return found.sort();
}

/** A package exports its connector as `connector` or as the module itself. */
export function loadPackage(dir: string): Connector {
  const mod = require(path.resolve(dir));
  const c = (mod.connector ?? mod.default ?? mod) as Partial<Connector>;
  const m = c.manifest;
  if (
    !m ||
    typeof m.id !== 'string' ||
    typeof m.version !== 'string' ||
    !Array.isArray(m.capabilities) ||
    !m.retry ||
    !m.rateLimit ||
    typeof c.open !== 'function' ||
    typeof c.configSchema !== 'object' ||
    typeof c.credentialsSchema !== 'object' ||
    (c.settings !== undefined && !Array.isArray(c.settings))
  ) {
    throw new Error(`${dir} does not export a facturflow connector (manifest, schemas, open).`);
  }
  return c as Connector;
}
