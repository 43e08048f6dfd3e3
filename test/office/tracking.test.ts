import { MockExcel, key } from './mockExcel';
import { harness, expectAllLoaded } from './harness';
import { seedPlan, syntheticPlan } from './fixtures';
import {
  applyPrintSetup,
  checkTracking,
  existingTrackingSheets,
  generateTracking,
  openAsNewWorkbook,
  preparePrint,
  readActiveSheet,
  readEntries,
  selectIndicator,
} from '../../src/adapters/office/tracking';
import { layoutGrid } from '../../src/core/layout/grid';
import { buildTrackingLayout, TRACKING_STYLES } from '../../src/core/tracking/layout';
import { readTracking } from '../../src/core/tracking/read';
import { COL, HEADER, MAIN_ROW, SHEET, STATUS_FILL } from '../../src/core/tracking/sheet';
import type { Plan } from '../../src/core/model';

const AS_OF = '2023-06-30';

/** Row of an indicator in the generated main sheet, as core's reader finds it. */
function rowOf(plan: Plan, id: string): number {
  return readTracking(layoutGrid(buildTrackingLayout(plan))).positions.rows[id];
}

async function generated(plan: Plan, opts: ConstructorParameters<typeof MockExcel>[0] = {}) {
  const h = harness(opts);
  const res = await generateTracking(h.ctx, plan, { caps: h.caps, asOf: AS_OF });
  expect(res.status).toBe('written');
  return h;
}

