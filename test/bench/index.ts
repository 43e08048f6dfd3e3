// `npm run bench`: runs each bench in turn and prints its lines. Speed lives here, never in timed tests.
import * as plan from './plan';

interface Bench {
  run(): Promise<string[]>;
}

const BENCHES: Array<[string, Bench]> = [['plan', plan]];

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  for (const [name, bench] of BENCHES) {
    if (only.length && !only.includes(name)) continue;
    for (const line of await bench.run()) console.log(line);
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
});
