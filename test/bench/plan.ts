// Bench: parse + judge a synthetic plan of 10,000 items (the seed's rows, renumbered, repeated).
import * as fs from 'fs';
import * as path from 'path';
import { judgeAll } from '../../src/core/judge';
import type { Entry } from '../../src/core/model';
import { parsePlan } from '../../src/core/plan/parse';
import { splitRows } from '../../src/core/plan/rows';
import { packageRoot, SEED_FILE } from '../../src/apps/cli/files';

export function syntheticPlanText(items: number): string {
  const seed = fs.readFileSync(path.join(packageRoot(), 'seeds', SEED_FILE), 'utf8');
  const rows = splitRows(seed).filter((r) => /^\d+$/.test(r.cells[0]?.trim() ?? ''));
  const lines = ['烟台市2023年重要事项推进计划表'];
  for (let i = 0; i < items; i++) {
    const cells = [...rows[i % rows.length].cells];
    cells[0] = String(i + 1);
    lines.push(cells.join('\t'));
  }
  return lines.join('\n');
}

function time<T>(fn: () => T): [T, number] {
  const t0 = process.hrtime.bigint();
  const out = fn();
  return [out, Number(process.hrtime.bigint() - t0) / 1e6];
}

export async function run(): Promise<string[]> {
  const text = syntheticPlanText(10_000);
  parsePlan(syntheticPlanText(200)); // warm-up
  const runs: number[][] = [];
  let indicatorCount = 0;
  for (let r = 0; r < 3; r++) {
    const [plan, parseMs] = time(() => parsePlan(text));
    const inds = plan.items.flatMap((i) => i.indicators);
    indicatorCount = inds.length;
    const entries: Entry[] = inds.map((ind, k) => ({ id: ind.id, h1: k % 3 === 0 ? null : (ind.h1 ?? 1) * 0.9, annual: null }));
    const [, judgeMs] = time(() => judgeAll(inds, entries, '2023-07-15', plan.year));
    runs.push([parseMs, judgeMs]);
  }
  const best = runs.reduce((a, b) => (a[0] + a[1] <= b[0] + b[1] ? a : b));
  return [
    `plan engine: 10,000 items (${indicatorCount} indicators), best of 3: parse ${best[0].toFixed(0)} ms + judge ${best[1].toFixed(0)} ms = ${(best[0] + best[1]).toFixed(0)} ms (goal < 1000 ms)`,
  ];
}
