// Consolidation of returns filled in by another program (openpyxl) into the seed's master workbook.
import JSZip from 'jszip';
import { readTracking } from '../../src/core/tracking/read';
import { LOG_SHEET, PROGRESS_SHEET, readLog, type ConsolidationReport } from '../../src/core/consolidate';
import type { WorkbookGrid } from '../../src/core/layout/types';
import { consolidateWorkbooks, type ReturnFile } from '../../src/adapters/exceljs/consolidate';
import { fillWithOpenpyxl, formsOf, masterOf, readWorkbookGrid, ROUND, seedPlan, sheetOf, tmpDir } from './fixtures';
import type { ReturnForm } from '../../src/adapters/exceljs/returns';

const plan = seedPlan();
const dir = tmpDir('cons');
let master: Uint8Array;
let forms: Map<string, ReturnForm>;

beforeAll(async () => {
  master = await masterOf(plan);
  forms = await formsOf(plan);
});

const form = (unit: string) => forms.get(unit)!.data;

async function run(masterBytes: Uint8Array, files: ReturnFile[], time = '2023-07-05 09:30:00') {
  const result = await consolidateWorkbooks(masterBytes, files, { time });
  const out = await result.master.apply(result.patch);
  return { report: result.report, out, grid: await readWorkbookGrid(out) };
}

function entries(grid: WorkbookGrid) {
  return new Map(readTracking(grid).entries.map((e) => [e.id, e]));
}

function logRows(grid: WorkbookGrid) {
  return readLog(grid)!.rows;
}

/** Sheet XML of `name` in .xlsx bytes. */
async function sheetXml(bytes: Uint8Array, name: string): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const wbXml = await zip.file('xl/workbook.xml')!.async('string');
  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  const rid = new RegExp(`<sheet [^>]*name="${name}"[^>]*r:id="([^"]+)"`).exec(wbXml)![1];
  const target =
    new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ??
    new RegExp(`Target="([^"]+)"[^>]*Id="${rid}"`).exec(rels)![1];
  return zip.file(`xl/${target.replace(/^\/?xl\//, '')}`)!.async('string');
}

