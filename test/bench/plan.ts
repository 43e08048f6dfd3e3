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

function time<T>(fn: () => T): [T, number, number] {
  const t0 = process.hrtime.bigint();
  const c0 = process.cpuUsage();
  const out = fn();
  const c = process.cpuUsage(c0);
  // Wall time, and CPU time (which a machine shared with other work inflates less).
  return [out, Number(process.hrtime.bigint() - t0) / 1e6, (c.user + c.system) / 1000];
}

/** One item whose 年度任务目标 is `chars` long (and each half half that), of many clauses with figures. */
export function hugeCellPlan(chars: number): string {
  const clause = (k: number) =>
    `新建口袋公园${(k % 90) + 10}个、绿道${(k % 40) + 5}公里，开展“安全生产月”培训${(k % 900) + 100}人次，完成投资${(k % 50) / 10 + 1}亿元；`;
  const fill = (n: number, offset: number) => {
    const parts: string[] = [];
    let len = 0;
    for (let k = offset; len < n; k++) {
      const c = clause(k);
      parts.push(c);
      len += c.length;
    }
    return parts.join('');
  };
  const header = '某市2024年重点工作推进计划表\n序号\t事项名称\t事项简介\t年度任务目标\t上半年\t下半年\t牵头单位';
  return `${header}\n1\t超长事项\t简介\t${fill(chars, 0)}\t${fill(chars / 2, 7)}\t${fill(chars / 2, 13)}\t市发展改革委`;
}

/** Parse time of one huge cell at two sizes: linear when doubling the text about doubles the time. */
function hugeCell(): string[] {
  const ms = (chars: number) => {
    const text = hugeCellPlan(chars);
    const runs = [0, 1].map(() => time(() => parsePlan(text)));
    return { ms: Math.min(...runs.map((r) => r[2])), indicators: runs[0][0].items[0].indicators.length };
  };
  const half = ms(75_000);
  const full = ms(150_000);
  return [
    `plan engine: one 150,000-character 年度任务目标 cell (${full.indicators} indicators): parse ${full.ms.toFixed(0)} ms CPU; ` +
      `75,000 characters: ${half.ms.toFixed(0)} ms CPU (ratio ${(full.ms / Math.max(1, half.ms)).toFixed(2)}, linear ≈ 2)`,
  ];
}

export async function run(): Promise<string[]> {
  const text = syntheticPlanText(10_000);
  parsePlan(syntheticPlanText(200)); // warm-up
  const runs: number[][] = [];
  let indicatorCount = 0;
  for (let r = 0; r < 3; r++) {
    const [plan, parseMs, parseCpu] = time(() => parsePlan(text));
    const inds = plan.items.flatMap((i) => i.indicators);
    indicatorCount = inds.length;
    const entries: Entry[] = inds.map((ind, k) => ({
      id: ind.id,
      h1: k % 3 === 0 ? null : (ind.h1 ?? 1) * 0.9,
      annual: null,
    }));
    const [, judgeMs, judgeCpu] = time(() => judgeAll(inds, entries, '2023-07-15', plan.year));
    runs.push([parseMs, judgeMs, parseCpu, judgeCpu]);
  }
  const best = runs.reduce((a, b) => (a[0] + a[1] <= b[0] + b[1] ? a : b));
  const cpu = Math.min(...runs.map((r) => r[2] + r[3]));
  return [
    ...hugeCell(),
    `plan engine: 10,000 items (${indicatorCount} indicators), best of 3: parse ${best[0].toFixed(0)} ms + judge ${best[1].toFixed(0)} ms = ${(best[0] + best[1]).toFixed(0)} ms (goal < 1000 ms); CPU ${cpu.toFixed(0)} ms`,
  ];
}
