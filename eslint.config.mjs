import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import react from 'eslint-plugin-react'
import reactHooks from 'eslint-plugin-react-hooks'
import prettier from 'eslint-config-prettier'
import globals from 'globals'

/**
 * The domain core must stay pure: no platform, no I/O, nothing from the layers above it.
 * Only these packages may be imported from core/ (besides core's own files).
 */
export const CORE_ALLOWED_PACKAGES = ['zod', 'dayjs', 'gcoord']

const allowedPackages = CORE_ALLOWED_PACKAGES.map((name) => `${name}(/|$)`).join('|')

/** A relative import from a file `depth` folders below core/ that climbs out of core/. */
const climbsOutOfCore = (depth) => `^(\\./)?(\\.\\./){${depth},}`

function coreBoundaryRules() {
  const restrictedGlobals = [
    'error',
    { name: 'process', message: 'core/ does no I/O and reads no environment.' },
    { name: 'require', message: 'core/ imports only zod, dayjs and core files.' },
    { name: 'fetch', message: 'core/ does no I/O.' },
    { name: 'wx', message: 'core/ knows no platform.' },
  ]
  return [1, 2, 3].map((depth) => ({
    files: [`core/${'*/'.repeat(depth - 1)}*.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: `^(?!\\.\\.?/|${allowedPackages})`,
              message: 'core/ is pure TypeScript: it may import only zod, dayjs, gcoord and other core files.',
            },
            { regex: climbsOutOfCore(depth), message: 'core/ may not import from outside core/.' },
          ],
        },
      ],
      'no-restricted-globals': restrictedGlobals,
    },
  }))
}

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', '.data/', 'coverage/', 'test-results/', 'cloudfunctions/*/index.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { react, 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser, defineAppConfig: 'readonly', definePageConfig: 'readonly' } },
    settings: { react: { version: '18.3' } },
    rules: {
      ...react.configs.recommended.rules,
      ...react.configs['jsx-runtime'].rules,
      ...reactHooks.configs.recommended.rules,
    },
  },
  ...coreBoundaryRules(),
  prettier,
)
