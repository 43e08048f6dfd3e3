import { buildTrackingLayout, planIdentity } from '../../src/core/tracking/layout';
import { COL, HEADER, MAIN_ROW, SHEET, TARGET_COLUMNS } from '../../src/core/tracking/sheet';
import { heightForText, linesNeeded, spreadHeights } from '../../src/core/layout/rowHeights';
import { fingerprintData } from '../../src/core/hash';
import type { SheetLayout } from '../../src/core/layout/types';
import { seedPlan, smallPlan } from './helpers';

const at = (s: SheetLayout, r: number, c: number) => s.cells.find((x) => x.r === r && x.c === c);
const sheet = (name: string, plan = smallPlan()) =>
  buildTrackingLayout(plan, { toolVersion: '9.9.9', asOf: '2023-06-30' }).sheets.find((s) => s.name === name)!;

describe('tracking layout: main sheet', () => {
  const main = sheet(SHEET.main);

  test('附件 line, title across all columns, official header then progress columns with exact texts', () => {
    expect(at(main, 1, 1)?.value).toBe('附件');
    expect(at(main, 2, 1)?.value).toBe('测试市2023年重要事项推进计划表');
    expect(main.merges).toContainEqual({ r1: 2, c1: 1, r2: 2, c2: 18 });
    const row3 = [1, 2, 3, 4, 5, 7].map((c) => at(main, 3, c)?.value);
    expect(row3).toEqual(['序号', '事项名称', '事项简介', '年度任务目标', '年度工作计划', '牵头单位']);
    expect([5, 6].map((c) => at(main, 4, c)?.value)).toEqual(['上半年', '下半年']);
    expect(main.merges).toContainEqual({ r1: 3, c1: 5, r2: 3, c2: 6 });
    const progress = Array.from({ length: 11 }, (_, i) => at(main, MAIN_ROW.header, COL.id + i)?.value);
    expect(progress).toEqual([
      '指标编号',
      '指标',
      '上半年目标',
      '上半年完成',
      '上半年完成率',
      '全年目标',
      '全年完成',
      '全年完成率',
      '状态',
      '说明',
      '进展情况',
    ]);
  });

  test('one row per indicator, item cells merged down; an item without indicators still gets a row', () => {
    const ids = main.cells.filter((c) => c.c === COL.id && c.r >= MAIN_ROW.firstData).map((c) => c.value);
    expect(ids).toEqual(['1.1', '1.2', null, '3.1']);
    for (const c of [COL.no, COL.name, COL.summary, COL.goal, COL.h1Plan, COL.h2Plan, COL.lead]) {
      expect(main.merges).toContainEqual({ r1: 5, c1: c, r2: 6, c2: c });
    }
    expect(at(main, 7, COL.no)?.value).toBe(2);
    expect(at(main, 7, COL.label)?.value).toBe('（无量化指标）');
    expect(at(main, 5, COL.lead)?.value).toBe('市卫生健康委');
    expect(at(main, 7, COL.lead)?.value).toBe('市妇联、市委宣传部');
  });

  test('a half-year plan written once for both halves is merged over 上半年 and 下半年', () => {
    expect(main.merges).toContainEqual({ r1: 7, c1: COL.h1Plan, r2: 7, c2: COL.h2Plan });
    expect(main.merges).not.toContainEqual({ r1: 8, c1: COL.h1Plan, r2: 8, c2: COL.h2Plan });
  });

  test('targets shown as people write them', () => {
    expect(at(main, 5, COL.h1Target)?.value).toBe('≥10万人');
    expect(at(main, 5, COL.annualTarget)?.value).toBe('≥22万人');
    expect(at(main, 6, COL.annualTarget)?.value).toBe('≥52%');
    expect(at(main, 6, COL.h1Target)?.value).toBe('—');
    expect(at(main, 8, COL.annualTarget)?.value).toBe('完成（6月30日前）');
  });

  test('entry cells unlocked and tinted, everything else locked; sheet protected', () => {
    const layout = buildTrackingLayout(smallPlan());
    expect(main.protect).toBe(true);
    for (const r of [5, 6, 8]) {
      for (const c of [COL.h1, COL.annual]) {
        const st = layout.styles[at(main, r, c)!.style!];
        expect(st.locked).toBe(false);
        expect(st.fill).toMatch(/^[0-9A-F]{6}$/);
      }
    }
    const unlocked = main.cells.filter((c) => layout.styles[c.style ?? '']?.locked === false);
    expect(unlocked.every((c) => c.c === COL.h1 || c.c === COL.annual)).toBe(true);
    expect(unlocked).toHaveLength(6);
  });

  test('fonts: 黑体 header, 仿宋 body, 小标宋 title', () => {
    const layout = buildTrackingLayout(smallPlan());
    expect(layout.styles[at(main, 4, COL.id)!.style!].font?.name).toBe('黑体');
    expect(layout.styles[at(main, 5, COL.summary)!.style!].font?.name).toMatch(/仿宋/);
    expect(layout.styles[at(main, 2, 1)!.style!].font?.name).toMatch(/小标宋/);
  });

  test('every data row has a height that fits its longest merged text', () => {
    const plan = smallPlan();
    for (let r = MAIN_ROW.firstData; r <= 8; r++) expect(main.rowHeights[r]).toBeGreaterThan(0);
    const block = main.rowHeights[5] + main.rowHeights[6];
    expect(block).toBeGreaterThanOrEqual(heightForText(plan.items[0].summary, 34, 10) - 0.5);
    // The long summary makes item 1 taller than the short item 3.
    expect(main.rowHeights[5]).toBeGreaterThan(main.rowHeights[8]);
  });

  test('frozen header, filter on the progress columns, print setup A3 landscape with repeated header', () => {
    expect(main.freeze).toEqual({ rows: 4, cols: 2 });
    expect(main.autoFilter).toEqual({ r1: 4, c1: COL.id, r2: 8, c2: COL.progress });
    expect(main.print).toMatchObject({
      orientation: 'landscape',
      paper: 'A3',
      fitToWidth: 1,
      titleRows: { from: 3, to: 4 },
    });
    expect(main.print?.footer).toContain('&P');
    expect(main.print?.footer).toContain('&N');
    expect(main.print?.header).toBe('截至 2023年6月30日');
    expect(main.validations.length).toBeGreaterThan(0);
  });

  test('validations: decimal ≥ 0 for figures, a list for milestones, both as warnings', () => {
    const kinds = main.validations.map((v) => `${v.type}@${v.range.r1}-${v.range.r2}:${v.range.c1}`);
    expect(kinds).toEqual(['decimal@5-6:11', 'decimal@5-6:14', 'list@8-8:11', 'list@8-8:14']);
    expect(main.validations.every((v) => v.errorStyle === 'warning')).toBe(true);
  });
});

