// The house rules the code can check (docs/ARCHITECTURE.md, "Dependencies between folders"): which
// folder may import which, and promises that are neither awaited nor handed on. Layout is Prettier's
// (.prettierrc.json), checked by `npm run lint` after these rules.
import tseslint from 'typescript-eslint';

const features = ['audit', 'contest', 'registration', 'review', 'schedule', 'submission', 'voting', 'demo', 'cli'];

const testHelpers = { regex: '(^|/)test/', message: 'Test helpers (test/) are for tests: production code never imports them.' };

const queriesOf = (feature) => ({
  regex: `(^|/)${feature}/([\\w-]+/)*queries(\\.ts)?$`,
  message: `Use ${feature}/service.ts: a feature reaches another feature's data only through its service.`,
});

// Platform code is what every feature uses, so it cannot depend on one, nor on the composition root.
// Two exceptions: account changes are state changes, and every state change appends to the audit log
// in its own transaction, so platform/auth/service.ts appends to the platform chain through
// audit/service.ts; and db-columns.ts names the features' JSON column types for the generated row
// types (type imports only, set below).
const featureFromPlatform = (allowAuditService) => ({
  regex: `\\.\\./(${features.filter((f) => f !== 'audit').join('|')}|server\\.ts|cli\\.ts)|\\.\\./audit/${allowAuditService ? '(?!service\\.ts$)' : ''}`,
  message: 'platform/ imports no feature: the feature depends on the platform, never the other way.',
});

const restrict = (...patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

const production = (folder) => [`src/${folder}/**/*.{ts,tsx}`];
const tests = ['**/*.test.ts', '**/*.test.tsx'];

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'web/dist/', 'test-results/', 'data/', '.tmp/', '**/*.mjs', '**/*.js'] },
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parser: tseslint.parser, parserOptions: { projectService: true } },
    plugins: { '@typescript-eslint': tseslint.plugin },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  {
    // React ignores what an event handler returns, and the app's handlers catch their own errors to
    // show them; a promise-returning onClick is the ordinary way to write one.
    files: ['web/**/*.tsx'],
    rules: { '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }] },
  },
  {
    // React Router's navigate returns a promise only to say when the transition ends; failures show
    // in the route's error element, so nothing is lost by not waiting.
    files: ['web/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-floating-promises': [
        'error',
        { allowForKnownSafeCalls: [{ from: 'package', name: ['NavigateFunction'], package: 'react-router' }] },
      ],
    },
  },
  ...features.map((feature) => ({
    files: production(feature),
    ignores: tests,
    rules: restrict(testHelpers, ...features.filter((f) => f !== feature).map(queriesOf), queriesOf('platform/auth')),
  })),
  {
    files: ['src/*.ts'],
    ignores: tests,
    rules: restrict(testHelpers, ...features.map(queriesOf), queriesOf('platform/auth')),
  },
  {
    files: production('platform'),
    ignores: [...tests, 'src/platform/auth/service.ts', 'src/platform/db-columns.ts'],
    rules: restrict(testHelpers, featureFromPlatform(false)),
  },
  {
    // The jsonb columns hold what the features store, so the file that types them for the generated
    // row types imports the features' types: types only, erased at build, so no feature code runs.
    files: ['src/platform/db-columns.ts'],
    rules: {
      ...restrict(testHelpers),
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: [{ ...featureFromPlatform(false), allowTypeImports: true }] }],
    },
  },
  {
    files: ['src/platform/auth/service.ts'],
    rules: restrict(testHelpers, featureFromPlatform(true)),
  },
);
