// The seed plan in every file it may come in: a Word attachment made by python-docx and by LibreOffice, a workbook
// made by openpyxl and re-saved by LibreOffice, Excel's CSV (UTF-8 with BOM, and GBK), GBK and UTF-16 text. Each must give exactly the plan the
// seed text gives (`tuijin plan --json`). Formats Tuijin can't read (a real .doc, .xls and PDF made by LibreOffice,
// an image) get a Chinese sentence naming the file and saying what to do.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { splitRows } from '../../src/core/plan/rows';
import { cli, soffice } from '../render/helpers';

const ROOT = path.join(__dirname, '../..');
const SEED = path.join(ROOT, 'seeds/000_c36e4d77f78aadb1.txt');
const DIR = path.join(ROOT, 'test-output/plan-files');
const seedText = fs.readFileSync(SEED, 'utf8');
const file = (name: string) => path.join(DIR, name);

/** The seed's rows; the item rows have seven cells. */
const seedRows = splitRows(seedText).map((r) => r.cells);
const isItem = (cells: string[]) => /^\d+$/.test(cells[0]);
const title = seedRows.find((r) => r.join('').includes('计划表'))![0];

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The seed as the HTML table of a Word attachment: header cells merged down, 年度工作计划 over both halves,
 *  a plan merged across both halves, names and units broken over lines, and the table split in two. */
function seedHtml(): string {
  const header =
    '<tr><td rowspan="2">序号</td><td rowspan="2">事项名称</td><td rowspan="2">事项简介</td><td rowspan="2">年度任务目标</td>' +
    '<td colspan="2">年度工作计划</td><td rowspan="2">牵头单位</td></tr><tr><td>上半年</td><td>下半年</td></tr>';
  const lines = (s: string) =>
    s
      .split(' ')
      .map((p) => `<p>${esc(p)}</p>`)
      .join('');
  const tables: string[][] = [[], []];
  for (const cells of seedRows.filter(isItem)) {
    const [no, name, summary, goal, h1, h2, units] = cells;
    const plans = h2.trim() ? `<td>${esc(h1)}</td><td>${esc(h2)}</td>` : `<td colspan="2">${esc(h1)}</td>`;
    tables[Number(no) <= 12 ? 0 : 1].push(
      `<tr><td>${no}</td><td>${lines(name)}</td><td>${esc(summary)}</td><td>${esc(goal)}</td>${plans}<td>${lines(units)}</td></tr>`,
    );
  }
  const table = (rows: string[]) => `<table border="1" cellspacing="0">${header}${rows.join('')}</table>`;
  return (
    '<!DOCTYPE html><html><head><meta charset="utf-8"><title>plan</title></head><body>' +
    `<p>附件</p><p style="text-align:center"><b>${esc(title)}</b></p>${table(tables[0])}` +
    `<p style="page-break-before:always"></p>${table(tables[1])}</body></html>`
  );
}

/** A CSV as Excel writes it: cells quoted when they hold a comma, a quote or a line break; CRLF line ends. Names
 *  and units carry the line breaks a cell typed with Alt+Enter has. */
function seedCsv(): string {
  const quote = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  return seedRows
    .map((cells) => (isItem(cells) ? cells.map((c, i) => (i === 1 || i === 6 ? c.replace(/ /g, '\n') : c)) : cells))
    .map((cells) => cells.map(quote).join(','))
    .join('\r\n');
}

const gbk = (text: string, out: string) =>
  execFileSync('/usr/bin/python3', [
    '-c',
    'import sys; open(sys.argv[2], "wb").write(open(sys.argv[1], encoding="utf-8", newline="").read().encode("gb18030"))',
    text,
    out,
  ]);

let seedJson: string;

beforeAll(async () => {
  fs.rmSync(DIR, { recursive: true, force: true });
  fs.mkdirSync(DIR, { recursive: true });
  const seed = await cli('plan', '--json');
  expect(seed.code).toBe(0);
  seedJson = seed.out;

  execFileSync('/usr/bin/python3', [path.join(__dirname, 'make_plan_files.py'), SEED, DIR], {
    stdio: 'pipe',
    timeout: 60_000,
  });
  fs.writeFileSync(file('plan.html'), seedHtml());
  soffice([
    '--infilter=HTML (StarWriter)',
    '--convert-to',
    'docx:MS Word 2007 XML',
    '--outdir',
    path.join(DIR, 'lo'),
    file('plan.html'),
  ]);
  fs.renameSync(path.join(DIR, 'lo/plan.docx'), file('plan-libreoffice.docx'));
  soffice(['--infilter=HTML (StarWriter)', '--convert-to', 'doc:MS Word 97', '--outdir', DIR, file('plan.html')]);
  soffice([
    '--infilter=HTML (StarWriter)',
    '--convert-to',
    'pdf:writer_pdf_Export',
    '--outdir',
    DIR,
    file('plan.html'),
  ]);
  soffice(['--convert-to', 'xls:MS Excel 97', '--outdir', DIR, file('plan-openpyxl.xlsx')]);
  // The same workbook saved again by LibreOffice Calc: another writer's sheet XML and merges.
  soffice([
    '--convert-to',
    'xlsx:Calc MS Excel 2007 XML',
    '--outdir',
    path.join(DIR, 'lo'),
    file('plan-openpyxl.xlsx'),
  ]);
  fs.renameSync(path.join(DIR, 'lo/plan-openpyxl.xlsx'), file('plan-libreoffice.xlsx'));
  execFileSync('pdftoppm', ['-png', '-r', '40', '-singlefile', file('plan.pdf'), file('plan')]);

  fs.writeFileSync(file('plan-excel-utf8.csv'), '\uFEFF' + seedCsv());
  fs.writeFileSync(file('plan-utf8.csv.tmp'), seedCsv());
  gbk(file('plan-utf8.csv.tmp'), file('plan-excel-gbk.csv'));
  gbk(SEED, file('plan-gbk.txt'));
  // Excel's "Unicode 文本": UTF-16 LE with a byte order mark, tabs, CRLF.
  fs.writeFileSync(
    file('plan-utf16le.txt'),
    Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(seedText.replace(/\n/g, '\r\n'), 'utf16le')]),
  );
  const be = Buffer.from(seedText, 'utf16le');
  for (let i = 0; i < be.length; i += 2) [be[i], be[i + 1]] = [be[i + 1], be[i]];
  fs.writeFileSync(file('plan-utf16be.txt'), Buffer.concat([Buffer.from([0xfe, 0xff]), be]));
}, 300_000);