describe('tracking layout: other sheets', () => {
  test('指标 sheet: one editable row per indicator with all target fields', () => {
    const t = sheet(SHEET.targets);
    expect(t.protect).toBe(false);
    expect(TARGET_COLUMNS.map((_, i) => at(t, 2, i + 1)?.value)).toEqual([
      '指标编号',
      '序号',
      '指标',
      '单位',
      '类型',
      '比较',
      '全年目标',
      '上半年目标',
      '下半年目标',
      '截止日期',
      '每',
      '来源',
      '待核',
    ]);
    expect([1, 3, 4, 5, 6, 7, 8, 9].map((c) => at(t, 3, c)?.value)).toEqual([
      '1.1',
      '完成“两癌”检查',
      '人',
      '累计',
      '≥',
      220000,
      100000,
      120000,
    ]);
    expect(at(t, 5, 10)?.value).toBe('2023-06-30');
    expect(t.print).toMatchObject({ paper: 'A4', orientation: 'landscape' });
  });

  test('hidden meta sheet holds plan id/hash, year, schema and tool version in cells', () => {
    const plan = smallPlan();
    const m = sheet(SHEET.meta, plan);
    expect(m.state).toBe('hidden');
    const kv = new Map(m.cells.filter((c) => c.c === 1).map((c) => [c.value, at(m, c.r, 2)?.value]));
    expect(kv.get('planHash')).toBe(fingerprintData(plan));
    expect(kv.get('planHash')).not.toBe(fingerprintData({ ...plan, items: plan.items.slice(1) }));
    expect(kv.get('planId')).toBe(planIdentity(plan).planId);
    expect(kv.get('year')).toBe(2023);
    expect(kv.get('schemaVersion')).toBe(1);
    expect(kv.get('toolVersion')).toBe('9.9.9');
  });

  test('sheet order and 汇总 placeholder with print setup', () => {
    const layout = buildTrackingLayout(smallPlan());
    expect(layout.sheets.map((s) => s.name)).toEqual([SHEET.main, SHEET.targets, SHEET.summary, SHEET.meta]);
    expect(layout.sheets[2].print?.paper).toBe('A4');
  });

  test('the seed: 20 items, every indicator once, header texts exact', () => {
    const plan = seedPlan();
    const main = sheet(SHEET.main, plan);
    const ids = main.cells
      .filter((c) => c.c === COL.id && c.r >= MAIN_ROW.firstData && c.value !== null)
      .map((c) => c.value);
    expect(ids).toEqual(plan.items.flatMap((it) => it.indicators.map((i) => i.id)));
    const nos = main.cells
      .filter((c) => c.c === COL.no && c.r >= MAIN_ROW.firstData && c.value !== null)
      .map((c) => c.value);
    expect(nos).toEqual(plan.items.map((it) => it.no));
    expect(at(main, 4, COL.status)?.value).toBe(HEADER.status);
  });
});

