// After every test (jest setupFilesAfterEnv, so no test can forget it): no Office.js double saw a property read
// before load() + sync(), and the adapter swallowed no error it did not own up to. A test that provokes
// either on purpose takes them out first (`mock.stats.unloadedReads.length = 0`, `takeSwallowed()`).
// Reads only globals, so test files that never touch Office load nothing extra.
type Ledger = { stats: { unloadedReads: string[] } };

afterEach(() => {
  const g = globalThis as unknown as {
    __tuijinOfficeDoubles?: Ledger[];
    __tuijinSwallowed?: Array<{ where: string; error: unknown }>;
  };
  const doubles = g.__tuijinOfficeDoubles ?? [];
  const swallowed = g.__tuijinSwallowed ?? [];
  const reads = doubles.flatMap((d) => d.stats.unloadedReads);
  const quiet = swallowed.map((s) => `${s.where}: ${String((s.error as { code?: string })?.code ?? s.error)}`);
  doubles.length = 0;
  swallowed.length = 0;
  expect({ readsBeforeLoad: reads, swallowedErrors: quiet }).toEqual({ readsBeforeLoad: [], swallowedErrors: [] });
});
