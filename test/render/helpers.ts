// Shared by the render tests: a checked seed workbook, and running LibreOffice in a fresh profile.
import { execFileSync } from 'child_process';
import * as zlib from 'zlib';
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
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t) }, {});
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
    cells.push(
      { sheet: SHEET.main, r, c: COL.h1, value: h1 as CellValue, style: 'entry' },
      { sheet: SHEET.main, r, c: COL.annual, value: annual as CellValue, style: 'entry' },
    );
  }
  fs.writeFileSync(
    filled,
    await applyPatch(new Uint8Array(fs.readFileSync(book)), {
      styles: { entry: TRACKING_STYLES.entry },
      cells,
      sheets: [],
    }),
  );
  const c = await cli('check', filled, '--as-of', '2023-07-15', '--write', checked);
  if (c.code !== 0) throw new Error(c.err);
  return { book, filled, checked };
}

/** A year of figures for every seed indicator, [上半年完成, 全年完成], typed as clerks type them: remarks ("约10场",
 *  "5000+", "13处（主体完工）"), a fraction for a percentage (0.24), a cell formatted as a percentage ({ pct }),
 *  a 满意率 with only its H1 figure, one figure never reported and one milestone not done. */
export const YEAR_FIGURES: Record<string, [FigureCell, FigureCell]> = {
  '1.1': [102000, 226000],
  '2.1': ['已完成', null],
  '2.2': [null, '已完成'],
  '3.1': [{ pct: 0.53 }, 54],
  '4.1': [0.3, 0.6],
  '5.1': ['13处（主体完工）', 13],
  '5.2': [65, 71],
  '6.1': [600, 600],
  '6.2': [1, 1],
  '6.3': [null, 2],
  '7.1': ['已完成', '已完成'],
  '7.2': [1, 1],
  '7.3': [9, 16],
  '8.1': [11, 21],
  '8.2': [32, 31],
  '9.1': [10, 18],
  '9.2': [320, 650],
  '10.1': [28, 61],
  '11.1': [450, 1020],
  '12.1': [5, '约10场'],
  '12.2': [25, 22],
  '12.3': [5200, '5000+'],
  '13.1': [2600, 5300],
  '13.2': [21000, 23500],
  '13.3': [3.2, 3.5],
  '14.1': [900, 1750],
  '15.1': [2, 4],
  '16.1': [22, 0.24],
  '17.1': [1500, 3100],
  '17.2': [0.99, null],
  '17.3': [null, 1],
  '17.4': [null, null],
  '18.1': [40, 85],
  '18.2': [50, 98],
  '19.1': [30, 52],
  '19.2': [5, 12],
  '19.3': [1500, 3200],
  '20.1': ['已完成', null],
  '20.2': [null, '未完成'],
};
type FigureCell = CellValue | { pct: number };

/** The seed's tracking workbook with YEAR_FIGURES typed in (only the H1 column when `h1Only`), saved to `file`.
 *  Filled in place, as Excel would; a { pct } figure goes into a cell formatted as a percentage. */
export async function seedWithFigures(dir: string, file: string, h1Only = false): Promise<string> {
  fs.mkdirSync(dir, { recursive: true });
  const book = path.join(dir, 'book.xlsx');
  if (!fs.existsSync(book)) {
    const g = await cli('generate', '--out', book);
    if (g.code !== 0) throw new Error(g.err);
  }
  const bytes = new Uint8Array(fs.readFileSync(book));
  const read = readTracking(await readWorkbookGrid(bytes));
  const cells: CellPatch[] = [];
  const put = (r: number, c: number, v: FigureCell) => {
    if (v === null) return;
    if (typeof v === 'object' && 'pct' in v) cells.push({ sheet: SHEET.main, r, c, value: v.pct, style: 'entryPct' });
    else cells.push({ sheet: SHEET.main, r, c, value: v, style: 'entry' });
  };
  for (const [id, [h1, annual]] of Object.entries(YEAR_FIGURES)) {
    const r = read.positions.rows[id];
    put(r, COL.h1, h1);
    if (!h1Only) put(r, COL.annual, annual);
  }
  const out = path.join(dir, file);
  const styles = { entry: TRACKING_STYLES.entry, entryPct: TRACKING_STYLES.entryPct };
  fs.writeFileSync(out, await applyPatch(bytes, { styles, cells, sheets: [] }));
  return out;
}

