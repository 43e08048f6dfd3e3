// Scores the extractor against the hand-checked goldens in test/fixtures/plans: per plan, which targets were found
// right (value, unit, comparator, halves, kind), which were found wrong or missed, which non-targets were taken.
import * as fs from 'fs';
import * as path from 'path';
import type { Comparator, Indicator, Plan } from '../../src/core/model';
import { parsePlan } from '../../src/core/plan/parse';
import { packageRoot } from '../../src/apps/cli/files';

export const PLANS_DIR = path.join(packageRoot(), 'test', 'fixtures', 'plans');

export interface GoldenTarget {
  item: number;
  /** Words the extracted label must contain. */
  label: string;
  value: number;
  unit: string;
  comparator: Comparator;
  h1: number | null;
  h2: number | null;
  kind?: Indicator['kind'];
}

export interface Golden {
  file: string;
  domain: string;
  city: string;
  heldOut: boolean;
  targets: GoldenTarget[];
  /** Figures that must not become an indicator's target in that item. */
  traps: Array<{ item: number; value: number; why: string }>;
  /** Items that must get a lint warning (and no others). */
  warnings: number[];
}

export interface PlanScore {
  name: string;
  golden: Golden;
  plan: Plan;
  right: GoldenTarget[];
  wrong: Array<{ want: GoldenTarget; got: Indicator }>;
  missed: GoldenTarget[];
  /** Extracted (non-milestone) indicators that match no golden target. */
  extra: Indicator[];
  trapsTaken: Array<{ item: number; value: number; why: string }>;
  warningItems: number[];
}

export function goldens(): Array<{ name: string; golden: Golden; text: string }> {
  return fs
    .readdirSync(PLANS_DIR)
    .filter((f) => f.endsWith('.golden.json'))
    .sort()
    .map((f) => {
      const golden = JSON.parse(fs.readFileSync(path.join(PLANS_DIR, f), 'utf8')) as Golden;
      return {
        name: f.replace(/\.golden\.json$/, ''),
        golden,
        text: fs.readFileSync(path.join(PLANS_DIR, golden.file), 'utf8'),
      };
    });
}

const sameNumber = (a: number | null, b: number | null) =>
  a === null || b === null ? a === b : Math.abs(a - b) < 1e-9;

export function scorePlan(name: string, golden: Golden, text: string): PlanScore {
  const plan = parsePlan(text);
  const inds = plan.items.flatMap((i) => i.indicators).filter((d) => d.kind !== 'milestone');
  const used = new Set<Indicator>();
  const right: GoldenTarget[] = [];
  const wrong: PlanScore['wrong'] = [];
  const missed: GoldenTarget[] = [];
  for (const want of golden.targets) {
    const candidates = inds.filter(
      (d) => !used.has(d) && d.item === want.item && d.unit === want.unit && sameNumber(d.annual, want.value),
    );
    const got = candidates.find((d) => d.label.includes(want.label)) ?? candidates[0];
    if (!got) {
      missed.push(want);
      continue;
    }
    used.add(got);
    const ok =
      got.label.includes(want.label) &&
      got.comparator === want.comparator &&
      sameNumber(got.h1, want.h1) &&
      sameNumber(got.h2, want.h2) &&
      (want.kind === undefined || got.kind === want.kind);
    if (ok) right.push(want);
    else wrong.push({ want, got });
  }
  const extra = inds.filter((d) => !used.has(d));
  const trapsTaken = golden.traps.filter((t) =>
    inds.some(
      (d) =>
        d.item === t.item &&
        [d.annual, d.h1, d.h2].some((v) => v !== null && sameNumber(v, t.value)) &&
        !golden.targets.some(
          (g) => g.item === t.item && [g.value, g.h1, g.h2].some((v) => v !== null && sameNumber(v, t.value)),
        ),
    ),
  );
  const warningItems = [
    ...new Set(
      plan.warnings.filter((w) => w.item !== null && w.message.startsWith('指标')).map((w) => w.item as number),
    ),
  ].sort((a, b) => a - b);
  return { name, golden, plan, right, wrong, missed, extra, trapsTaken, warningItems };
}

export function scoreCorpus(opts: { heldOut: boolean }): PlanScore[] {
  return goldens()
    .filter((g) => g.golden.heldOut === opts.heldOut)
    .map((g) => scorePlan(g.name, g.golden, g.text));
}

/** One line per plan: recall = right / golden targets; precision = right / indicators taken (non-milestone). */
export function report(scores: PlanScore[]): string[] {
  const pct = (a: number, b: number) => (b === 0 ? '—' : `${((100 * a) / b).toFixed(1)}%`);
  const lines = scores.map((s) => {
    const taken = s.right.length + s.wrong.length + s.extra.length;
    return `${s.golden.domain}（${s.name}）: recall ${s.right.length}/${s.golden.targets.length} = ${pct(s.right.length, s.golden.targets.length)}, precision ${s.right.length}/${taken} = ${pct(s.right.length, taken)}, non-targets taken ${s.extra.length}, traps taken ${s.trapsTaken.length}, lint items [${s.warningItems.join(',')}] want [${s.golden.warnings.join(',')}]`;
  });
  const sum = (f: (s: PlanScore) => number) => scores.reduce((n, s) => n + f(s), 0);
  const right = sum((s) => s.right.length);
  const all = sum((s) => s.golden.targets.length);
  const taken = sum((s) => s.right.length + s.wrong.length + s.extra.length);
  lines.push(
    `total: recall ${right}/${all} = ${pct(right, all)}, precision ${right}/${taken} = ${pct(right, taken)}, non-targets taken ${sum((s) => s.extra.length)}`,
  );
  return lines;
}

export function details(s: PlanScore): string[] {
  const f = (d: Indicator) =>
    `${d.id} ${d.label} ${d.comparator} ${d.annual}${d.unit} (${d.h1}, ${d.h2}) [${d.kind}]${d.review ? ` 待核:${d.review}` : ''}`;
  return [
    ...s.missed.map((m) => `  missed item ${m.item}: ${m.label} ${m.value}${m.unit}`),
    ...s.wrong.map(
      (w) =>
        `  wrong: want ${w.want.label} ${w.want.comparator} ${w.want.value}${w.want.unit} (${w.want.h1}, ${w.want.h2})${w.want.kind ? ' ' + w.want.kind : ''}; got ${f(w.got)}`,
    ),
    ...s.extra.map((d) => `  extra: ${f(d)}`),
    ...s.trapsTaken.map((t) => `  trap taken item ${t.item}: ${t.value} (${t.why})`),
  ];
}

if (require.main === module) {
  const heldOut = process.argv.includes('--held-out');
  const scores = scoreCorpus({ heldOut });
  const verbose = process.argv.includes('-v');
  for (const line of report(scores)) console.log(line);
  if (verbose) for (const s of scores) for (const l of details(s)) console.log(`${s.name}${l}`);
}
