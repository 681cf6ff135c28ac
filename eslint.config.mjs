// One ESLint config for every workspace (flat config). Type checking itself is tsc's job
// (`npm run lint` runs `tsc --noEmit` per workspace); this adds typescript-eslint's recommended
// rules and the house rules that an import list can show: layers only point down, libs/domain and
// libs/scoring stay pure, apps never import other apps.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

// The globals our Node scripts use (the `globals` package is not a dependency of ours).
const nodeGlobals = Object.fromEntries(
  (
    'process console Buffer URL URLSearchParams AbortController AbortSignal TextEncoder TextDecoder fetch Headers Request Response ' +
    'structuredClone performance queueMicrotask setTimeout clearTimeout setInterval clearInterval setImmediate clearImmediate'
  )
    .split(' ')
    .map((name) => [name, 'readonly']),
);
const commonJsGlobals = { require: 'readonly', module: 'writable', exports: 'writable', __dirname: 'readonly', __filename: 'readonly' };

// Nothing with I/O or a framework: Node's built-in modules (by both spellings, `node:fs` and `fs`),
// Nest, TypeORM, the database and event store clients, GraphQL, logging, config parsing.
const pure = {
  regex:
    '^(node:|(fs|path|os|net|http|https|child_process|crypto|stream|readline|util|worker_threads|timers)(/|$)|' +
    '@nestjs/|typeorm|pg(-|$)|@eventstore/|@apollo/|graphql|pino|zod|jose)',
  message: 'libs/domain and libs/scoring are pure TypeScript: no Nest, no TypeORM, no database, no I/O.',
};

/** no-restricted-imports for one workspace: the @par-index packages it may not import, and anything else it must not. */
function restrict(forbiddenPackages, extraPatterns = []) {
  return [
    'error',
    {
      patterns: [
        {
          group: forbiddenPackages.flatMap((name) => [`@par-index/${name}`, `@par-index/${name}/*`]),
          message: 'Layers only point down (apps → read-model → domain → scoring/eventstore/config) and apps never import other apps.',
        },
        {
          regex: '^(\\.\\./)+((libs|apps)/|(api|projector|config|domain|eventstore|read-model|scoring)/(src|dist)(/|$))',
          message: 'Import another workspace by its package name (@par-index/...), not by a relative path.',
        },
        ...extraPatterns,
      ],
    },
  ];
}
const apps = ['api', 'projector'];

export default defineConfig(
  {
    ignores: ['**/dist/**', '**/node_modules/**', '**/reports/**', '**/coverage/**', '.turbo/**', '.data/**', 'bench/results/**'],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // the code's convention: a leading _ names what is deliberately left unused (e.g. omitted by a rest pattern)
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    // Type-aware, but only the promise rules: a forgotten await (an append or a projection write
    // that nobody waits for) is the bug tsc does not catch here. The whole recommendedTypeChecked set
    // reports ~280 findings, mostly no-unnecessary-type-assertion and no-unsafe-* on JSON in tests.
    files: ['apps/*/src/**/*.ts', 'libs/*/src/**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
    },
  },
  {
    files: ['**/*.mjs', '**/*.cjs', '**/*.js'],
    languageOptions: { globals: nodeGlobals },
  },
  {
    files: ['**/*.cjs', '**/jest.config.js', 'jest.preset.js'],
    languageOptions: { sourceType: 'commonjs', globals: { ...nodeGlobals, ...commonJsGlobals } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // browser code served with GraphiQL (React and GraphiQL come from <script> tags)
    files: ['apps/api/src/graphiql/start-graphiql.js'],
    languageOptions: {
      sourceType: 'script',
      globals: {
        window: 'readonly',
        document: 'readonly',
        fetch: 'readonly',
        React: 'readonly',
        ReactDOM: 'readonly',
        GraphiQL: 'readonly',
      },
    },
  },
  // Layers: each workspace names what it may not import.
  {
    files: ['libs/scoring/**/*.ts'],
    rules: { 'no-restricted-imports': restrict(['domain', 'eventstore', 'config', 'read-model', ...apps], [pure]) },
  },
  { files: ['libs/domain/**/*.ts'], rules: { 'no-restricted-imports': restrict(['eventstore', 'config', 'read-model', ...apps], [pure]) } },
  {
    files: ['libs/config/**/*.ts'],
    rules: { 'no-restricted-imports': restrict(['domain', 'scoring', 'eventstore', 'read-model', ...apps]) },
  },
  { files: ['libs/eventstore/**/*.ts'], rules: { 'no-restricted-imports': restrict(['domain', 'scoring', 'read-model', ...apps]) } },
  { files: ['libs/read-model/**/*.ts'], rules: { 'no-restricted-imports': restrict(apps) } },
  { files: ['apps/api/**/*.ts'], rules: { 'no-restricted-imports': restrict(['projector']) } },
  { files: ['apps/projector/**/*.ts'], rules: { 'no-restricted-imports': restrict(['api']) } },
  {
    // decide never reads the clock or makes ids; the command handler supplies both
    files: ['libs/domain/src/**/*.ts', 'libs/scoring/src/**/*.ts'],
    ignores: ['**/*.spec.ts', '**/testing/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'The domain never reads the clock: take the time from the command context.',
        },
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'The domain never reads the clock: take the time from the command context.',
        },
        {
          selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']",
          message: 'The domain never makes ids or random values.',
        },
      ],
      'no-restricted-globals': ['error', 'process', 'setTimeout', 'setInterval', 'fetch', 'crypto', 'require'],
    },
  },
  {
    // tests and test support may be looser
    files: ['**/*.spec.ts', '**/*.test-support.ts', '**/testing/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
);
