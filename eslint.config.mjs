import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import react from 'eslint-plugin-react'
import reactHooks from 'eslint-plugin-react-hooks'
import prettier from 'eslint-config-prettier'
import globals from 'globals'

/**
 * Rules about calls, which an import graph cannot see (the import rules are .dependency-cruiser.cjs's):
 * core/ does no I/O and reads no environment; in the app only the client module (and the local-only
 * demo identity) talks to the network.
 */
const coreDoesNoIo = {
  files: ['core/**/*.ts'],
  rules: {
    'no-restricted-globals': [
      'error',
      { name: 'process', message: 'core/ does no I/O and reads no environment.' },
      { name: 'require', message: 'core/ imports only zod, dayjs, gcoord and core files.' },
      { name: 'fetch', message: 'core/ does no I/O.' },
      { name: 'wx', message: 'core/ knows no platform.' },
    ],
  },
}

const NETWORK_MESSAGE = 'Only src/services/backend.ts talks to the backend: call ask()/callFunction() instead.'
const NETWORK_APIS = ['request', 'uploadFile', 'downloadFile', 'connectSocket', 'cloud']
const onlyTheClientTalksToTheNetwork = {
  files: ['src/**/*.{ts,tsx}'],
  // download.ts fetches a file the backend made (an export) by the URL the backend gave for it.
  ignores: ['src/services/backend.ts', 'src/services/identity.ts', 'src/services/download.ts'],
  rules: {
    'no-restricted-globals': [
      'error',
      ...['fetch', 'XMLHttpRequest', 'WebSocket', 'EventSource', 'wx'].map((name) => ({
        name,
        message: NETWORK_MESSAGE,
      })),
    ],
    'no-restricted-properties': [
      'error',
      ...NETWORK_APIS.map((property) => ({ object: 'Taro', property, message: NETWORK_MESSAGE })),
    ],
    // The same APIs imported by name: `import { request } from '@tarojs/taro'`.
    'no-restricted-imports': [
      'error',
      { paths: [{ name: '@tarojs/taro', importNames: NETWORK_APIS, message: NETWORK_MESSAGE }] },
    ],
  },
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
  coreDoesNoIo,
  onlyTheClientTalksToTheNetwork,
  {
    // One room per use case: a function that outgrows this is doing two things.
    files: ['core/**/*.ts', 'backend/**/*.ts'],
    rules: { 'max-lines-per-function': ['error', { max: 80, skipBlankLines: true, skipComments: true }] },
  },
  prettier,
)
