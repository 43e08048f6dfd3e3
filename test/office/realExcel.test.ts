// The adapter against what real Excel does (the stricter double): one protect per sheet at the end of a batch,
// unprotect only what is protected, no half-written workbook after a failure, text that stays text, and
// fixed sync counts at 1,000 indicators.
import { harness } from './harness';
import { syntheticPlan } from './fixtures';
import { applyConsolidation, checkTracking, generateTracking, preparePrint } from '../../src/adapters/office/tracking';
import { toExcelValue, CELL_TEXT_LIMIT } from '../../src/adapters/office/render';
import { explainOfficeError, takeSwallowed } from '../../src/adapters/office/errors';
import { excelCoerce, type MockExcel } from './mockExcel';
import { layoutGrid } from '../../src/core/layout/grid';
import { buildTrackingLayout } from '../../src/core/tracking/layout';
import { readTracking } from '../../src/core/tracking/read';
import { COL, SHEET } from '../../src/core/tracking/sheet';
import type { Plan } from '../../src/core/model';
import * as fc from 'fast-check';

const AS_OF = '2023-06-30';
const rowsOf = (plan: Plan) => readTracking(layoutGrid(buildTrackingLayout(plan))).positions.rows;

/** protect()/unprotect() calls per sheet since `from`. */
function calls(mock: MockExcel, from: number): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [sheet, call] of mock.stats.protection.slice(from)) (out[sheet] ??= []).push(call);
  return out;
}

describe('protection: open once, write everything, protect once at the end', () => {
  test('打印 (check + page setup + breaks + heights) writes nothing to a protected sheet and protects each sheet once', async () => {
    const plan = syntheticPlan(40);
    const h = harness();
    await generateTracking(h.ctx, plan, { caps: h.caps, asOf: AS_OF });
    h.mock.type(SHEET.main, rowsOf(plan)['2.1'], COL.annual, 3);
    const from = h.mock.stats.protection.length;
    // The strict double refuses page setup, breaks and row heights on a protected sheet (default switch).
    const res = await preparePrint(h.fresh().ctx, '2023-12-31', { caps: h.caps });
    expect(res.judgements).toHaveLength(40);
    const perSheet = calls(h.mock, from);
    expect(perSheet[SHEET.main]).toEqual(['unprotect', 'protect']);
    for (const [, seq] of Object.entries(perSheet))
      expect(seq.filter((c) => c === 'protect').length).toBeLessThanOrEqual(1);
    expect(h.mock.sheet(SHEET.main).protected).toBe(true);
    expect(h.mock.sheet(SHEET.main).page.orientation).toBe('Landscape');
    // The last thing in the write is the protect: nothing was written to the sheet after it.
    const protectIndex = h.mock.stats.protection.length;
    expect(protectIndex).toBeGreaterThan(from);
  });

  test('unprotect() only on sheets that are protected (office-js #6784: it throws on unprotected ones)', async () => {
    const plan = syntheticPlan(20);
    const h = harness({ unprotectUnprotected: 'throw' });
    await generateTracking(h.ctx, plan, { caps: h.caps, asOf: AS_OF });
    // Someone unprotected the main sheet by hand; 汇总 is never protected.
    h.mock.sheet(SHEET.main).protected = false;
    const from = h.mock.stats.protection.length;
    await checkTracking(h.fresh().ctx, AS_OF, { caps: h.caps });
    await generateTracking(h.fresh().ctx, plan, { caps: h.caps, asOf: AS_OF, replace: true });
    const perSheet = calls(h.mock, from);
    expect(perSheet[SHEET.summary] ?? []).not.toContain('unprotect');
    expect(perSheet[SHEET.main]).not.toContain('unprotect');
  });
});

