import { harness, expectAllLoaded } from './harness';
import { syntheticPlan } from './fixtures';
import { applyConsolidation, generateTracking, previewConsolidation } from '../../src/adapters/office/tracking';
import { layoutGrid } from '../../src/core/layout/grid';
import { buildReturnLayout, RETURN_COL, RETURN_SHEET } from '../../src/core/returns/layout';
import { buildTrackingLayout, planIdentity } from '../../src/core/tracking/layout';
import { readTracking } from '../../src/core/tracking/read';
import { COL, SHEET } from '../../src/core/tracking/sheet';
import { LOG_SHEET } from '../../src/core/consolidate/log';
import type { ReturnInput } from '../../src/core/consolidate/consolidate';
import type { Plan } from '../../src/core/model';
import type { WorkbookGrid } from '../../src/core/layout/types';

const ROUND = '2023年上半年';
const TIME = '2023-07-05 09:30';

function planWithSharedItem(n: number): Plan {
  const plan = syntheticPlan(n);
  plan.items[0].leadUnits = ['市妇联', '市教育局'];
  return plan;
}

/** A lead unit's return form as a grid, with figures typed in by indicator id. */
function filledReturn(
  plan: Plan,
  unit: string,
  figures: Record<string, { h1?: unknown; annual?: unknown }>,
): ReturnInput {
  const { planId, planHash } = planIdentity(plan);
  const layout = buildReturnLayout(plan, unit, { planId, planHash, round: ROUND, createdAt: '2023-06-20T08:00:00Z' });
  const grid: WorkbookGrid = layoutGrid(layout);
  const sheet = grid.sheets.find((s) => s.name === RETURN_SHEET)!;
  for (const [id, v] of Object.entries(figures)) {
    const row = sheet.rows.find((r) => r[RETURN_COL.id - 1] === id);
    if (!row) throw new Error(`no row for ${id} in ${unit}'s form`);
    while (row.length < RETURN_COL.annual) row.push(null);
    if (v.h1 !== undefined) row[RETURN_COL.h1 - 1] = v.h1 as number;
    if (v.annual !== undefined) row[RETURN_COL.annual - 1] = v.annual as number;
  }
  return { file: `${unit}.xlsx`, grid };
}

async function master(plan: Plan) {
  const h = harness();
  await generateTracking(h.ctx, plan, { caps: h.caps });
  return h;
}

const rowsOf = (plan: Plan) => readTracking(layoutGrid(buildTrackingLayout(plan))).positions.rows;

test('preview reads only; apply writes figures, 日志 and the re-check within 4 syncs', async () => {
  const plan = planWithSharedItem(20);
  const rows = rowsOf(plan);
  const h = await master(plan);
  const inputs: ReturnInput[] = [
    filledReturn(plan, '市妇联', { '1.1': { h1: 60 }, '6.1': { h1: 300 } }),
    filledReturn(plan, '市教育局', { '1.1': { h1: 55 }, '2.1': { h1: 150 } }),
    { file: '坏文件.xlsx', error: '不是有效的 xlsx 文件' },
  ];

  const pv = h.fresh();
  const before = h.mock.stats.valueWrites.length;
  const preview = await previewConsolidation(pv.ctx, inputs, { time: TIME });
  expect(pv.sync.mock.calls.length).toBeLessThanOrEqual(2);
  expect(h.mock.stats.valueWrites.length).toBe(before);
  expect(preview.report.conflicts.map((c) => c.id)).toEqual(['1.1']);
  expect(preview.report.rejected.map((r) => r.file)).toEqual(['坏文件.xlsx']);
  expect(preview.report.missingUnits.length).toBeGreaterThan(0);

  const ap = h.fresh();
  const res = await applyConsolidation(ap.ctx, inputs, { time: TIME, asOf: '2023-06-30', caps: h.caps });
  expect(ap.sync.mock.calls.length).toBeLessThanOrEqual(4);
  expect(res.syncs).toBe(ap.sync.mock.calls.length);
  expect(res.report.applied).toBe(preview.report.applied);
  // The unit listed first in 牵头单位 wins the conflict.
  expect(h.mock.value(SHEET.main, rows['1.1'], COL.h1)).toBe(60);
  expect(h.mock.value(SHEET.main, rows['6.1'], COL.h1)).toBe(300);
  expect(h.mock.value(SHEET.main, rows['2.1'], COL.h1)).toBe(150);
  expect(h.mock.sheets.map((s) => s.name)).toContain(LOG_SHEET);
  // Judged on the merged figures, in the same write.
  const j = res.check!.judgements.find((x) => x.id === '6.1')!;
  expect(String(h.mock.value(SHEET.main, rows['6.1'], COL.status))).toContain(
    {
      met: '已达标',
      'on-track': '按期推进',
      'at-risk': '进度滞后',
      shortfall: '未达标',
      missing: '未填报',
      'not-due': '未到期',
      invalid: '数据有误',
    }[j.status],
  );
  expect(h.mock.sheet(SHEET.main).protected).toBe(true);
  expectAllLoaded(h.mock);
});

test('apply stays within 4 syncs at 1,000 indicators', async () => {
  const plan = planWithSharedItem(1000);
  const h = await master(plan);
  const inputs = [
    filledReturn(plan, '市妇联', { '1.1': { h1: 1 } }),
    filledReturn(plan, '市卫健委', { '3.1': { annual: 9 } }),
  ];
  const ap = h.fresh();
  const res = await applyConsolidation(ap.ctx, inputs, { time: TIME, asOf: '2023-12-31', caps: h.caps });
  expect(ap.sync.mock.calls.length).toBeLessThanOrEqual(4);
  expect(res.report.applied).toBe(2);
  expectAllLoaded(h.mock);
});
