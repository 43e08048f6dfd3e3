// The year-end annotated seed workbook printed by LibreOffice: landscape pages, header rows and every column on
// every page, status words in the text, body text at 9 pt or more as printed, and no page more than a third empty
// but the last of a sheet. Pages are also rendered to PNG under test-output/render to look at.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { HEADER, TARGET_COLUMNS } from '../../src/core/tracking/sheet';
import { STATUS_LABEL } from '../../src/core/model';
import { cli, columnText, convert, OUT_DIR, pageFill, printedSizes, yearEndSeed } from './helpers';
import { seedPlan } from '../tracking/helpers';

const dir = path.join(OUT_DIR, 'pdf');
let pdf = '';
let pages: string[] = [];
let sizes: { w: number; h: number }[] = [];
/** Each page's text column by column (wrapped centred cells read whole). */
let columns: string[] = [];

beforeAll(async () => {
  fs.rmSync(dir, { recursive: true, force: true });
  const { checked } = await yearEndSeed(dir);
  pdf = convert(checked, 'pdf', dir);
  const info = execFileSync('pdfinfo', ['-f', '1', '-l', '1000', pdf], { encoding: 'utf8' });
  sizes = [...info.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/g)].map((m) => ({
    w: Number(m[1]),
    h: Number(m[2]),
  }));
  pages = sizes.map((_, i) =>
    execFileSync('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), '-layout', pdf, '-'], { encoding: 'utf8' }),
  );
  columns = pages.map((_, i) => columnText(pdf, i + 1));
  execFileSync('pdftoppm', ['-r', '60', '-png', pdf, path.join(dir, 'page')]);
}, 240_000);

const MAIN_HEADERS = [
  HEADER.no,
  HEADER.name,
  HEADER.summary,
  HEADER.goal,
  HEADER.plan,
  HEADER.h1Plan,
  HEADER.h2Plan,
  HEADER.lead,
  HEADER.id,
  HEADER.label,
  HEADER.h1Target,
  HEADER.h1,
  HEADER.h1Rate,
  HEADER.annualTarget,
  HEADER.annual,
  HEADER.annualRate,
  HEADER.status,
  HEADER.note,
  HEADER.progressText,
];
const squash = (s: string) => s.replace(/\s+/g, '');

test('every page is landscape; the main sheet is A3', () => {
  expect(sizes.length).toBeGreaterThanOrEqual(3);
  for (const s of sizes) expect(s.w).toBeGreaterThan(s.h);
  // A3 landscape is 1190.55 x 841.89 pt
  expect(sizes[0].w).toBeCloseTo(1190.55, 0);
  expect(sizes[0].h).toBeCloseTo(841.89, 0);
});

test('main sheet: several pages, each with the whole header row (so every column is on every page)', () => {
  const mainPages = pages.filter((t) => squash(t).includes(HEADER.summary) && squash(t).includes(HEADER.progress));
  expect(mainPages.length).toBeGreaterThanOrEqual(2);
  // main pages come first and are contiguous
  expect(pages.slice(0, mainPages.length)).toEqual(mainPages);
  for (const i of mainPages.map((t) => pages.indexOf(t)))
    for (const h of MAIN_HEADERS) expect(squash(columns[i])).toContain(h);
  // every indicator row made it onto some page
  const all = mainPages.join('\n');
  for (const id of ['1.1', '2.2', '10.1', '17.4', '20.2'])
    expect(all).toMatch(new RegExp(`(^|\\s)${id.replace('.', '\\.')}(\\s|$)`, 'm'));
});

test('no item is cut across two pages: its name and all its indicator rows print on the same page', () => {
  const plan = seedPlan();
  const mainPages = pages.filter((t) => squash(t).includes(HEADER.summary) && squash(t).includes(HEADER.progress));
  for (const item of plan.items) {
    const withName = mainPages.findIndex((t) =>
      squash(columns[pages.indexOf(t)]).includes(squash(item.name).slice(0, 6)),
    );
    expect([item.no, withName >= 0]).toEqual([item.no, true]);
    for (const ind of item.indicators) {
      expect([
        item.no,
        ind.id,
        mainPages[withName].match(new RegExp(`(^|\\s)${ind.id.replace('.', '\\.')}(\\s|$)`, 'm')) !== null,
      ]).toEqual([item.no, ind.id, true]);
    }
  }
});

test('the 指标 sheet pages carry their whole header row too', () => {
  const targetPages = pages.filter((t) => squash(t).includes('来源') && squash(t).includes('截止日期'));
  expect(targetPages.length).toBeGreaterThanOrEqual(1);
  for (const t of targetPages)
    for (const [, h] of TARGET_COLUMNS) expect(squash(columns[pages.indexOf(t)])).toContain(h);
});

test('print header with the 截至 date and page footer on every page', () => {
  pages.forEach((t, i) => {
    expect(squash(t)).toContain('截至2023年12月31日');
    expect(squash(t)).toMatch(new RegExp(`第${i + 1}页共${pages.length}页`));
  });
});

test('status words (with their marks) and the 汇总 sheet are in the printed text', async () => {
  const json = JSON.parse(
    (await cli('check', path.join(dir, 'year-filled.xlsx'), '--as-of', '2023-12-31', '--json')).out,
  );
  const present = Object.entries(json.summary)
    .filter(([, n]) => (n as number) > 0)
    .map(([s]) => s as keyof typeof STATUS_LABEL);
  expect(present).toEqual(expect.arrayContaining(['met', 'shortfall', 'missing']));
  const text = pages.join('\n');
  for (const s of present) expect(text).toContain(STATUS_LABEL[s]);
  expect(text).toContain('✖ 未达标');
  expect(text).toContain('● 已达标');
  expect(squash(text)).toContain('推进情况汇总');
  expect(squash(text)).toMatch(
    /截至12月31日，按事项统计（事项有多项指标的，以进度最慢的一项为准），20项重要事项中，已达标\d+项/,
  );
});

/** Pages of each sheet, in print order: 推进计划表 first, then 指标, then 汇总. */
function sheetsOfPages(): number[][] {
  const kind = (t: string) =>
    squash(t).includes(HEADER.summary) && squash(t).includes(HEADER.progress)
      ? 0
      : squash(t).includes('截止日期')
        ? 1
        : 2;
  const groups: number[][] = [[], [], []];
  pages.forEach((t, i) => groups[kind(t)].push(i));
  return groups;
}

test('body text prints at 9 pt or more on every page', () => {
  const sizes = printedSizes(pdf);
  expect(sizes).toHaveLength(pages.length);
  sizes.forEach((s, i) => {
    expect([i + 1, s.length > 0]).toEqual([i + 1, true]);
    expect([i + 1, Math.min(...s)]).toEqual([i + 1, expect.any(Number)]);
    expect({ page: i + 1, smallest: Math.min(...s) >= 9 }).toEqual({ page: i + 1, smallest: true });
  });
});

test('no page is more than a third empty, except the last page of each sheet', () => {
  // trackingPrint margins: 0.75 in at the top, 0.6 in at the bottom.
  const fill = pageFill(pdf, pages.length, 0.75 * 72, 0.6 * 72);
  for (const group of sheetsOfPages()) {
    expect(group.length).toBeGreaterThan(0);
    for (const i of group.slice(0, -1))
      expect({ page: i + 1, fill: fill[i] >= 2 / 3 }).toEqual({ page: i + 1, fill: true });
  }
});

test('pages were rendered to PNG for a look', () => {
  const pngs = fs.readdirSync(dir).filter((f) => /^page-\d+\.png$/.test(f));
  expect(pngs.length).toBe(pages.length);
});