describe('generate', () => {
  test('writes the seed workbook in at most 3 syncs, values as 2D blocks, formats grouped', async () => {
    const plan = seedPlan();
    const h = harness();
    const res = await generateTracking(h.ctx, plan, { caps: h.caps, asOf: AS_OF });
    expect(res.status).toBe('written');
    expect(h.sync.mock.calls.length).toBeLessThanOrEqual(3);
    expect(res.syncs).toBe(h.sync.mock.calls.length);
    expectAllLoaded(h.mock);

    const names = h.mock.sheets.map((s) => s.name);
    for (const n of [SHEET.main, SHEET.targets, SHEET.summary, SHEET.meta]) expect(names).toContain(n);
    expect(h.mock.sheet(SHEET.meta).visibility).toBe('Hidden');

    // One value write per generated sheet: no per-cell writes.
    const writes = h.mock.stats.valueWrites.filter(([s]) => s !== 'Sheet1');
    expect(writes.length).toBe(4);

    const main = SHEET.main;
    expect(h.mock.value(main, MAIN_ROW.title, 1)).toContain('重要事项推进计划表');
    expect(h.mock.value(main, MAIN_ROW.header, COL.id)).toBe(HEADER.id);
    expect(h.mock.value(main, MAIN_ROW.header, COL.status)).toBe(HEADER.status);
    // Indicator ids stay text ("1.1" must not become the number 1.1).
    const first = plan.items[0].indicators[0];
    const r = rowOf(plan, first.id);
    expect(h.mock.value(main, r, COL.id)).toBe(first.id);
    expect(typeof h.mock.value(main, r, COL.id)).toBe('string');

    // Entry cells are unlocked and tinted; a target cell is locked.
    const entry = h.mock.cell(main, r, COL.h1)!;
    expect(entry.format.locked).toBe(false);
    expect(entry.format.fill).toMatch(/^#[0-9A-F]{6}$/i);
    expect(h.mock.cell(main, r, COL.h1Target)!.format.locked).toBe(true);
    // Header font and borders came through.
    const head = h.mock.cell(main, MAIN_ROW.header, COL.id)!;
    expect(head.format.fontName).toBe(TRACKING_STYLES.head.font?.name);
    expect(head.format.fontSize).toBe(TRACKING_STYLES.head.font?.size);
    expect(head.format.fill).toBe(`#${TRACKING_STYLES.head.fill}`);
    expect(head.format.horizontal).toBe('Center');
    expect(head.format.wrap).toBe(true);
    expect(h.mock.cell(main, r, COL.annualRate)!.numberFormat).toBe('0%');
    expect(head.format.borders?.EdgeTop).toBe('Continuous');

    const ws = h.mock.sheet(main);
    expect(ws.protected).toBe(true);
    expect(ws.freeze).toEqual({ rows: MAIN_ROW.header, cols: COL.name });
    expect(ws.merges.length).toBeGreaterThan(plan.items.length);
    expect(ws.autoFilter).toMatch(/^H4:R\d+$/);
    expect(ws.validations.length).toBeGreaterThan(0);
    expect(ws.colWidths.get(COL.summary)).toBeGreaterThan(ws.colWidths.get(COL.no)!);
    expect(ws.page.orientation).toBe('Landscape');
    expect(ws.page.paperSize).toBe('A3');
    expect(ws.page.zoom).toMatchObject({ horizontalFitToPages: 1, verticalFitToPages: 0 });
    expect(ws.page.printTitleRows).toBe(`$${MAIN_ROW.group}:$${MAIN_ROW.header}`);
    expect(ws.page.centerFooter).toContain('&P');
    expect(ws.page.centerHeader).toContain('2023年6月30日');
    expect(h.mock.sheet(SHEET.targets).page.paperSize).toBe('A4');

    // Bulk-write hygiene: calculation and repaint suspended, our events back on.
    expect(h.mock.stats.suspendCalc).toBeGreaterThan(0);
    expect(h.mock.stats.suspendScreen).toBeGreaterThan(0);
    expect(h.mock.enableEvents).toBe(true);
  });

  test('asks before replacing existing sheets, and writes nothing then', async () => {
    const h = await generated(seedPlan());
    const again = h.fresh();
    expect(await existingTrackingSheets(again.ctx)).toEqual([SHEET.main, SHEET.targets, SHEET.summary, SHEET.meta]);
    const before = h.mock.stats.valueWrites.length;
    const res = await generateTracking(again.ctx, seedPlan(), { caps: h.caps });
    expect(res.status).toBe('needs-confirmation');
    expect(res.status === 'needs-confirmation' && res.existing).toContain(SHEET.main);
    expect(h.mock.stats.valueWrites.length).toBe(before);
    expectAllLoaded(h.mock);
  });

  test('entered figures survive a regenerate, by indicator id', async () => {
    const plan = seedPlan();
    const h = await generated(plan);
    const ids = plan.items.flatMap((it) => it.indicators.map((d) => d.id));
    const a = ids[0];
    const b = ids[ids.length - 1];
    h.mock.type(SHEET.main, rowOf(plan, a), COL.h1, 1234);
    h.mock.type(SHEET.main, rowOf(plan, b), COL.annual, '8.5万');
    const again = h.fresh();
    const res = await generateTracking(again.ctx, plan, { caps: h.caps, replace: true });
    expect(res.status).toBe('written');
    expect(again.sync.mock.calls.length).toBeLessThanOrEqual(3);
    if (res.status !== 'written') return;
    expect(res.kept).toBe(2);
    expect(res.orphaned).toEqual([]);
    expect(h.mock.value(SHEET.main, rowOf(plan, a), COL.h1)).toBe(1234);
    expect(h.mock.value(SHEET.main, rowOf(plan, b), COL.annual)).toBe('8.5万');
    // Replaced, not duplicated.
    expect(h.mock.sheets.filter((s) => s.name.startsWith('~')).length).toBe(0);
    expect(h.mock.sheets.filter((s) => s.name === SHEET.main).length).toBe(1);
    expectAllLoaded(h.mock);
  });

  test('figures of indicators the new plan lacks are kept in the old sheet', async () => {
    const plan = syntheticPlan(20);
    const h = await generated(plan);
    h.mock.type(SHEET.main, rowOf(plan, '10.2'), COL.h1, 77);
    const smaller = syntheticPlan(10);
    const res = await generateTracking(h.fresh().ctx, smaller, { caps: h.caps, replace: true });
    expect(res.status === 'written' && res.orphaned.map((e) => e.id)).toEqual(['10.2']);
    expect(res.status === 'written' && res.keptSheets).toContain(`${SHEET.main}_旧`);
    const old = h.mock.sheet(`${SHEET.main}_旧`);
    expect(h.mock.cell(old, rowOf(plan, '10.2'), COL.h1)?.value).toBe(77);
  });

  test.each([20, 1000])('sync counts stay fixed at %i indicators', async (n) => {
    const plan = syntheticPlan(n);
    const h = harness();
    await generateTracking(h.ctx, plan, { caps: h.caps });
    expect(h.sync.mock.calls.length).toBeLessThanOrEqual(3);
    const re = h.fresh();
    await generateTracking(re.ctx, plan, { caps: h.caps, replace: true });
    expect(re.sync.mock.calls.length).toBeLessThanOrEqual(3);
    const chk = h.fresh();
    await checkTracking(chk.ctx, AS_OF, { caps: h.caps });
    expect(chk.sync.mock.calls.length).toBeLessThanOrEqual(2);
    expect(Math.max(...h.mock.stats.payloads)).toBeLessThan(5 * 1024 * 1024);
    expectAllLoaded(h.mock);
  });

  test('splits a write only past the payload limit, and loses nothing', async () => {
    const plan = syntheticPlan(400);
    const limit = 60 * 1024;
    const h = harness({ payloadLimit: limit });
    const res = await generateTracking(h.ctx, plan, { caps: h.caps, payloadLimit: limit });
    expect(res.status === 'written' && res.splits).toBeGreaterThan(0);
    expect(Math.max(...h.mock.stats.payloads)).toBeLessThanOrEqual(limit);
    const read = readTracking({
      sheets: [SHEET.main, SHEET.targets, SHEET.meta].map((name) => gridOf(h.mock, name)),
    });
    expect(read.indicators.length).toBe(400);
    expect(h.mock.sheet(SHEET.main).protected).toBe(true);
  });

  test('below the floor there is no degraded mode: the caps only ask about ExcelApi 1.20 (undo groups)', async () => {
    // ExcelApi 1.13 is the manifest's floor; everything the adapter writes with is in it.
    expect(harness({ apiMinor: 13 }).caps).toEqual({ undoGroups: false });
    expect(harness({ apiMinor: 20 }).caps).toEqual({ undoGroups: true });
  });
});

/** The mock's sheet as a grid (what a person would see), for core's reader. */
export function gridOf(mock: MockExcel, name: string) {
  const s = mock.sheet(name);
  const rows: (string | number | boolean | null)[][] = [];
  for (const [k, cell] of s.cells) {
    const [r, c] = k.split(',').map(Number);
    while (rows.length < r) rows.push([]);
    while (rows[r - 1].length < c) rows[r - 1].push(null);
    rows[r - 1][c - 1] = cell.value;
  }
  return { name, state: 'visible' as const, rows };
}

describe('check', () => {
  test('judges, highlights and writes 汇总 in 2 syncs; entries keep their values', async () => {
    const plan = syntheticPlan(20);
    const h = await generated(plan);
    const r1 = rowOf(plan, '1.1');
    const r2 = rowOf(plan, '2.1');
    h.mock.type(SHEET.main, r1, COL.h1, 1); // far below 50 → behind
    h.mock.type(SHEET.main, r2, COL.h1, 500); // above its H1 target
    const chk = h.fresh();
    const res = await checkTracking(chk.ctx, AS_OF, { caps: h.caps });
    expect(chk.sync.mock.calls.length).toBeLessThanOrEqual(2);
    expect(res.syncs).toBe(chk.sync.mock.calls.length);
    expectAllLoaded(h.mock);

    const j1 = res.judgements.find((j) => j.id === '1.1')!;
    const j2 = res.judgements.find((j) => j.id === '2.1')!;
    const status1 = String(h.mock.value(SHEET.main, r1, COL.status));
    expect(status1).toContain(
      {
        met: '已达标',
        'on-track': '按期推进',
        'at-risk': '进度滞后',
        shortfall: '未达标',
        missing: '未填报',
        'not-due': '未到期',
        invalid: '数据有误',
      }[j1.status],
    );
    expect(h.mock.cell(SHEET.main, r1, COL.status)!.format.fill).toBe(`#${STATUS_FILL[j1.status]}`);
    expect(h.mock.cell(SHEET.main, r2, COL.status)!.format.fill).toBe(`#${STATUS_FILL[j2.status]}`);
    expect(j1.status).not.toBe(j2.status);
    expect(String(h.mock.value(SHEET.main, r1, COL.note))).toBe(j1.message);
    expect(h.mock.value(SHEET.main, r1, COL.h1)).toBe(1);
    expect(h.mock.value(SHEET.main, r2, COL.h1)).toBe(500);
    expect(h.mock.sheet(SHEET.main).protected).toBe(true);
    const summary = [...h.mock.sheet(SHEET.summary).cells.values()].map((c) => String(c.value ?? '')).join('\n');
    expect(summary).toContain('截至');
    expect(res.bulletin).toContain('截至6月30日');
    expect(h.mock.sheet(SHEET.main).page.centerHeader).toContain('2023年6月30日');

    // A re-check replaces highlights instead of piling them up.
    h.mock.type(SHEET.main, r1, COL.h1, 500);
    const again = h.fresh();
    const res2 = await checkTracking(again.ctx, AS_OF, { caps: h.caps });
    const j1b = res2.judgements.find((j) => j.id === '1.1')!;
    expect(h.mock.cell(SHEET.main, r1, COL.status)!.format.fill).toBe(`#${STATUS_FILL[j1b.status]}`);
    expect(h.mock.sheets.filter((s) => s.name === SHEET.summary).length).toBe(1);
  });

  test('a workbook without the tracking sheet gives a Chinese error', async () => {
    const h = harness();
    await expect(checkTracking(h.ctx, AS_OF, { caps: h.caps })).rejects.toThrow(/没有“推进计划表”/);
  });
});

describe('pane helpers', () => {
  test('readEntries, selectIndicator, applyPrintSetup', async () => {
    const plan = syntheticPlan(20);
    const h = await generated(plan);
    h.mock.type(SHEET.main, rowOf(plan, '3.2'), COL.annual, 42);
    const e = h.fresh();
    const { read } = await readEntries(e.ctx);
    expect(e.sync.mock.calls.length).toBe(1);
    expect(read.entries.find((x) => x.id === '3.2')?.annual).toBe(42);

    const s = h.fresh();
    expect(await selectIndicator(s.ctx, '3.2')).toBe(true);
    expect(s.sync.mock.calls.length).toBe(2);
    const r = rowOf(plan, '3.2');
    expect(h.mock.stats.selected).toBe(`${SHEET.main}!H${r}:Q${r}`);
    expect(await selectIndicator(h.fresh().ctx, '99.9')).toBe(false);

    const p = h.fresh();
    const res = await applyPrintSetup(p.ctx, '2023-12-31', { caps: h.caps });
    expect(res.sheets).toEqual(expect.arrayContaining([SHEET.main, SHEET.targets]));
    expect(p.sync.mock.calls.length).toBeLessThanOrEqual(2);
    expect(h.mock.sheet(SHEET.main).page.centerHeader).toContain('2023年12月31日');
    expectAllLoaded(h.mock);
    void key;
  });
});

describe('打印 and other pane jobs', () => {
  test('preparePrint checks and sets up every sheet for printing in 2 syncs', async () => {
    const plan = syntheticPlan(20);
    const h = await generated(plan);
    // Someone changed the page setup by hand; 打印 puts it back.
    h.mock.sheet(SHEET.main).page.orientation = 'Portrait';
    const p = h.fresh();
    const res = await preparePrint(p.ctx, '2023-12-31', { caps: h.caps });
    expect(p.sync.mock.calls.length).toBeLessThanOrEqual(2);
    expect(res.bulletin).toContain('截至12月31日');
    const main = h.mock.sheet(SHEET.main);
    expect(main.page.orientation).toBe('Landscape');
    expect(main.page.centerHeader).toContain('2023年12月31日');
    expect(h.mock.sheet(SHEET.summary).page.orientation).toBe('Landscape');
    expect(h.mock.sheet(SHEET.targets).page.paperSize).toBe('A4');
    expectAllLoaded(h.mock);
  });

  test('readActiveSheet returns the pasted table as a grid', async () => {
    const h = harness();
    h.mock.type('Sheet1', 3, 2, '序号');
    h.mock.type('Sheet1', 3, 3, '事项名称');
    h.mock.type('Sheet1', 4, 2, 1);
    h.mock.type('Sheet1', 4, 3, '妇女就业');
    const g = await readActiveSheet(h.ctx);
    expect(h.sync.mock.calls.length).toBe(1);
    expect(g.name).toBe('Sheet1');
    expect(g.rows[2]).toEqual([null, '序号', '事项名称']);
    expect(g.rows[3]).toEqual([null, 1, '妇女就业']);
    expectAllLoaded(h.mock);
  });

  test('openAsNewWorkbook uses Excel.createWorkbook, and says false without an Excel', async () => {
    const g = globalThis as unknown as { Excel?: unknown };
    const createWorkbook = jest.fn().mockResolvedValue(undefined);
    expect(await openAsNewWorkbook('UEsDBA==')).toBe(false);
    g.Excel = { createWorkbook };
    try {
      expect(await openAsNewWorkbook('UEsDBA==')).toBe(true);
      expect(createWorkbook).toHaveBeenCalledWith('UEsDBA==');
    } finally {
      delete g.Excel;
    }
  });

  test('progress is reported through each phase', async () => {
    const h = harness();
    const notes: string[] = [];
    await generateTracking(h.ctx, syntheticPlan(20), { caps: h.caps, progress: (n) => notes.push(n) });
    expect(notes.length).toBeGreaterThanOrEqual(2);
  });
});

describe('big workbooks', () => {
  test('a read too big for one response falls back to row blocks and still judges everything', async () => {
    const plan = syntheticPlan(400);
    const h = harness({ responseLimit: 80 * 1024 });
    await generateTracking(h.ctx, plan, { caps: h.caps });
    h.mock.type(SHEET.main, rowOf(plan, '150.1'), COL.h1, 5);
    const chk = h.fresh();
    const res = await checkTracking(chk.ctx, AS_OF, { caps: h.caps, payloadLimit: 80 * 1024 });
    expect(res.judgements).toHaveLength(400);
    expect(res.judgements.find((j) => j.id === '150.1')!.h1Actual).toBe(5);
    // More syncs than the normal 2, only because the response limit forced it.
    expect(chk.sync.mock.calls.length).toBeGreaterThan(2);
    expect(res.syncs).toBe(chk.sync.mock.calls.length);
    expect(String(h.mock.value(SHEET.main, rowOf(plan, '150.1'), COL.status))).not.toBe('');
    expect(h.mock.active?.name).toBe(SHEET.main);
    expectAllLoaded(h.mock);
  });
});

test('an unreadable sheet named 推进计划表 is kept aside, not deleted', async () => {
  const h = harness();
  h.mock.addSheet(SHEET.main);
  h.mock.type(SHEET.main, 1, 1, '我自己的表格');
  const res = await generateTracking(h.ctx, syntheticPlan(20), { caps: h.caps, replace: true });
  expect(res.status === 'written' && res.keptSheets).toEqual([`${SHEET.main}_旧`]);
  expect(h.mock.value(`${SHEET.main}_旧`, 1, 1)).toBe('我自己的表格');
  expect(h.sync.mock.calls.length).toBeLessThanOrEqual(3);
});

test("page breaks: generate writes the layout's, a check replaces them using the row heights it read", async () => {
  const plan = syntheticPlan(200);
  const layout = buildTrackingLayout(plan, { asOf: AS_OF });
  const expected = layout.sheets.find((s) => s.name === SHEET.main)!.rowBreaks ?? [];
  expect(expected.length).toBeGreaterThan(0);
  const h = await generated(plan);
  expect(h.mock.sheet(SHEET.main).rowBreaks).toEqual(expected);
  const chk = h.fresh();
  await checkTracking(chk.ctx, AS_OF, { caps: h.caps });
  const after = h.mock.sheet(SHEET.main).rowBreaks;
  expect(after.length).toBeGreaterThan(0);
  // Replaced, not appended to.
  expect(new Set(after).size).toBe(after.length);
  // 说明 rows were raised where the text needs it, never lowered.
  const heights = h.mock.sheet(SHEET.main).rowHeights;
  const layoutHeights = layout.sheets.find((s) => s.name === SHEET.main)!.rowHeights;
  for (const [r, hgt] of Object.entries(layoutHeights)) expect(heights.get(Number(r))).toBeGreaterThanOrEqual(hgt);
  expect(chk.sync.mock.calls.length).toBeLessThanOrEqual(2);
  expectAllLoaded(h.mock);
});
