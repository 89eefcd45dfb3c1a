const ESM_PACKAGES = '(file-type|strtok3|token-types|uint8array-extras|@tokenizer|@borewit)'

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.tsx?$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript', tsx: true }, target: 'es2022' } }],
    // file-type (which photos are sniffed with) and its dependencies ship ES modules only.
    [`/node_modules/${ESM_PACKAGES}/.+\\.js$`]: [
      '@swc/jest',
      { jsc: { target: 'es2022' }, module: { type: 'commonjs' } },
    ],
  },
  transformIgnorePatterns: [`/node_modules/(?!${ESM_PACKAGES}/)`],
  moduleNameMapper: {
    '^@core/(.*)$': '<rootDir>/core/$1',
    // jest runs CommonJS: use the CommonJS build of the one zod locale core imports.
    '^zod/v4/locales/(.*)\\.js$': '<rootDir>/node_modules/zod/v4/locales/$1.cjs',
    // file-type exports only for `import`; jest loads its ES module transformed (see transform).
    '^file-type$': '<rootDir>/node_modules/file-type/index.js',
  },
  // HTTP tests start real server processes; give them room on a loaded 2-core machine.
  testTimeout: 60_000,
  setupFilesAfterEnv: ['<rootDir>/test/support/index-guard.ts'],
  // Every test's temp folders go in one folder per run, removed at the end.
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
}
