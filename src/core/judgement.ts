// What every judgement is made of: dates as day numbers, the Judgement record, the two rates.
import type { Indicator, Judgement, Status } from './model';

export const DAY = 86_400_000;

export function toTime(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
}

/** True when `s` is a real calendar date written YYYY-MM-DD. */
export function isIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(toTime(s));
  return d.toISOString().slice(0, 10) === s;
}

export interface Rates {
  h1Rate: number | null;
  annualRate: number | null;
}
export const NO_RATES: Rates = { h1Rate: null, annualRate: null };

export function makeJudgement(
  ind: Indicator,
  status: Status,
  h1: number | null,
  annual: number | null,
  rates: Rates,
  message: string,
): Judgement {
  return { id: ind.id, item: ind.item, status, h1Actual: h1, annualActual: annual, ...rates, message };
}
