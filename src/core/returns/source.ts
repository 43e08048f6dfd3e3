// Where return forms come from: a parsed plan, or the master tracking workbook (whose 指标 sheet may
// carry corrected targets and whose hidden sheet fixes the plan id/hash the returns must match).
import type { WorkbookGrid } from '../layout/types';
import { InputError, type EntryValue, type Plan } from '../model';
import { planIdentity } from '../tracking/layout';
import { readTracking } from '../tracking/read';
import type { ReturnPlan } from './units';
import { defaultPeriod } from '../period';

export interface ReturnSource {
  plan: ReturnPlan;
  planId: string;
  planHash: string;
}

export function returnSourceFromPlan(plan: Plan): ReturnSource {
  return { plan, ...planIdentity(plan) };
}

export function returnSourceFromTracking(grid: WorkbookGrid): ReturnSource {
  const read = readTracking(grid);
  const { planId, planHash, year, title } = read.meta;
  if (!planId || !planHash || year === null) {
    throw new InputError(
      'the workbook has no plan id/hash/year in its hidden sheet; regenerate it with tuijin generate',
      undefined,
      '工作簿缺少计划标识（隐藏的计划信息表被删除或清空），请重新生成推进表',
    );
  }
  const byId = new Map(read.indicators.map((ind) => [ind.id, ind]));
  const items = read.items.map((it) => ({
    no: it.no,
    name: it.name,
    leadUnits: it.leadUnits,
    indicators: it.indicators.map((id) => byId.get(id)!).filter(Boolean),
  }));
  const h1Known: Record<string, EntryValue> = {};
  for (const e of read.entries)
    if (e.h1 !== null && e.h1 !== '') h1Known[e.id] = e.h1Percent && typeof e.h1 === 'number' ? e.h1 * 100 : e.h1;
  return { plan: { year, title: title ?? '', items, h1Known }, planId, planHash };
}

/** Default round name from the date the forms are made: up to the H1 close the half-year round, then 全年. */
export function defaultRound(year: number, today: string): string {
  return `${year}年${defaultPeriod(year, today).name}`;
}
