/**
 * The layering of facturflow, checked by `npm run lint` (see README, Architecture):
 * edges (api, portal, cli, inbox, bin) → Temporal layer (workflows, activities) → features → invoice core, platform.
 */
const FEATURES =
  process.env.DC_FEATURES || '(accounts|structures|invoicing|flows|service-mode|connectors|support)';
const EDGES = '^(api|portal|cli|inbox|bin)/';
const BELOW_EDGES = `^(activities|workflows|${FEATURES.slice(1, -1)}|invoice|platform|migrations)/`;

// Modules of pure rules (no I/O, no clock, no randomness) that workflows may run.
const PURE_RULES = '^(invoicing/lifecycle/(transitions|payment)|support/opening-hours|flows/status)\\.ts$';

module.exports = {
  forbidden: [
    {
      name: 'edges-on-top',
      comment:
        'Nothing below the edges imports them: features, the Temporal layer and the core are called by edges, never the reverse.',
      severity: 'error',
      from: { path: BELOW_EDGES },
      to: { path: EDGES },
    },
    {
      name: 'workflows-are-deterministic',
      comment:
        'Workflows import only other workflow files, pure rule modules and types: no I/O, no database, no activity code.',
      severity: 'error',
      from: { path: '^workflows/' },
      to: {
        pathNot: ['^workflows/', PURE_RULES, 'node_modules/@temporalio/(workflow|common)/'],
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'pure-rules-stay-pure',
      comment: 'What a workflow runs must replay identically: pure rule modules import no I/O.',
      severity: 'error',
      from: { path: PURE_RULES },
      to: { pathNot: [PURE_RULES, '^invoice/', 'node_modules/'], dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'activities-do-not-import-workflows',
      comment:
        'Activities are adapters over feature services; workflow inputs and outputs are feature types.',
      severity: 'error',
      from: { path: '^activities/' },
      to: { path: '^workflows/' },
    },
    {
      name: 'features-below-the-temporal-layer',
      comment: 'A feature calls no activity: activities call features.',
      severity: 'error',
      from: { path: `^${FEATURES}/` },
      to: { path: '^activities/' },
    },
    {
      name: 'own-store-only',
      comment:
        "A feature's store (its SQL) is used by that feature only; others call the feature's services.",
      severity: 'error',
      from: { path: '^([^/]+)/' },
      to: { path: '^([^/]+)/store(\\.ts$|/)', pathNot: ['^$1/'] },
    },
    {
      name: 'platform-at-the-bottom',
      comment: 'The platform (database, blobs, mail, config, logging) serves every layer and imports none.',
      severity: 'error',
      from: { path: '^platform/' },
      to: { path: `^(api|portal|cli|inbox|bin|activities|workflows|${FEATURES.slice(1, -1)})/` },
    },
    {
      name: 'invoice-core-is-pure',
      comment: 'The EN 16931 core (invoice/) is a library: it imports nothing else of the project.',
      severity: 'error',
      from: { path: '^invoice/' },
      to: { path: '^(?!invoice/)[^/]+/', pathNot: ['node_modules/'] },
    },
    {
      name: 'no-circular',
      comment: 'Data flows one way.',
      severity: 'error',
      from: { path: '^(?!test/)' },
      // A cycle made only of type imports is erased at compile time; a value cycle is a tangle.
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist|data|\\.temporal|test|bench|scripts|examples|portal/client)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
    },
  },
};