describe('a round of returns', () => {
  let report: ConsolidationReport;
  let out: Uint8Array;
  let grid: WorkbookGrid;

  beforeAll(async () => {
    const files: ReturnFile[] = [
      {
        file: '卫健委.xlsx',
        data: fillWithOpenpyxl(
          form('市卫生健康委'),
          {
            values: { '1.1': { h1: 98000, annual: '8.5万', progress: '=SUM(A1) 已完成检查' }, '2.1': { h1: '已完成' } },
            reporter: '=张三',
            phone: '+86 535 1234567',
          },
          dir,
        ),
      },
      // File order is not what decides a conflict: 总工会 comes before 妇联 here, but 妇联 is listed first.
      { file: '总工会.xlsx', data: fillWithOpenpyxl(form('市总工会'), { values: { '10.1': { h1: 28 } } }, dir) },
      { file: '团市委.xlsx', data: fillWithOpenpyxl(form('团市委'), { values: { '10.1': { h1: 31 } } }, dir) },
      {
        file: '教育局.xlsx',
        data: fillWithOpenpyxl(
          form('市教育局'),
          { values: { '7.2': { h1: 10 }, '7.1': { h1: '已完成' }, '3.1': { annual: 53 } } },
          dir,
        ),
      },
      {
        file: '妇联.xlsx',
        data: fillWithOpenpyxl(
          form('市妇联'),
          { values: { '7.2': { h1: 12 }, '10.1': { h1: 31 }, '9.1': { progress: '@培训 已开展' } } },
          dir,
        ),
      },
    ];
    ({ report, out, grid } = await run(master, files));
  });

  test('figures land in the master by indicator id', () => {
    const e = entries(grid);
    expect(e.get('1.1')!.h1).toBe(98000);
    expect(e.get('1.1')!.annual).toBe(85000);
    expect(e.get('2.1')!.h1).toBe('已完成');
    expect(e.get('7.1')!.h1).toBe('已完成');
    expect(e.get('3.1')!.annual).toBe(53);
    // Nothing else was touched.
    expect(e.get('9.1')!.h1).toBeNull();
    expect(e.get('13.1')!.h1).toBeNull();
    expect(report.rejected).toEqual([]);
  });

  test('two units disagreeing: the unit listed first in 牵头单位 wins, the other is kept in 日志', () => {
    const e = entries(grid);
    expect(e.get('7.2')!.h1).toBe(10);
    expect(e.get('10.1')!.h1).toBe(31);
    const c72 = report.conflicts.find((c) => c.id === '7.2')!;
    expect(c72.chosen).toBe('市教育局');
    expect(c72.field).toBe('h1');
    expect(c72.values).toEqual(
      expect.arrayContaining([
        { unit: '市教育局', file: '教育局.xlsx', value: 10 },
        { unit: '市妇联', file: '妇联.xlsx', value: 12 },
      ]),
    );
    const c101 = report.conflicts.find((c) => c.id === '10.1')!;
    expect(c101.chosen).toBe('市妇联');
    expect(c101.values.map((v) => v.unit).sort()).toEqual(['团市委', '市妇联', '市总工会'].sort());
    expect(report.conflicts).toHaveLength(2);
    const log = logRows(grid);
    const lost = log.find((r) => r.unit === '市妇联' && r.id === '7.2')!;
    expect(lost.action).toBe('conflict');
    expect(lost.new).toBe(12);
    expect(String(lost.note)).toContain('市教育局');
    expect(log.find((r) => r.unit === '市总工会' && r.id === '10.1')!.action).toBe('conflict');
    expect(log.find((r) => r.unit === '团市委' && r.id === '10.1')!.action).toBe('applied');
  });

  test('未报送 lists the units that sent nothing, in plan order', () => {
    expect(report.missingUnits).toEqual([
      '市人力资源社会保障局',
      '市农业农村局',
      '市残联',
      '市公安局',
      '市司法局',
      '市文化和旅游局',
      '龙口市政府',
    ]);
  });

  test('日志 records time, round, file, unit, indicator, old and new value and what happened', () => {
    const header = sheetOf(grid, LOG_SHEET).rows[0];
    expect(header).toEqual(['时间', '轮次', '文件', '单位', '指标编号', '填报项', '原值', '新值', '处理', '说明']);
    const row = logRows(grid).find((r) => r.id === '1.1' && r.field === '上半年完成')!;
    expect(row).toMatchObject({
      time: '2023-07-05 09:30:00',
      round: ROUND,
      file: '卫健委.xlsx',
      unit: '市卫生健康委',
      old: null,
      new: 98000,
      action: 'applied',
    });
    expect(report.applied).toBeGreaterThanOrEqual(8);
    // The sheet itself says 处理 in Chinese; reading it back gives the codes again.
    const actions = new Set(
      sheetOf(grid, LOG_SHEET)
        .rows.slice(1)
        .map((r) => r[8]),
    );
    expect([...actions].sort()).toEqual(['冲突', '已采用']);
  });

  test('an old 日志 written with applied/conflict/rejected still reads back', () => {
    const old: WorkbookGrid = {
      sheets: [
        {
          name: LOG_SHEET,
          state: 'visible',
          rows: [sheetOf(grid, LOG_SHEET).rows[0], ['t', 'r', 'f', 'u', '1.1', '上半年完成', null, 5, 'applied', '']],
        },
      ],
    };
    expect(readLog(old)!.rows[0].action).toBe('applied');
  });

  test('text from returns stays text: 进展情况 and names starting with = + @ never become formulas', async () => {
    const progress = sheetOf(grid, PROGRESS_SHEET).rows;
    const texts = progress.map((r) => r[5]);
    expect(texts).toContain('=SUM(A1) 已完成检查');
    expect(texts).toContain('@培训 已开展');
    const sender = logRows(grid).find((r) => r.unit === '市卫生健康委' && r.field === '报送')!;
    expect(sender.new).toBe('填报人：=张三，联系电话：+86 535 1234567');
    for (const name of [PROGRESS_SHEET, LOG_SHEET, '推进计划表'])
      expect(await sheetXml(out, name)).not.toContain('<f>');
  });
});

