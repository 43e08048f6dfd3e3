// Bench: tracking workbook generate + check for 20, 1,000 and 10,000 indicators, against plain ExcelJS
// writing and reading the same number of cells. Goal: within 1.5× of plain ExcelJS.
import * as fs from 'fs';
import * as path from 'path';
import * as ExcelJS from 'exceljs';
import { judgeAll } from '../../src/core/judge';
import type { Plan, PlanItem } from '../../src/core/model';
import type { WorkbookLayout } from '../../src/core/layout/types';
import { parsePlan } from '../../src/core/plan/parse';
import { buildTrackingLayout } from '../../src/core/tracking/layout';
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
async function paired<A, B>(rounds: number, ours: () => Promise<A>, plain: () => Promise<B>): Promise<[A, number, B, number]> {
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

export async function run(): Promise<string[]> {
  const lines = ['tracking workbook vs plain ExcelJS writing/reading the same cell values (best of alternating runs):'];
  const sizes = process.env.TUIJIN_BENCH_SIZES ? process.env.TUIJIN_BENCH_SIZES.split(',').map(Number) : [20, 1000, 10000];
  for (const n of sizes) {
    const rounds = n >= 10000 ? 3 : 7;
    const plan = syntheticPlan(n);
    const layout = buildTrackingLayout(plan);
    const cells = layout.sheets.reduce((a, s) => a + s.cells.filter((c) => c.value !== null).length, 0);

    // generate = layout + render + .xlsx bytes; plain = the same values written by ExcelJS.
    const [book, gen, plainBook, pw] = await paired(rounds, () => writeWorkbook(buildTrackingLayout(plan)), () => plainWrite(layout));

    // Fill every other indicator's 上半年完成, as staff would before a check.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(book as unknown as ArrayBuffer);
    wb.getWorksheet(1)!.eachRow((row, r) => {
      if (r > 4 && r % 2 === 0 && row.getCell(COL.id).value) row.getCell(COL.h1).value = 1000 + r;
    });
    const filled = new Uint8Array(await wb.xlsx.writeBuffer());

    // check = read values + readTracking + judge; plain = ExcelJS load + visit every cell.
    const [read, chk, , pr] = await paired(
      rounds,
      async () => {
        const t = readTracking(await readWorkbookGrid(filled));
        return { t, js: judgeAll(t.indicators, t.entries, '2023-07-15', plan.year) };
      },
      () => plainRead(plainBook),
    );
    // check --write adds the patch: ExcelJS load + highlights + 汇总 + write; plain = load + write.
    const [, patch, , plw] = await paired(
      rounds,
      () => applyPatch(filled, buildCheckPatch(read.t, read.js, '2023-07-15')),
      async () => {
        const p = new ExcelJS.Workbook();
        await p.xlsx.load(plainBook as unknown as ArrayBuffer);
        return p.xlsx.writeBuffer();
      },
    );
    // The least any ExcelJS-based writer of highlights pays: load and save this same formatted workbook.
    const [, , , same] = await paired(1, async () => null, async () => {
      const p = new ExcelJS.Workbook();
      await p.xlsx.load(filled as unknown as ArrayBuffer);
      return p.xlsx.writeBuffer();
    });
    const r = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
    lines.push(
      `  ${String(n).padStart(5)} indicators, ${cells} cells: generate ${ms(gen)} vs write ${ms(pw)} = ${r(gen, pw)}; ` +
        `check ${ms(chk)} vs read ${ms(pr)} = ${r(chk, pr)}; check --write ${ms(chk + patch)} vs read+load+write ${ms(pr + plw)} = ${r(chk + patch, pr + plw)} ` +
        `(ExcelJS load+save of the same formatted workbook alone: ${ms(same)})`,
    );
  }
  return lines;
}

if (require.main === module) {
  run().then((lines) => lines.forEach((l) => console.log(l)));
}
