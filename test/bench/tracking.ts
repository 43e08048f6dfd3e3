// Bench: tracking workbook generate + check for 20, 1,000 and 10,000 indicators, against plain ExcelJS
// writing and reading the same number of cells (goal: within 1.5×); check --write against ExcelJS loading
// and saving the same workbook (goal: ≤ 1.0×); peak memory of check --write on a ~5 MB workbook (< 500 MB).
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as ExcelJS from 'exceljs';
import { judgeAll } from '../../src/core/judge';
import type { Plan, PlanItem } from '../../src/core/model';
import type { WorkbookLayout } from '../../src/core/layout/types';
import { parsePlan } from '../../src/core/plan/parse';
import { buildTrackingLayout, TRACKING_STYLES } from '../../src/core/tracking/layout';
import { guardXlsx } from '../../src/core/zipGuard';
import { readTracking } from '../../src/core/tracking/read';
import { buildCheckPatch } from '../../src/core/tracking/patch';
import { COL } from '../../src/core/tracking/sheet';
import { writeWorkbook } from '../../src/adapters/exceljs/render';
import { readWorkbookGrid } from '../../src/adapters/exceljs/read';
import { applyPatch } from '../../src/adapters/exceljs/patch';
import { packageRoot, SEED_FILE } from '../../src/apps/cli/files';

/** The seed's items repeated (renumbered) until the plan has exactly `n` indicators. */
export function syntheticPlan(n: number): Plan {
  const seed = parsePlan(fs.readFileSync(path.join(packageRoot(), 'seeds', SEED_FILE), 'utf8'));
  const items: PlanItem[] = [];
  let count = 0;
  for (let i = 0; count < n; i++) {
    const src = seed.items[i % seed.items.length];
    const no = i + 1;
    const inds = src.indicators.slice(0, n - count).map((ind, k) => ({ ...ind, item: no, id: `${no}.${k + 1}` }));
    count += inds.length;
    items.push({ ...src, no, indicators: inds });
  }
  return { ...seed, items };
}

async function time<T>(fn: () => Promise<T> | T): Promise<[T, number]> {
  const t0 = process.hrtime.bigint();
  const out = await fn();
  return [out, Number(process.hrtime.bigint() - t0) / 1e6];
}

/** Plain ExcelJS writing the same cell values (no styles, merges, validations or print setup). */
async function plainWrite(layout: WorkbookLayout): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const sheet of layout.sheets) {
    const ws = wb.addWorksheet(sheet.name);
    for (const c of sheet.cells) if (c.value !== null) ws.getCell(c.r, c.c).value = c.value;
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function plainRead(bytes: Uint8Array): Promise<number> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  let n = 0;
  wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell(() => n++)));
  return n;
}

const ms = (x: number) => `${x.toFixed(0)} ms`;

/** Runs `ours` and `plain` alternately `rounds` times and keeps each one's best time, so load from
 *  other processes hits both sides alike. */
async function paired<A, B>(
  rounds: number,
  ours: () => Promise<A>,
  plain: () => Promise<B>,
): Promise<[A, number, B, number]> {
  let a: [A, number] | null = null;
  let b: [B, number] | null = null;
  for (let i = 0; i < rounds; i++) {
    const x = await time(ours);
    if (!a || x[1] < a[1]) a = x;
    const y = await time(plain);
    if (!b || y[1] < b[1]) b = y;
  }
  return [a![0], a![1], b![0], b![1]];
}

/** Peak memory (max RSS) of `tuijin check --write` in its own process on a workbook of about 5 MB
 *  (its unpacked size just under the 50 MB limit). Goal: under 500 MB. */
