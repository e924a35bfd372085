import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// The architecture's floors (shared DESIGN.md): core ← worker ← state ← ui; a floor imports
// only from the floors below it. ESLint does not resolve paths, so these match what a
// relative import from inside a folder must look like to climb out of it into a floor
// above: one or more `../`, an optional `src/`, then that floor's folder, as in
// `../../ui/App`, `../state`, `../../../src/worker/protocol`.
function floorImport(floors) {
  return `^(\\.\\./)+(src/)?(${floors.join('|')})(/|$)`;
}

/** Rules that keep `folder` (under src/) from importing the `above` floors, statically or not. */
function floorRules(folder, above, extraPatterns = []) {
  const message = `src/${folder} may not import src/${above.join(', src/')}: move what both need down a floor (e.g. into src/core).`;
  // esquery's regex literals cannot hold a `/`, hence \x2F in the selector.
  const selectorRegex = floorImport(above).replaceAll('/', '\\x2F');
  return {
    files: [`src/${folder}/**/*.{ts,tsx}`],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: floorImport(above), message }, ...extraPatterns] },
      ],
      // no-restricted-imports sees neither import() nor `typeof import('…')` types.
      'no-restricted-syntax': [
        'error',
        {
          selector: `:matches(ImportExpression, TSImportType)[source.value=/${selectorRegex}/]`,
          message,
        },
      ],
    },
  };
}

export default tseslint.config(
  {
    ignores: [
      'dist',
      '.e2e-build',
      '.bench-build',
      'node_modules',
      'test-results',
      'playwright-report',
      'public',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}', 'src/state/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  floorRules(
    'core',
    ['worker', 'state', 'ui'],
    [
      {
        group: ['react', 'react/*', 'react-dom', 'react-dom/*', 'zustand', 'zustand/*', 'zundo'],
        message: 'src/core is framework-free: no React, no zustand.',
      },
      {
        group: ['@xyflow/*', 'recharts'],
        message: 'src/core is framework-free: UI libraries belong in src/ui.',
      },
    ],
  ),
  {
    // The core runs in a worker and in Node, where these do not exist (navigator does).
    files: ['src/core/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...['document', 'window', 'localStorage', 'sessionStorage'].map((name) => ({
          name,
          message: `src/core runs in a worker and in Node, where there is no \`${name}\`: take what you need as a parameter.`,
        })),
      ],
    },
  },
  floorRules('worker', ['state', 'ui']),
  floorRules('state', ['ui']),
);