describe('a later run', () => {
  test('a figure replacing an old value logs the old value; earlier 日志 rows are kept; a later-listed unit cannot overturn the first', async () => {
    const first = await run(master, [
      { file: 'a.xlsx', data: fillWithOpenpyxl(form('市卫生健康委'), { values: { '1.1': { h1: 98000 } } }, dir) },
      { file: 'b.xlsx', data: fillWithOpenpyxl(form('市教育局'), { values: { '7.2': { h1: 10 } } }, dir) },
    ]);
    const before = logRows(first.grid);
    const second = await run(
      first.out,
      [
        { file: 'a2.xlsx', data: fillWithOpenpyxl(form('市卫生健康委'), { values: { '1.1': { h1: 101000 } } }, dir) },
        { file: 'c.xlsx', data: fillWithOpenpyxl(form('市妇联'), { values: { '7.2': { h1: 12 } } }, dir) },
      ],
      '2023-07-06 10:00:00',
    );
    const after = logRows(second.grid);
    expect(after.slice(0, before.length)).toEqual(before);
    const replaced = after.slice(before.length).find((r) => r.id === '1.1')!;
    expect(replaced).toMatchObject({ old: 98000, new: 101000, action: 'applied', time: '2023-07-06 10:00:00' });
    expect(entries(second.grid).get('1.1')!.h1).toBe(101000);
    // 市教育局's 10 from the first run stands: it is listed before 市妇联 for item 7.
    expect(entries(second.grid).get('7.2')!.h1).toBe(10);
    expect(second.report.conflicts).toEqual([
      {
        id: '7.2',
        field: 'h1',
        chosen: '市教育局',
        values: [
          { unit: '市教育局', file: 'b.xlsx', value: 10 },
          { unit: '市妇联', file: 'c.xlsx', value: 12 },
        ],
      },
    ]);
    // Units that reported in the first run of this round aren't 未报送 in the second.
    expect(second.report.missingUnits).not.toContain('市教育局');
    expect(second.report.missingUnits).toContain('市司法局');
  });
});

