// Layer rules from ARCHITECTURE.md, enforced per folder with no-restricted-imports.
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import { i18nKeysPlugin } from './eslint-rules/i18n-keys.js'

const electronImport = { name: 'electron', message: 'Only src/main and src/preload may use Electron.' }
const reactImports = ['react', 'react-dom', 'antd'].map((name) => ({
  name,
  message: 'UI libraries belong in src/renderer.',
}))
const layer = (patterns, paths = []) => ['error', { patterns, paths }]

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'native/**'] },
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': layer(
        [
          {
            group: ['../core/*', '../main/*', '../preload/*', '../renderer/*', '../cli/*', 'node:*'],
            message: 'src/shared imports nothing from the project and no Node modules: it runs everywhere.',
          },
        ],
        [
          electronImport,
          ...reactImports,
          { name: 'better-sqlite3', message: 'shared runs in the browser too.' },
        ],
      ),
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': layer(
        [
          {
            group: ['**/main/*', '**/preload/*', '**/renderer/*', '**/cli/*'],
            message: 'core imports only shared.',
          },
        ],
        [electronImport, ...reactImports],
      ),
    },
  },
  {
    files: ['src/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': layer(
        [
          {
            group: ['**/main/*', '**/preload/*', '**/renderer/*'],
            message: 'cli imports core and shared only.',
          },
        ],
        [electronImport, ...reactImports],
      ),
    },
  },
  {
    files: ['src/main/**/*.ts'],
    rules: {
      'no-restricted-imports': layer(
        [
          {
            group: ['**/renderer/*', '**/preload/*', '**/cli/*'],
            message: 'main imports core, shared and electron.',
          },
        ],
        reactImports,
      ),
    },
  },
  {
    files: ['src/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': layer(
        [
          {
            group: ['**/core/*', '**/main/*', '**/renderer/*', '**/cli/*', 'node:*'],
            message: 'the sandboxed preload uses only shared and electron.',
          },
        ],
        reactImports,
      ),
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks, i18n: i18nKeysPlugin },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'i18n/literal-keys': 'error',
      'no-restricted-imports': layer(
        [
          {
            group: ['**/core/*', '**/core', '**/main/*', '**/preload/*', '**/cli/*', 'node:*'],
            message: 'The renderer reaches the backend only through src/renderer/src/api.ts.',
          },
        ],
        [
          electronImport,
          { name: 'better-sqlite3', message: 'The renderer reaches the backend only through api.ts.' },
        ],
      ),
    },
  },
)