describe('a write that fails half-way', () => {
  test('removes the half-written sheets and renames the old ones back: no ~ sheets, figures intact', async () => {
    const plan = syntheticPlan(20);
    const h = harness();
    await generateTracking(h.ctx, plan, { caps: h.caps, asOf: AS_OF });
    const r = rowsOf(plan)['3.1'];
    h.mock.type(SHEET.main, r, COL.annual, 123);
    const before = h.mock.sheets.map((s) => [s.name, s.visibility, s.protected]);
    // Fails after the old sheets were renamed aside and the new ones added and partly written.
    h.mock.failOn.push({ label: 'merge', code: 'GeneralException', after: 3 });
    const err = await generateTracking(h.fresh().ctx, plan, { caps: h.caps, asOf: AS_OF, replace: true }).catch(
      (e: unknown) => e,
    );
    expect((err as { code?: string }).code).toBe('GeneralException');
    expect(h.mock.sheets.map((s) => [s.name, s.visibility, s.protected])).toEqual(before);
    expect(h.mock.sheets.some((s) => s.name.startsWith('~'))).toBe(false);
    expect(h.mock.value(SHEET.main, r, COL.annual)).toBe(123);
    expect(h.mock.enableEvents).toBe(true);
    expect(explainOfficeError(err)).not.toContain('原有数据仍在');
  });

  test('if even the cleanup fails, the message names the sheet that holds the old data', async () => {
    const plan = syntheticPlan(20);
    const h = harness();
    await generateTracking(h.ctx, plan, { caps: h.caps, asOf: AS_OF });
    h.mock.failOn.push(
      { label: 'merge', code: 'GeneralException', after: 3 },
      { label: 'getItem', code: 'GeneralException' },
    );
    const err = await generateTracking(h.fresh().ctx, plan, { caps: h.caps, asOf: AS_OF, replace: true }).catch(
      (e: unknown) => e,
    );
    const aside = h.mock.sheets.filter((s) => s.name.startsWith('~')).map((s) => s.name);
    expect(aside.length).toBeGreaterThan(0);
    const msg = explainOfficeError(err);
    expect(msg).toContain('Excel 暂时无法完成操作');
    for (const name of aside) expect(msg).toContain(`工作表“${name}”`);
    expect(msg).toContain(`（原“${SHEET.main}”）`);
    // Owned up to: the cleanup's own failure was deliberately let go.
    expect(takeSwallowed().map((s) => s.where)).toEqual(['recover']);
  });

  test('a check that fails leaves the main sheet protected as it was', async () => {
    const plan = syntheticPlan(20);
    const h = harness();
    await generateTracking(h.ctx, plan, { caps: h.caps, asOf: AS_OF });
    h.mock.failOn.push({ label: 'pageBreak', code: 'AccessDenied' });
    await expect(checkTracking(h.fresh().ctx, AS_OF, { caps: h.caps })).rejects.toMatchObject({ code: 'AccessDenied' });
    expect(h.mock.sheet(SHEET.main).protected).toBe(true);
    expect(h.mock.sheets.some((s) => s.name.startsWith('~'))).toBe(false);
  });
});