/** The year-end annotated seed workbook: YEAR_FIGURES checked at 2023-12-31 and written with the check's marks. */
export async function yearEndSeed(dir: string): Promise<{ filled: string; checked: string }> {
  const filled = await seedWithFigures(dir, 'year-filled.xlsx');
  const checked = path.join(dir, 'year-checked.xlsx');
  const c = await cli('check', filled, '--as-of', '2023-12-31', '--write', checked);
  if (c.code !== 0) throw new Error(c.err);
  return { filled, checked };
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

/** Font sizes text is drawn at on each page of a PDF, as printed (LibreOffice writes the scaled size in each Tf). */
export function printedSizes(pdf: string): number[][] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tuijin-pages-'));
  try {
    execFileSync('pdfseparate', [pdf, path.join(dir, 'p-%d.pdf')]);
    const count = fs.readdirSync(dir).length;
    return Array.from({ length: count }, (_, i) => {
      const bytes = fs.readFileSync(path.join(dir, `p-${i + 1}.pdf`));
      const sizes = new Set<number>();
      const raw = bytes.toString('latin1');
      for (const m of raw.matchAll(/stream\r?\n([\s\S]*?)endstream/g)) {
        let text: string;
        try {
          text = zlib.inflateSync(Buffer.from(m[1], 'latin1')).toString('latin1');
        } catch {
          continue;
        }
        for (const t of text.matchAll(/\/F\d+ ([\d.]+) Tf\s*<([0-9A-Fa-f]+)>\s*Tj/g)) sizes.add(Number(t[1]));
      }
      return [...sizes].sort((a, b) => a - b);
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** How far down the printable area each page's text reaches (0–1), between the top and bottom margins given in points. */
export function pageFill(pdf: string, pages: number, top: number, bottom: number): number[] {
  return Array.from({ length: pages }, (_, i) => {
    const html = execFileSync('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), '-bbox', pdf, '-'], {
      encoding: 'utf8',
    });
    const height = Number(/<page width="[\d.]+" height="([\d.]+)"/.exec(html)![1]);
    let lowest = top;
    for (const w of html.matchAll(/yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)"/g)) {
      const [y0, y1] = [Number(w[1]), Number(w[2])];
      // Body text only: the page header and footer sit in the margins.
      if (y0 >= top - 1 && y1 <= height - bottom + 1) lowest = Math.max(lowest, y1);
    }
    return (lowest - top) / (height - top - bottom);
  });
}

/** A page's text read column by column: words ordered by the centre of their cell, then top to bottom, so a centred
 *  header or name wrapped over several lines ("指标" / "编号") reads as one ("指标编号"). */
export function columnText(pdf: string, page: number): string {
  const html = execFileSync('pdftotext', ['-f', String(page), '-l', String(page), '-bbox', pdf, '-'], {
    encoding: 'utf8',
  });
  const raw = [...html.matchAll(/xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</g)]
    .map((m) => ({ x0: Number(m[1]), y: Number(m[2]), x1: Number(m[3]), text: m[4] }))
    .sort((a, b) => a.y - b.y || a.x0 - b.x0);
  // Words a space apart on one line belong to one cell line (“爱在山海 遇见幸福”).
  const lines: typeof raw = [];
  for (const w of raw) {
    const last = lines[lines.length - 1];
    const gap = last ? w.x0 - last.x1 : Infinity;
    if (last && Math.abs(last.y - w.y) < 1 && gap > -1 && gap < 6)
      Object.assign(last, { x1: w.x1, text: last.text + w.text });
    else lines.push({ ...w });
  }
  return lines
    .map((w) => ({ ...w, c: Math.round((w.x0 + w.x1) / 2 / 4) }))
    .sort((a, b) => a.c - b.c || a.y - b.y)
    .map((w) => w.text)
    .join('');
}