describe('row heights', () => {
  test('longer text in a narrower column needs more lines', () => {
    const t = '宫颈癌和乳腺癌是严重威胁妇女健康的恶性肿瘤';
    expect(linesNeeded(t, 50, 10)).toBe(1);
    expect(linesNeeded(t, 10, 10)).toBeGreaterThan(2);
    expect(linesNeeded(t + '\n' + t, 50, 10)).toBe(2);
    expect(linesNeeded('abcdefghij', 10, 10)).toBeLessThan(linesNeeded('一二三四五六七八九十', 10, 10));
  });
  test('a merged block shares its shortfall over its rows; rows keep their own need', () => {
    expect(spreadHeights([20, 30], 100)).toEqual([45, 55]);
    expect(spreadHeights([60, 60], 100)).toEqual([60, 60]);
  });
});

describe('page breaks', () => {
  const { blockBreaks, pageCapacity } = jest.requireActual(
    '../../src/core/layout/pages',
  ) as typeof import('../../src/core/layout/pages');

  test('capacity follows paper, orientation and fit-to-width scale', () => {
    const print = buildTrackingLayout(smallPlan()).sheets[0].print!;
    const wide = pageCapacity([400], print, 1);
    const narrow = pageCapacity([300], print, 1);
    expect(wide).toBeGreaterThan(narrow); // a wider sheet is scaled down more, so more rows fit
    expect(pageCapacity([300], { ...print, paper: 'A4' }, 1)).toBeLessThan(narrow);
    expect(pageCapacity([100], print, 1)).toBe(pageCapacity([150], print, 1)); // both fit unscaled
  });

  test('blocks are never split: a break goes before the block that would overflow', () => {
    expect(
      blockBreaks(100, 20, 10, [
        { first: 5, height: 50 },
        { first: 7, height: 40 },
        { first: 9, height: 60 },
      ]),
    ).toEqual([6, 8]);
    expect(
      blockBreaks(100, 20, 10, [
        { first: 5, height: 150 },
        { first: 9, height: 10 },
      ]),
    ).toEqual([8]);
    expect(blockBreaks(100, 0, 0, [{ first: 5, height: 10 }])).toEqual([]);
    // Greedy would leave page 2 with one 30-high block; moving the 30 after the first page fills pages evenly.
    const four = [60, 30, 30, 80].map((height, i) => ({ first: i + 1, height }));
    expect(blockBreaks(100, 0, 0, four)).toEqual([1, 3]);
  });

  test('the seed main sheet: breaks at item boundaries, and every page fits', () => {
    const main = sheet(SHEET.main, seedPlan());
    const starts = new Set(
      main.cells.filter((c) => c.c === COL.no && c.r >= MAIN_ROW.firstData && c.value !== null).map((c) => c.r),
    );
    expect(main.rowBreaks!.length).toBeGreaterThanOrEqual(2);
    for (const b of main.rowBreaks!) expect(starts.has(b + 1)).toBe(true);
    const cap = pageCapacity(main.columnWidths, main.print!);
    const h = (from: number, to: number) =>
      Array.from({ length: to - from + 1 }, (_, i) => main.rowHeights[from + i] ?? 15).reduce((a, b) => a + b, 0);
    const last = Math.max(...main.cells.map((c) => c.r));
    const bounds = [MAIN_ROW.header, ...main.rowBreaks!, last];
    for (let i = 0; i + 1 < bounds.length; i++) {
      const head = i === 0 ? h(1, MAIN_ROW.header) : h(MAIN_ROW.group, MAIN_ROW.header);
      expect(head + h(bounds[i] + 1, bounds[i + 1])).toBeLessThanOrEqual(cap);
    }
  });
});
