/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.tsx?$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript', tsx: true }, target: 'es2022' } }],
  },
  moduleNameMapper: { '^@core/(.*)$': '<rootDir>/core/$1' },
  // HTTP tests start real server processes; give them room on a loaded 2-core machine.
  testTimeout: 60_000,
}