async function peakMemory(): Promise<string[]> {
  const n = Number(process.env.TUIJIN_BENCH_PEAK_INDICATORS ?? 38000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tuijin-bench-'));
  try {
    const blank = await writeWorkbook(buildTrackingLayout(syntheticPlan(n)));
    // Figures in every 上半年完成, written in place (as Excel would, only those cells).
    const t = readTracking(await readWorkbookGrid(blank));
    const cells = t.indicators.map((ind, i) => ({
      sheet: t.positions.sheet,
      r: t.positions.rows[ind.id],
      c: t.positions.columns.h1,
      value: 1000 + i,
      style: 'entry',
    }));
    const book = path.join(dir, 'big.xlsx');
    fs.writeFileSync(book, await applyPatch(blank, { styles: { entry: TRACKING_STYLES.entry }, cells, sheets: [] }));
    const unpacked = guardXlsx(new Uint8Array(fs.readFileSync(book))).totalUncompressed;
    const script = `require(${JSON.stringify(path.join(packageRoot(), 'build/src/apps/cli/main.js'))}).main(['check', ${JSON.stringify(book)}, '--as-of', '2023-07-15', '--write', ${JSON.stringify(path.join(dir, 'out.xlsx'))}], { out() {}, err: (t) => process.stderr.write(t + '\\n') }).then((code) => { process.stdout.write(JSON.stringify({ code, maxRss: process.resourceUsage().maxRSS })); });`;
    const t0 = Date.now();
    const child = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', maxBuffer: 1 << 20 });
    const took = Date.now() - t0;
    if (child.status !== 0) return [`  peak memory: check --write failed: ${child.stderr.slice(0, 300)}`];
    const { code, maxRss } = JSON.parse(child.stdout) as { code: number; maxRss: number };
    return [
      `  peak memory, check --write on ${n} indicators (${(fs.statSync(book).size / 1048576).toFixed(1)} MB file, ${(unpacked / 1048576).toFixed(1)} MB unpacked): ` +
        `max RSS ${(maxRss / 1024).toFixed(0)} MB, ${took} ms in a fresh process (exit ${code})`,
    ];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export async function run(): Promise<string[]> {
  const lines = ['tracking workbook vs plain ExcelJS writing/reading the same cell values (best of alternating runs):'];
  const sizes = process.env.TUIJIN_BENCH_SIZES
    ? process.env.TUIJIN_BENCH_SIZES.split(',').map(Number)
    : [20, 1000, 10000];
  for (const n of sizes) {
    const rounds = n >= 10000 ? 3 : 7;
    const plan = syntheticPlan(n);
    const layout = buildTrackingLayout(plan);
    const cells = layout.sheets.reduce((a, s) => a + s.cells.filter((c) => c.value !== null).length, 0);

    // generate = layout + render + .xlsx bytes; plain = the same values written by ExcelJS.
    const [book, gen, plainBook, pw] = await paired(
      rounds,
      () => writeWorkbook(buildTrackingLayout(plan)),
      () => plainWrite(layout),
    );

    // Fill every other indicator's 上半年完成, as staff would before a check.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(book as unknown as ArrayBuffer);
    wb.getWorksheet(1)!.eachRow((row, r) => {
      if (r > 4 && r % 2 === 0 && row.getCell(COL.id).value) row.getCell(COL.h1).value = 1000 + r;
    });
    const filled = new Uint8Array(await wb.xlsx.writeBuffer());

    // check = read values + readTracking + judge; plain = ExcelJS load + visit every cell.
    const [, chk, , pr] = await paired(
      rounds,
      async () => {
        const t = readTracking(await readWorkbookGrid(filled));
        return { t, js: judgeAll(t.indicators, t.entries, '2023-07-15', plan.year) };
      },
      () => plainRead(plainBook),
    );
    // check --write = read values + judge + patch in place + bytes; plain = ExcelJS load + save of the
    // same filled workbook (the least any ExcelJS-based writer of highlights pays). Goal: ≤ 1.0×.
    const [, write, , same] = await paired(
      rounds,
      async () => {
        const t = readTracking(await readWorkbookGrid(filled));
        const js = judgeAll(t.indicators, t.entries, '2023-07-15', plan.year);
        return applyPatch(filled, buildCheckPatch(t, js, '2023-07-15'));
      },
      async () => {
        const p = new ExcelJS.Workbook();
        await p.xlsx.load(filled as unknown as ArrayBuffer);
        return p.xlsx.writeBuffer();
      },
    );
    const r = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
    lines.push(
      `  ${String(n).padStart(5)} indicators, ${cells} cells, ${(filled.length / 1024).toFixed(0)} KB: generate ${ms(gen)} vs write ${ms(pw)} = ${r(gen, pw)}; ` +
        `check ${ms(chk)} vs read ${ms(pr)} = ${r(chk, pr)}; check --write ${ms(write)} vs ExcelJS load+save of the same workbook ${ms(same)} = ${r(write, same)}`,
    );
  }
  lines.push(...(await peakMemory()));
  return lines;
}

if (require.main === module) {
  void run().then((lines) => lines.forEach((l) => console.log(l)));
}
