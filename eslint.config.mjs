// ESLint for the whole tree: typescript-eslint's recommended rules, React's hooks rules for the pane, and
// Microsoft's Office add-in rules (reads before load()/sync()) for the code that talks to Office.js.
// Formatting is Prettier's job (`prettier --check` in `npm run lint`), so no style rules here.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import officeAddins from 'eslint-plugin-office-addins';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'build/',
      'coverage/',
      'test-output/',
      '.tmp/',
      'seeds/',
      'test/fixtures/',
      // StrykerJS: its reports and the sandbox copy of the project it leaves when stopped.
      'reports/',
      '.stryker-tmp/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // A leading underscore marks a parameter kept for its position in a signature.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', caughtErrors: 'none' }],
      // Chinese text is set with the ideographic space (U+3000), in strings and templates alike.
      'no-irregular-whitespace': ['error', { skipStrings: true, skipTemplates: true }],
    },
  },
  {
    // Type-aware, for the promises only: a missed `await` (on context.sync() above all) is the costly mistake.
    files: ['**/*.{ts,tsx}'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      // React ignores what an onClick returns; the pane's handlers report their own failures (useJob).
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
    },
  },
  {
    files: ['src/apps/taskpane/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    // Everything that calls Office.js: the adapter, the ribbon commands and the pane's Office jobs.
    files: ['src/adapters/office/**/*.ts', 'src/apps/commands/**/*.ts', 'src/apps/taskpane/**/*.{ts,tsx}'],
    plugins: { 'office-addins': officeAddins },
    rules: {
      'office-addins/call-sync-after-load': 'error',
      'office-addins/call-sync-before-read': 'error',
      'office-addins/load-object-before-read': 'error',
      'office-addins/no-context-sync-in-loop': 'error',
      'office-addins/no-empty-load': 'error',
      'office-addins/no-navigational-load': 'error',
      'office-addins/no-office-initialize': 'error',
      'office-addins/test-for-null-using-isNullObject': 'error',
    },
  },
  {
    // Node scripts, configs and the CLI launcher are CommonJS.
    files: ['**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-require-imports': 'off',
      // Top-level names of a CommonJS module are module-scoped: `const crypto = require('crypto')` shadows no global.
      'no-redeclare': ['error', { builtinGlobals: false }],
    },
  },
  {
    // Runs as a classic ES5 script in the browser, before the bundle (IE11 and old Edge included).
    files: ['src/apps/taskpane/legacy.js'],
    languageOptions: { ecmaVersion: 5, sourceType: 'script', globals: { ...globals.browser } },
  },
);