describe('bad returns are rejected whole, bad cells alone, each with a reason; good ones still go in', () => {
  let report: ConsolidationReport;
  let grid: WorkbookGrid;

  beforeAll(async () => {
    const otherPlan = { ...plan, title: plan.title.replace('2023', '2024'), year: 2024 };
    const otherForms = await formsOf(otherPlan, '2024年上半年');
    const good = fillWithOpenpyxl(form('市司法局'), { values: { '17.1': { h1: 1500 } } }, dir);
    const files: ReturnFile[] = [
      { file: 'broken.xlsx', data: good.subarray(0, Math.floor(good.length / 2)) },
      { file: 'notxlsx.xlsx', data: new TextEncoder().encode('hello, not a workbook') },
      {
        file: 'other-plan.xlsx',
        data: fillWithOpenpyxl(otherForms.get('市公安局')!.data, { values: { '16.1': { h1: 30 } } }, dir),
      },
      {
        file: 'tampered-id.xlsx',
        data: fillWithOpenpyxl(form('市公安局'), { values: { '16.1': { h1: 30 } }, renameId: ['16.1', '1.1'] }, dir),
      },
      {
        file: 'tampered-unit.xlsx',
        data: fillWithOpenpyxl(
          form('市公安局'),
          { values: { '16.1': { h1: 30 } }, meta: { unit: '市卫生健康委' } },
          dir,
        ),
      },
      {
        file: 'bad-figure.xlsx',
        data: fillWithOpenpyxl(form('市残联'), { values: { '14.1': { h1: '大约一半吧' } } }, dir),
      },
      { file: 'negative.xlsx', data: fillWithOpenpyxl(form('市农业农村局'), { values: { '11.1': { h1: -5 } } }, dir) },
      { file: 'good.xlsx', data: good },
      { file: 'again.xlsx', data: good },
    ];
    ({ report, grid } = await run(master, files));
  });

  const reason = (file: string) => report.rejected.find((r) => r.file === file)?.reason ?? '';

  test('each rejected with its reason', () => {
    expect(reason('broken.xlsx')).toBe('文件无法读取：文件已损坏或不完整，无法读取');
    expect(reason('notxlsx.xlsx')).toBe('文件无法读取：这不是有效的 Excel 工作簿（.xlsx），无法读取');
    expect(reason('other-plan.xlsx')).toMatch(/另一份计划/);
    // No internal plan ids in what a clerk reads.
    expect(reason('other-plan.xlsx')).not.toMatch(/[0-9a-f]{8}/);
    expect(reason('tampered-id.xlsx')).toMatch(/行被移动、交换或改动：第4行（D4）：指标编号应为 16\.1，表中为 1\.1/);
    expect(reason('tampered-unit.xlsx')).toMatch(/已被改动/);
    expect(reason('again.xlsx')).toMatch(/重复报送/);
    expect(report.rejected).toHaveLength(6);
  });

  test('a cell that cannot be read is left out alone: its unit counts as 已报送（部分退回）', () => {
    expect(
      report.rejectedCells.map(({ file, id, field, cell, reason }) => ({ file, id, field, cell, reason })),
    ).toEqual([
      { file: 'bad-figure.xlsx', id: '14.1', field: 'h1', cell: 'I4', reason: expect.stringMatching(/大约一半吧/) },
      { file: 'negative.xlsx', id: '11.1', field: 'h1', cell: 'I4', reason: expect.stringMatching(/负数/) },
    ]);
    expect(report.partialUnits).toEqual(['市残联', '市农业农村局']);
    const logged = logRows(grid).filter((r) => r.action === 'rejected' && r.id === '14.1');
    expect(logged).toEqual([
      expect.objectContaining({
        file: 'bad-figure.xlsx',
        field: '上半年完成',
        new: '大约一半吧',
        note: expect.stringMatching(/^单元格 I4：/),
      }),
    ]);
    expect(logRows(grid).find((r) => r.file === 'bad-figure.xlsx' && r.field === '报送')!.note).toBe(
      '收到0项，退回1项（已报送（部分退回））',
    );
  });

  test('the good return is applied; nothing from a rejected one is', () => {
    const e = entries(grid);
    expect(e.get('17.1')!.h1).toBe(1500);
    expect(e.get('16.1')!.h1).toBeNull();
    expect(e.get('1.1')!.h1).toBeNull();
    expect(e.get('14.1')!.h1).toBeNull();
    expect(report.accepted.map((a) => a.unit)).toEqual(['市残联', '市农业农村局', '市司法局']);
    // Rejected units still owe a return; units whose return went in partly do not.
    expect(report.missingUnits).toEqual(expect.arrayContaining(['市公安局']));
    for (const u of ['市司法局', '市残联', '市农业农村局']) expect(report.missingUnits).not.toContain(u);
    const rejectedRows = logRows(grid).filter((r) => r.action === 'rejected' && r.field === '报送');
    expect(rejectedRows.map((r) => r.file)).toEqual(report.rejected.map((r) => r.file));
  });

  test('a zip bomb is refused before it is unpacked, and the rest still goes in', async () => {
    const zip = await JSZip.loadAsync(form('市公安局'));
    zip.file('xl/media/padding.bin', new Uint8Array(60 * 1024 * 1024));
    const bomb = await zip.generateAsync({
      type: 'uint8array',
      compression: 'DEFLATE',
      compressionOptions: { level: 9 },
    });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const good = fillWithOpenpyxl(form('市司法局'), { values: { '17.1': { h1: 1600 } } }, dir);
    const r = await run(master, [
      { file: 'bomb.xlsx', data: bomb },
      { file: 'good.xlsx', data: good },
    ]);
    expect(r.report.rejected).toEqual([
      { file: 'bomb.xlsx', reason: expect.stringMatching(/超过 50 MB，为安全起见拒绝打开/) },
    ]);
    expect(entries(r.grid).get('17.1')!.h1).toBe(1600);
  });
});
