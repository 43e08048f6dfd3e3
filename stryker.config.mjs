// StrykerJS mutation testing of src/core (`npm run stryker`, not part of `npm test`: it takes an hour or more).
// STRYKER_AREA=judge|plan|consolidate|rest mutates one area only, with its own report and incremental file, so
// the priority areas can be run (and re-run after new tests) one at a time: `STRYKER_AREA=judge npm run stryker`.
import process from 'node:process';

// Each area: the files it mutates and the unit tests that own it. Per mutant, jest loads every visible test file
// that imports the mutated file, so an area sees only its own fast tests: its score is what those tests catch
// (a lower bound; the slower suites would kill some more).
const AREAS = {
  judge: {
    mutate: ['src/core/judge.ts', 'src/core/entryInput.ts', 'src/core/numbers.ts'],
    tests: ['core/judge*', 'core/numbers*', 'core/input-errors', 'core/entry*', 'tracking/check'],
  },
  plan: {
    mutate: ['src/core/plan/**/*.ts'],
    tests: [
      'core/extraction*',
      'core/indicators*',
      'core/seed-plan',
      'core/variant-plan',
      'core/plan-*',
      'core/parse*',
      'core/fingerprint-golden',
      'plan/sources',
      'plan/rows',
    ],
  },
  consolidate: {
    mutate: ['src/core/consolidate/**/*.ts'],
    tests: ['consolidate/rules*'],
  },
  rest: {
    mutate: [
      'src/core/**/*.ts',
      '!src/core/judge.ts',
      '!src/core/entryInput.ts',
      '!src/core/numbers.ts',
      '!src/core/plan/**',
      '!src/core/consolidate/**',
    ],
  },
};
const area = process.env.STRYKER_AREA || 'core';
if (area !== 'core' && !AREAS[area]) {
  throw new Error(`STRYKER_AREA=${area}: 应为 ${Object.keys(AREAS).join('、')} 之一（不设则变异整个 src/core）`);
}

// Suites that drive other programs (LibreOffice, python/openpyxl fills, chromium, webpack) or build output take
// seconds per run and run no core code in-process, or too slowly to repeat per mutant: left out here.
const SLOW_OR_EXTERNAL = [
  '/test/render/',
  '/test/e2e/',
  '/test/consolidate/libreoffice',
  '/test/plan/plan-files',
  '/test/hostile/',
  '/test/taskpane/(webpack|intranet|scripts|officeJobs)',
  '/test/manifest',
  '/test/architecture',
];

export default {
  testRunner: 'jest',
  jest: {
    projectType: 'custom',
    configFile: 'jest.config.js',
    config: {
      testPathIgnorePatterns: ['/node_modules/', ...SLOW_OR_EXTERNAL],
      ...(AREAS[area]?.tests && { testMatch: AREAS[area].tests.map((t) => `<rootDir>/test/${t}.test.ts`) }),
    },
    enableFindRelatedTests: true,
  },
  mutate: AREAS[area]?.mutate ?? ['src/core/**/*.ts'],
  coverageAnalysis: 'perTest',
  // The machine is shared: one test runner, never more.
  concurrency: 1,
  incremental: true,
  incrementalFile: `reports/stryker-incremental-${area}.json`,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: `reports/mutation/${area}.html` },
  jsonReporter: { fileName: `reports/mutation/${area}.json` },
  clearTextReporter: { allowColor: false, logTests: false, maxTestsToLog: 0 },
  tempDirName: '.stryker-tmp',
  ignorePatterns: ['build', 'dist', 'coverage', 'reports', 'test-output', '.tmp'],
  // Static mutants (module-level tables) need a fresh module load and every test per mutant: too slow here.
  ignoreStatic: true,
  timeoutMS: 10000,
  thresholds: { high: 80, low: 60, break: null },
};
