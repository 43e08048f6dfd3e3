/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  // src/ is a root too so coverage sees the files no test loads (jest lists only files under its roots).
  roots: ['<rootDir>/test', '<rootDir>/src'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
  },
  // office-addin-mock pulls office-addin-manifest, whose dependency is ESM-only; the mock never needs it.
  moduleNameMapper: {
    '^office-addin-manifest$': '<rootDir>/test/stubs/office-addin-manifest.js',
  },
  testTimeout: 120000,
  // Every Office test: no reads before load(), no silently swallowed errors (test/office/setup.ts).
  setupFilesAfterEnv: ['<rootDir>/test/office/setup.ts'],
  // `npm run coverage`: every source file counts, also those no test loads (0%); test helpers don't count.
  collectCoverageFrom: ['src/**/*.{ts,tsx}', '!src/**/*.d.ts'],
  coverageReporters: ['text', 'text-summary', 'json-summary', 'html'],
};
