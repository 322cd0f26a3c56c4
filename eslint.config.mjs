import tseslint from 'typescript-eslint';

const FEATURES = ['accounts', 'structures', 'invoicing', 'flows', 'service-mode', 'connectors', 'support'];

// SQL is a feature's store's business: `db('table')`, `trx('table')`, `knex(...)`, `deps.db(...)`,
// `db.transaction(...)`, `db.raw(...)` anywhere else is a layering mistake.
const sqlOutsideStores = [
  {
    selector: "CallExpression[callee.type='Identifier'][callee.name=/^(db|trx|knex)$/]",
    message: "SQL belongs in the feature's store (store.ts); call one of its functions instead.",
  },
  {
    selector: "CallExpression[callee.type='MemberExpression'][callee.property.name='db']",
    message: "SQL belongs in the feature's store (store.ts); call one of its functions instead.",
  },
  {
    selector: 'MemberExpression[object.name=/^(db|trx)$/][property.name=/^(transaction|raw|schema)$/]',
    message: "SQL belongs in the feature's store (store.ts); call one of its functions instead.",
  },
];

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'data', '.temporal', 'coverage'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
  {
    // Short functions everywhere but in tests (a describe block is a list) and generated data.
    files: ['**/*.ts'],
    ignores: ['test/**', 'invoice/validate/rules/**'],
    rules: {
      'max-lines-per-function': ['error', { max: 120, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    files: [
      'api/**/*.ts',
      'portal/**/*.ts',
      'cli/**/*.ts',
      'inbox/**/*.ts',
      'activities/**/*.ts',
      'workflows/**/*.ts',
      ...FEATURES.map((f) => `${f}/**/*.ts`),
    ],
    ignores: ['**/store.ts', '**/store/**'],
    rules: { 'no-restricted-syntax': ['error', ...sqlOutsideStores] },
  },
);