describe('the seed plan from every file it comes in gives exactly the seed plan', () => {
  test.each([
    ['plan-python-docx.docx', null],
    ['plan-python-docx-numbered.docx', null],
    ['plan-libreoffice.docx', null],
    ['plan-openpyxl.xlsx', '已读取工作表“推进计划表”中的计划表'],
    ['plan-libreoffice.xlsx', '已读取工作表“推进计划表”中的计划表'],
    ['plan-excel-utf8.csv', null],
    ['plan-excel-gbk.csv', '文件是 GBK 编码的文本，已按 GBK 读取'],
    ['plan-gbk.txt', '文件是 GBK 编码的文本，已按 GBK 读取'],
    ['plan-utf16le.txt', '文件是 UTF-16（Unicode）编码的文本，已按 UTF-16 读取'],
    ['plan-utf16be.txt', '文件是 UTF-16（Unicode）编码的文本，已按 UTF-16 读取'],
  ])('%s', async (name, note) => {
    const before = fs.readFileSync(file(name));
    const r = await cli('plan', file(name), '--json');
    expect(r.err).toBe(note ? `note: ${note}` : '');
    expect(r.code).toBe(0);
    expect(r.out).toBe(seedJson);
    expect(fs.readFileSync(file(name)).equals(before)).toBe(true);
  });

  test('the Word files really hold the merges a real attachment has', () => {
    const xml = (name: string) => execFileSync('unzip', ['-p', file(name), 'word/document.xml']).toString('utf8');
    for (const name of ['plan-python-docx.docx', 'plan-libreoffice.docx']) {
      const doc = xml(name);
      expect(doc).toMatch(/<w:vMerge w:val="restart"\/>/);
      expect(doc).toMatch(/<w:vMerge(?: w:val="continue")?\/>/);
      expect(doc).toMatch(/<w:gridSpan w:val="2"\/>/);
      expect(doc.match(/<w:tbl>/g)?.length).toBe(2);
    }
  });

  test('generate and returns take a .docx plan', async () => {
    const out = file('from-docx.xlsx');
    const g = await cli('generate', '--plan', file('plan-libreoffice.docx'), '--out', out);
    expect(g.code).toBe(0);
    expect(g.out).toMatch(/20项事项，39项指标/);
    const r = await cli('returns', '--plan', file('plan-python-docx.docx'), '--out', file('returns'));
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/共12份填报表/);
  });
});

describe('files that are no plan say what to do instead, naming the file', () => {
  test.each([
    ['plan.doc', /这是 \.doc 旧格式，请在 Word 中另存为 \.docx/],
    ['plan-openpyxl.xls', /这是 \.xls 旧格式，请在 Excel 中另存为 \.xlsx/],
    ['plan.pdf', /这是 PDF 文件.*请用计划表原来的 Word 文件/],
    ['plan.png', /这是图片/],
  ])('%s', async (name, message) => {
    const r = await cli('plan', file(name));
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toContain(file(name));
    expect(r.err).toMatch(message);
  });

  test('a tracking workbook is not a plan: it says where to open it instead', async () => {
    const book = file('tracking.xlsx');
    expect((await cli('generate', '--out', book)).code).toBe(0);
    const r = await cli('plan', book);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/这是本工具生成的推进表，不是计划表/);
  });

  test('a truncated .docx says it is damaged, naming the file', async () => {
    const bytes = fs.readFileSync(file('plan-python-docx.docx'));
    fs.writeFileSync(file('truncated.docx'), bytes.subarray(0, Math.floor(bytes.length / 2)));
    const r = await cli('plan', file('truncated.docx'));
    expect(r.code).toBe(2);
    expect(r.err).toContain(file('truncated.docx'));
    expect(r.err).toMatch(/damaged|损坏/);
  });

  test('a .doc renamed .docx is still a .doc: the bytes decide, not the name', async () => {
    fs.copyFileSync(file('plan.doc'), file('renamed.docx'));
    const r = await cli('plan', file('renamed.docx'));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/\.doc 旧格式/);
  });
});
