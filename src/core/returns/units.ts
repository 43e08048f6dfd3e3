// Who reports what: lead units in the order the plan names them, and each unit's share of the plan.
import type { EntryValue, Indicator, PlanItem } from '../model';

/** The part of a plan a return form needs (a parsed Plan fits; so does a plan read back from a workbook). */
export interface ReturnPlan {
  year: number;
  title: string;
  items: Pick<PlanItem, 'no' | 'name' | 'leadUnits' | 'indicators'>[];
  /** 上半年完成 already in the master, by indicator id (forms made from the master): a 全年 form shows it. */
  h1Known?: Record<string, EntryValue>;
}

/** Every lead unit once, in order of first appearance in 牵头单位. */
export function leadUnitsOf(plan: Pick<ReturnPlan, 'items'>): string[] {
  const seen = new Set<string>();
  for (const item of plan.items) for (const u of item.leadUnits) seen.add(u);
  return [...seen];
}

export function itemsOfUnit<T extends Pick<PlanItem, 'leadUnits'>>(items: T[], unit: string): T[] {
  return items.filter((it) => it.leadUnits.includes(unit));
}

export function indicatorsOfUnit(plan: Pick<ReturnPlan, 'items'>, unit: string): Indicator[] {
  return itemsOfUnit(plan.items, unit).flatMap((it) => it.indicators);
}

/** `<year>年重要事项进展填报-<unit>.xlsx`, with characters no file system takes replaced. */
export function returnFileName(year: number, unit: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are not allowed in file names
  const safe = unit.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').trim() || '_';
  return `${year}年重要事项进展填报-${safe}.xlsx`;
}

/**
 * One file name per unit, never two alike: names that differ only in letter case or Unicode form (the same
 * file on Windows and macOS) or that become alike once unusable characters are replaced get a suffix
 * (…-市/局.xlsx and …-市_局.xlsx → …-市_局.xlsx and …-市_局-2.xlsx).
 */
export function returnFileNames(year: number, units: string[]): Map<string, string> {
  const taken = new Set<string>();
  const key = (name: string) => name.normalize('NFKC').toLowerCase();
  const out = new Map<string, string>();
  for (const unit of units) {
    const base = returnFileName(year, unit).replace(/\.xlsx$/, '');
    let name = `${base}.xlsx`;
    for (let n = 2; taken.has(key(name)); n++) name = `${base}-${n}.xlsx`;
    taken.add(key(name));
    out.set(unit, name);
  }
  return out;
}
