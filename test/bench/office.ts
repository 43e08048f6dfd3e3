// Bench: context.sync() calls per Office.js job at 20 / 1,000 / 10,000 indicators, on the mock Excel
// (office-addin-mock underneath) with Excel on the web's 5 MB request limit enforced.
/// <reference types="office-js" />
import { MockExcel } from '../office/mockExcel';
import { syntheticPlan } from '../office/fixtures';
import { applyConsolidation, checkTracking, generateTracking } from '../../src/adapters/office/tracking';
import { layoutGrid } from '../../src/core/layout/grid';
import { detectCaps } from '../../src/adapters/office/caps';
import { buildReturnLayout, RETURN_COL, RETURN_SHEET } from '../../src/core/returns/layout';
import { planIdentity } from '../../src/core/tracking/layout';
import { leadUnitsOf } from '../../src/core/returns/units';
import type { ReturnInput } from '../../src/core/consolidate/consolidate';
import type { Plan } from '../../src/core/model';

const SIZES = [20, 1_000, 10_000];

/** One return per lead unit, every indicator's 上半年完成 filled in. */
function returns(plan: Plan): ReturnInput[] {
  const { planId, planHash } = planIdentity(plan);
  return leadUnitsOf(plan).map((unit) => {
    const grid = layoutGrid(
      buildReturnLayout(plan, unit, { planId, planHash, round: '2023年上半年', createdAt: '2023-06-20T08:00:00Z' }),
    );
    const sheet = grid.sheets.find((s) => s.name === RETURN_SHEET);
    for (const row of sheet?.rows ?? []) {
      if (!/^\d+\.\d+$/.test(String(row[RETURN_COL.id - 1] ?? ''))) continue;
      while (row.length < RETURN_COL.h1) row.push(null);
      row[RETURN_COL.h1 - 1] = 10;
    }
    return { file: `${unit}.xlsx`, grid };
  });
}

interface Measure {
  syncs: number;
  maxPayload: number;
  ms: number;
}

async function measure(mock: MockExcel, job: (ctx: Excel.RequestContext) => Promise<unknown>): Promise<Measure> {
  const before = mock.stats.syncs;
  const firstPayload = mock.stats.payloads.length;
  const ctx = mock.context() as unknown as Excel.RequestContext;
  const t0 = process.hrtime.bigint();
  await job(ctx);
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const payloads = mock.stats.payloads.slice(firstPayload);
  return { syncs: mock.stats.syncs - before, maxPayload: Math.max(0, ...payloads), ms };
}

const mb = (n: number) => (n / 1024 / 1024).toFixed(2);

export async function run(): Promise<string[]> {
  const lines = [
    'office: context.sync() calls per job on the mock Excel (limit 5 MB per request; allowed: generate ≤3, check ≤2, consolidation apply ≤4)',
  ];
  lines.push(
    'office: indicators | generate | regenerate | check | consolidate+check | largest request MB | unloaded reads',
  );
  for (const n of SIZES) {
    const plan = syntheticPlan(n);
    const mock = new MockExcel();
    mock.addSheet('Sheet1');
    const caps = detectCaps(mock.isSetSupported);
    const gen = await measure(mock, (ctx) => generateTracking(ctx, plan, { caps, asOf: '2023-06-30' }));
    const regen = await measure(mock, (ctx) => generateTracking(ctx, plan, { caps, replace: true }));
    const check = await measure(mock, (ctx) => checkTracking(ctx, '2023-06-30', { caps }));
    const inputs = returns(plan);
    const cons = await measure(mock, (ctx) =>
      applyConsolidation(ctx, inputs, { time: '2023-07-05 09:30', asOf: '2023-06-30', caps }),
    );
    const largest = Math.max(gen.maxPayload, regen.maxPayload, check.maxPayload, cons.maxPayload);
    const ms = (m: Measure) => `${m.syncs} (${Math.round(m.ms)} ms mock)`;
    lines.push(
      `office: ${String(n).padStart(6)} | ${ms(gen)} | ${ms(regen)} | ${ms(check)} | ${ms(cons)} | ${mb(largest)} | ${mock.stats.unloadedReads.length}`,
    );
  }
  return lines;
}
