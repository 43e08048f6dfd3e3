// End-to-end tests of the built pane in Chromium. Run `npm run build` first; `npm run e2e` runs these.
/** @type {import('jest').Config} */
module.exports = {
  rootDir: '../..',
  testEnvironment: 'node',
  roots: ['<rootDir>/test/e2e'],
  testMatch: ['**/*.e2e.ts'],
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
  },
  // One browser at a time: the machine is small, and the tests share dist/.
  maxWorkers: 1,
  testTimeout: 180000,
};
