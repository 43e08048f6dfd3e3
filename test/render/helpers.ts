// Shared by the render tests: a checked seed workbook, and running LibreOffice in a fresh profile.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../src/apps/cli/main';
import { COL, SHEET } from '../../src/core/tracking/sheet';
import { TRACKING_STYLES } from '../../src/core/tracking/layout';
import { readTracking } from '../../src/core/tracking/read';
import type { CellPatch, CellValue } from '../../src/core/layout/types';
import { readWorkbookGrid } from '../../src/adapters/exceljs/read';
import { applyPatch } from '../../src/adapters/exceljs/patch';

export const OUT_DIR = path.join(__dirname, '../../test-output/render');

export async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** Figures as staff would type them, chosen so several statuses show up at 2023-07-15. */
export const ENTRIES: Record<string, [CellValue, CellValue]> = {
  '1.1': [80000, null], // 10万 due by 6-30 → 未达标
  '2.1': ['已完成', null], // milestone done → 已达标
  '3.1': ['53%', null], // ratio met
  '5.1': [13, null],
  '6.1': [700, null],
  '7.1': ['已完成', null],
  '8.1': [12, null],
  '10.1': [3, null], // 30 场 due → 未达标
  '12.1': ['abc', null], // 数据有误
};

/** Writes the seed's tracking workbook, fills ENTRIES, and checks it at 2023-07-15 into `dir`. */
export async function checkedSeed(dir: string): Promise<{ book: string; filled: string; checked: string }> {
  fs.mkdirSync(dir, { recursive: true });
  const book = path.join(dir, 'book.xlsx');
  const filled = path.join(dir, 'filled.xlsx');
  const checked = path.join(dir, 'checked.xlsx');
  const g = await cli('generate', '--out', book);
  if (g.code !== 0) throw new Error(g.err);
  // Filled in place (as Excel would, keeping the generated print setup), not by an ExcelJS load and save.
  const grid = await readWorkbookGrid(new Uint8Array(fs.readFileSync(book)));
  const read = readTracking(grid);
  const cells: CellPatch[] = [];
  for (const [id, [h1, annual]] of Object.entries(ENTRIES)) {
    const r = read.positions.rows[id];
    cells.push({ sheet: SHEET.main, r, c: COL.h1, value: h1 as CellValue, style: 'entry' }, { sheet: SHEET.main, r, c: COL.annual, value: annual as CellValue, style: 'entry' });
  }
  fs.writeFileSync(filled, await applyPatch(new Uint8Array(fs.readFileSync(book)), { styles: { entry: TRACKING_STYLES.entry }, cells, sheets: [] }));
  const c = await cli('check', filled, '--as-of', '2023-07-15', '--write', checked);
  if (c.code !== 0) throw new Error(c.err);
  return { book, filled, checked };
}

/** Runs LibreOffice headless in a throwaway profile; no soffice means the test fails (CI installs it). */
export function soffice(args: string[]): void {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'tuijin-lo-'));
  try {
    execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', ...args], {
      stdio: 'pipe',
      timeout: 180_000,
    });
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

/** Converts `file` with LibreOffice to `format` (pdf, xlsx) in `outDir`; returns the output path. */
export function convert(file: string, format: string, outDir: string): string {
  fs.mkdirSync(outDir, { recursive: true });
  soffice(['--convert-to', format, '--outdir', outDir, file]);
  const out = path.join(outDir, `${path.basename(file, path.extname(file))}.${format.split(':')[0]}`);
  if (!fs.existsSync(out)) throw new Error(`LibreOffice did not write ${out}`);
  return out;
}
