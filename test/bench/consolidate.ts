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
      review: null,
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
    const layout = buildReturnLayout(source.plan, unit, {
      planId: source.planId,
      planHash: source.planHash,
      round: '2023年上半年',
      createdAt: '2023-07-01 08:00:00',
    });
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

interface Took {
  wall: number;
  cpu: number;
}

/** Wall-clock and CPU time (user + system) of `fn`, in ms. CPU time is steadier on a shared machine. */
async function took(fn: () => Promise<unknown>): Promise<Took> {
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  await fn();
  const c = process.cpuUsage(c0);
  return { wall: Number(process.hrtime.bigint() - t0) / 1e6, cpu: (c.user + c.system) / 1000 };
}

export async function run(): Promise<string[]> {
  const plan = syntheticPlan();
  const master = await writeWorkbook(buildTrackingLayout(plan));
  const returns = await filledReturns(plan);
  const masterGrid = (await loadMaster(master)).grid;

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
  const check = (report: { rejected: unknown[]; accepted: unknown[]; applied: number }) => {
    if (report.rejected.length || report.accepted.length !== UNITS)
      throw new Error('bench returns were not all accepted');
    applied = report.applied;
  };
  /** What consolidation adds on the returns' side: read, validate, decide (master grid already at hand). */
  const returnsSide = async () => {
    const inputs = await readReturnFiles(returns);
    check(consolidateGrids(masterGrid, inputs, { time: '2023-07-05 09:00:00' }).report);
  };
  /** The whole command: load the master, read the returns, decide, apply, serialise. */
  const whole = async () => {
    const loaded = await loadMaster(master);
    const inputs = await readReturnFiles(returns);
    const { report, patch } = consolidateGrids(loaded.grid, inputs, { time: '2023-07-05 09:00:00' });
    check(report);
    await loaded.apply(patch);
  };

  await plain(); // warm-up
  const runs: Record<'plain' | 'returnsSide' | 'plainWithMaster' | 'whole', Took[]> = {
    plain: [],
    returnsSide: [],
    plainWithMaster: [],
    whole: [],
  };
  for (let i = 0; i < 5; i++) {
    runs.plain.push(await took(plain));
    runs.returnsSide.push(await took(returnsSide));
    runs.plainWithMaster.push(await took(plainWithMaster));
    runs.whole.push(await took(whole));
  }
  const best = (k: keyof typeof runs, m: keyof Took) => Math.min(...runs[k].map((t) => t[m]));
  const f = (n: number) => `${n.toFixed(0)} ms`;
  const line = (label: string, a: keyof typeof runs, b: keyof typeof runs, goal: string) =>
    `  ${label}: ${f(best(a, 'cpu'))} vs ${f(best(b, 'cpu'))} CPU = ${(best(a, 'cpu') / best(b, 'cpu')).toFixed(2)}×` +
    ` (wall ${f(best(a, 'wall'))} vs ${f(best(b, 'wall'))} = ${(best(a, 'wall') / best(b, 'wall')).toFixed(2)}×)${goal}`;
  return [
    `consolidate: ${UNITS} returns × ${PER_UNIT} indicators into a ${UNITS * PER_UNIT}-indicator master (${applied} cells applied), best of 5:`,
    line(
      'returns read + validated + decided, vs plain ExcelJS reading the same 100 files',
      'returnsSide',
      'plain',
      ' (goal ≤ 1.5×)',
    ),
    line(
      'whole command (master load, returns, patch, save) vs plain ExcelJS reading the 100 files + loading and saving the master',
      'whole',
      'plainWithMaster',
      '',
    ),
    `  whole command vs plain ExcelJS reading only the 100 files: ${(best('whole', 'cpu') / best('plain', 'cpu')).toFixed(2)}× CPU`,
  ];
}
