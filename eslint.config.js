// Lint, and the layer rule made mechanical: imports may only point downward, so that shared/ runs
// anywhere, the services serve both shells and the CLI alike, and the renderer can live in a browser.
//   shared/             pure TypeScript: no Node, Electron, DOM, React or Lexical
//   electron/services/  the Node side: no Electron, and none of the CLI's printing
//   print/              the printed pages, built inside the page: DOM + shared/ only
//   renderer/           React + Lexical: no Node, Electron or services; the back end only via shared/api
//   electron/team/      the team server: Node only (no Electron, UI, app services or CLI)
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import globals from 'globals'
import reactHooks from 'eslint-plugin-react-hooks'

const nodeBuiltins = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'crypto', 'http', 'https', 'net', 'url', 'util', 'stream', 'zlib', 'worker_threads']
const restrict = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }],
})

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'dist-electron/**', 'release/**', 'test-results/**', '.electron-native/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // electron-builder loads its hooks (scripts/afterPack.cjs) as CommonJS
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['renderer/**/*.tsx', 'renderer/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    languageOptions: { globals: {} },
    rules: restrict(
      ['electron', 'electron/*', 'react', 'react/*', 'react-dom', 'react-dom/*', 'lexical', '@lexical/*', 'better-sqlite3', ...nodeBuiltins, '**/electron/**', '**/renderer/**'],
      'shared/ is pure TypeScript: no Node, Electron, DOM, React or Lexical.',
    ),
  },
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    rules: { 'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'process', 'require', 'Buffer'] },
  },
  {
    files: ['electron/services/**/*.ts'],
    rules: restrict(
      ['electron', 'electron/*', 'react', 'react/*', 'lexical', '@lexical/*', '**/renderer/**', '**/electron/main/**', '**/electron/cli/**', '../cli/*', '../../cli/*'],
      'electron/services/ know nothing of Electron, the UI or the CLI: they hold the logic all three share.',
    ),
  },
  {
    files: ['electron/team/**/*.ts'],
    rules: restrict(
      ['electron', 'electron/*', 'react', 'react/*', 'lexical', '@lexical/*', '**/renderer/**', '**/electron/main/**', '**/electron/cli/**', '**/electron/services/**', '../cli', '../cli/*', '../services', '../services/*', '../main', '../main/*'],
      'electron/team/ is the team server: a Node program of its own, sharing only shared/ with the app.',
    ),
  },
  {
    // the printed pages, built in the page (the preview's frame, the PDF printers' page): DOM and shared/ only
    files: ['print/**/*.ts'],
    rules: restrict(
      ['electron', 'electron/*', 'react', 'react/*', 'react-dom', 'react-dom/*', 'lexical', '@lexical/*', 'better-sqlite3', ...nodeBuiltins, '**/electron/**', '**/renderer/**'],
      'print/ runs inside the printed page: DOM and shared/ only.',
    ),
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    rules: restrict(
      ['electron', 'electron/*', 'better-sqlite3', ...nodeBuiltins, '**/electron/**', '../electron', '../../electron'],
      'renderer/ reaches the back end only through the API contract in shared/api/.',
    ),
  },
)