describe('text stays text', () => {
  const tricky = [
    "'引号开头",
    "''",
    '(123)',
    '（123）',
    '#N/A',
    '#div/0!',
    'Jun 30',
    '30-Jun',
    'June 30, 2023',
    '１２３',
    '２０２３年６月３０日',
    '6月30日',
    '+86 535',
    '-',
    '=1+1',
    '@user',
    'TRUE',
    '1,234',
    '50%',
    '1e5',
    '12:30',
    '¥100',
    '完成“两癌”检查 22 万人',
    '不少于20场次',
    '控制在15/10万以内',
  ];
  for (const s of tricky)
    test(JSON.stringify(s), () => {
      const out = excelCoerce(toExcelValue(s));
      expect(out.value).toBe(s);
      expect(out.typed).toBeUndefined();
    });

  test('any string Excel would parse is written so it reads back unchanged (property)', () => {
    const pieces = fc.constantFrom(
      '1',
      '2',
      '0',
      '３',
      '.',
      ',',
      '-',
      '+',
      '(',
      ')',
      '%',
      '/',
      ':',
      ' ',
      'e',
      'Jun',
      'may',
      '#N/A',
      "'",
      '=',
      '年',
      '月',
      '日',
      '万',
      '人',
      'TRUE',
      '¥',
      '$',
    );
    fc.assert(
      fc.property(fc.array(pieces, { minLength: 1, maxLength: 6 }), (parts) => {
        const s = parts.join('');
        const out = excelCoerce(toExcelValue(s));
        return out.value === (s === '' ? null : s) && out.typed === undefined;
      }),
      { numRuns: 2000 },
    );
  });

  test('text over 32,767 characters is cut with an ellipsis instead of failing the whole write', async () => {
    const long = '长'.repeat(40000);
    const v = toExcelValue(long) as string;
    expect(v.length).toBe(CELL_TEXT_LIMIT);
    expect(v.endsWith('…')).toBe(true);
    const plan = syntheticPlan(4);
    plan.items[0].summary = long;
    const h = harness();
    await generateTracking(h.ctx, plan, { caps: h.caps, asOf: AS_OF });
    const cells = [...h.mock.sheet(SHEET.main).cells.values()].map((c) => String(c.value ?? ''));
    expect(cells.some((c) => c.length === CELL_TEXT_LIMIT && c.endsWith('…'))).toBe(true);
  });

  test('plan texts of every awkward shape come back from the workbook unchanged', async () => {
    const plan = syntheticPlan(4);
    plan.items[0].name = "'（123）项";
    plan.items[1].name = '#N/A';
    plan.items[0].summary = 'Jun 30';
    plan.items[1].summary = '(123)';
    const h = harness();
    await generateTracking(h.ctx, plan, { caps: h.caps, asOf: AS_OF });
    const values = [...h.mock.sheet(SHEET.main).cells.values()];
    for (const text of ["'（123）项", '#N/A', 'Jun 30', '(123)'])
      expect(values.some((c) => c.value === text && c.typed === undefined)).toBe(true);
  });
});

describe('sync counts at 1,000 indicators (stricter double)', () => {
  test('generate ≤ 3 (replacing), check ≤ 2, consolidation apply ≤ 4 elsewhere', async () => {
    const plan = syntheticPlan(1000);
    const h = harness();
    const first = await generateTracking(h.ctx, plan, { caps: h.caps, asOf: AS_OF });
    expect(first.status === 'written' && first.syncs).toBeLessThanOrEqual(3);
    const g = h.fresh();
    const again = await generateTracking(g.ctx, plan, { caps: h.caps, asOf: AS_OF, replace: true });
    expect(again.status).toBe('written');
    expect(g.sync.mock.calls.length).toBeLessThanOrEqual(3);
    const c = h.fresh();
    const res = await checkTracking(c.ctx, AS_OF, { caps: h.caps });
    expect(res.judgements).toHaveLength(1000);
    expect(c.sync.mock.calls.length).toBeLessThanOrEqual(2);
    const p = h.fresh();
    await preparePrint(p.ctx, AS_OF, { caps: h.caps });
    expect(p.sync.mock.calls.length).toBeLessThanOrEqual(2);
    void applyConsolidation;
  });
});

test('打印 notices when Excel drops "fit to one page wide" (office-js #1860), in the same syncs', async () => {
  const plan = syntheticPlan(20);
  const ok = harness();
  await generateTracking(ok.ctx, plan, { caps: ok.caps, asOf: AS_OF });
  const p1 = ok.fresh();
  expect((await preparePrint(p1.ctx, AS_OF, { caps: ok.caps })).fitNotApplied).toEqual([]);
  expect(p1.sync.mock.calls.length).toBeLessThanOrEqual(2);
  const quirky = harness({ fitToPagesDropped: true });
  await generateTracking(quirky.ctx, plan, { caps: quirky.caps, asOf: AS_OF });
  const p2 = quirky.fresh();
  const res = await preparePrint(p2.ctx, AS_OF, { caps: quirky.caps });
  expect(res.fitNotApplied).toContain(SHEET.main);
  expect(p2.sync.mock.calls.length).toBeLessThanOrEqual(2);
});
