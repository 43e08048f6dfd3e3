// `npm run bench`: runs each bench in turn and prints its lines. Speed lives here, never in timed tests.
import * as consolidate from './consolidate';
import * as office from './office';
import * as plan from './plan';
import * as tracking from './tracking';

interface Bench {
  run(): Promise<string[]>;
}

const BENCHES: Array<[string, Bench]> = [
  ['plan', plan],
  ['tracking', tracking],
  ['consolidate', consolidate],
  ['office', office],
];

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  for (const [name, bench] of BENCHES) {
    if (only.length && !only.includes(name)) continue;
    console.log(`## ${name}`);
    for (const line of await bench.run()) console.log(line);
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
});
