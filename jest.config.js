/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.tsx?$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript', tsx: true }, target: 'es2022' } }],
  },
  moduleNameMapper: {
    '^@core/(.*)$': '<rootDir>/core/$1',
    // jest runs CommonJS: use the CommonJS build of the one zod locale core imports.
    '^zod/v4/locales/(.*)\\.js$': '<rootDir>/node_modules/zod/v4/locales/$1.cjs',
  },
  // HTTP tests start real server processes; give them room on a loaded 2-core machine.
  testTimeout: 60_000,
  // Every test's temp folders go in one folder per run, removed at the end.
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
}
