// Bench: consolidating 100 returns of 50 indicators each, against plain ExcelJS reading the same 100 files.
import * as ExcelJS from 'exceljs';
import type { Indicator, Plan } from '../../src/core/model';
import { buildTrackingLayout } from '../../src/core/tracking/layout';
import { buildReturnLayout, RETURN_COL } from '../../src/core/returns/layout';
import { returnSourceFromPlan } from '../../src/core/returns/source';
import { consolidateGrids } from '../../src/core/consolidate';
import { writeWorkbook } from '../../src/adapters/exceljs/render';
import { loadMaster, readReturnFiles, type ReturnFile } from '../../src/adapters/exceljs/consolidate';

const UNITS = 100;
const PER_UNIT = 50;

/** 100 items, one lead unit each, 50 additive indicators per item. */
export function syntheticPlan(): Plan {
  const items = Array.from({ length: UNITS }, (_, i) => {
    const no = i + 1;
    const indicators: Indicator[] = Array.from({ length: PER_UNIT }, (_, k) => ({
      id: `${no}.${k + 1}`,
      item: no,
      label: `第${no}项指标${k + 1}`,
      unit: '人',
      kind: 'count',
      comparator: '>=',
      annual: 1000 * (k + 1),
      h1: 500 * (k + 1),
      h2: 500 * (k + 1),
      deadline: null,
      per: null,
      source: `完成${1000 * (k + 1)}人`,
    }));
    return {
      no,
      name: `重要事项${no}`,
      summary: '',
      annualGoal: '',
      h1Plan: '',
      h2Plan: '',
      leadUnits: [`单位${String(no).padStart(3, '0')}`],
      indicators,
    };
  });
  return { title: '基准测试2023年重要事项推进计划表', year: 2023, items, warnings: [] };
}

async function filledReturns(plan: Plan): Promise<ReturnFile[]> {
  const source = returnSourceFromPlan(plan);
  const files: ReturnFile[] = [];
  for (const item of plan.items) {
    const unit = item.leadUnits[0];
    const layout = buildReturnLayout(source.plan, unit, { planId: source.planId, planHash: source.planHash, round: '2023年上半年', createdAt: '2023-07-01 08:00:00' });
    for (const cell of layout.sheets[0].cells) {
      if (cell.r < 4 || cell.r >= 4 + PER_UNIT) continue;
      if (cell.c === RETURN_COL.h1) cell.value = 480 * (cell.r - 3);
      if (cell.c === RETURN_COL.annual) cell.value = 900 * (cell.r - 3);
      if (cell.c === RETURN_COL.progress && cell.r % 5 === 0) cell.value = '按计划推进，已完成阶段任务';
    }
    files.push({ file: `${unit}.xlsx`, data: await writeWorkbook(layout) });
  }
  return files;
}

async function ms(fn: () => Promise<unknown>): Promise<number> {
  const t0 = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

export async function run(): Promise<string[]> {
  const plan = syntheticPlan();
  const master = await writeWorkbook(buildTrackingLayout(plan));
  const returns = await filledReturns(plan);

  const plain = async () => {
    for (const f of returns) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(f.data as unknown as ArrayBuffer);
    }
  };
  const plainWithMaster = async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(master as unknown as ArrayBuffer);
    await plain();
    await wb.xlsx.writeBuffer();
  };
  let applied = 0;
  let returnsMs = 0;
  let readMs = 0;
  const ours = async () => {
    const loaded = await loadMaster(master);
    const t0 = process.hrtime.bigint();
    const inputs = await readReturnFiles(returns);
    readMs = Number(process.hrtime.bigint() - t0) / 1e6;
    const { report, patch } = consolidateGrids(loaded.grid, inputs, { time: '2023-07-05 09:00:00' });
    returnsMs = Number(process.hrtime.bigint() - t0) / 1e6;
    if (report.rejected.length || report.accepted.length !== UNITS) throw new Error(`bench returns not accepted: ${report.rejected[0]?.reason}`);
    applied = report.applied;
    await loaded.apply(patch);
  };

  await plain(); // warm-up
  const best = { plain: Infinity, plainMaster: Infinity, ours: Infinity, returns: Infinity, read: Infinity };
  for (let i = 0; i < 5; i++) {
    best.plain = Math.min(best.plain, await ms(plain));
    best.plainMaster = Math.min(best.plainMaster, await ms(plainWithMaster));
    best.ours = Math.min(best.ours, await ms(ours));
    best.returns = Math.min(best.returns, returnsMs);
    best.read = Math.min(best.read, readMs);
  }
  const f = (n: number) => `${n.toFixed(0)} ms`;
  return [
    `consolidate: ${UNITS} returns × ${PER_UNIT} indicators into a ${UNITS * PER_UNIT}-indicator master (${applied} cells applied), best of 5 (interleaved):`,
    `  reading + checking the returns ${f(best.returns)} vs plain ExcelJS reading them ${f(best.plain)}: ratio ${(best.returns / best.plain).toFixed(2)}× (goal ≤ 1.5×); of which reading ${f(best.read)}, rules ${f(best.returns - best.read)}`,
    `  whole run incl. master load, patch, save ${f(best.ours)} vs plain ExcelJS reading the 100 returns ${f(best.plain)}: ${(best.ours / best.plain).toFixed(2)}×; ` +
      `vs plain ExcelJS reading them plus loading and saving the master ${f(best.plainMaster)}: ${(best.ours / best.plainMaster).toFixed(2)}×`,
  ];
}
