// Reporting periods as data. A plan office runs rounds (一季度, 上半年, 三季度, 全年, N月调度); each closes on a
// date, may close one of the plan's targets (the H1 target on 06-30, the annual one on 12-31) or none (then the
// figures are judged pro rata), and its to-date figure goes into one of the master's two entry columns:
// 上半年完成 (field h1) up to the H1 close, 全年完成 (field annual) after it. Every close date lives in PERIODS.
import { parseChineseNumeral } from './chineseNumerals';

/** The master's two entry fields: 上半年完成 and 全年完成. */
export type EntryField = 'h1' | 'annual';

export type PeriodKey = 'q1' | 'h1' | 'q3' | 'year';

export interface ReportingPeriod {
  /** 'q1' | 'h1' | 'q3' | 'year', or 'm5' for a month round. */
  key: string;
  /** The name people write in a round: 一季度, 上半年, 5月调度. */
  name: string;
  /** Close: month and day (a month round closes on its month's last day). */
  month: number;
  day: number | null;
  /** Which of the plan's targets closes then; null: none, the figures are judged pro rata. */
  closes: EntryField | null;
  /** The master column its cumulative (to-date) figure goes into. */
  entry: EntryField;
  /** Its return forms show the 上半年完成 figure the master already holds (the H1 figure is final by then). */
  showsKnownH1: boolean;
}

interface PeriodRow extends ReportingPeriod {
  key: PeriodKey;
  /** Names of this period in a round name (2023年第一季度, 2023年下半年 …), and words that rule it out. */
  aliases: RegExp;
  unless?: RegExp;
  /** A round made by default (forms made before its close are for it). */
  byDefault: boolean;
}

/**
 * The one table. Order matters when a round name is read: the first row whose aliases match wins
 * (上半年 before 全年, so 2023年度上半年 is a half-year round).
 */
const PERIODS: readonly PeriodRow[] = [
  {
    key: 'h1',
    name: '上半年',
    month: 6,
    day: 30,
    closes: 'h1',
    entry: 'h1',
    showsKnownH1: false,
    aliases: /上半年|半年|第?[二2]季度/,
    unless: /下半年/,
    byDefault: true,
  },
  {
    key: 'q1',
    name: '一季度',
    month: 3,
    day: 31,
    closes: null,
    entry: 'h1',
    showsKnownH1: false,
    aliases: /第?[一1]季度/,
    byDefault: false,
  },
  {
    key: 'q3',
    name: '三季度',
    month: 9,
    day: 30,
    closes: null,
    entry: 'annual',
    showsKnownH1: true,
    aliases: /第?[三3]季度/,
    byDefault: false,
  },
  {
    key: 'year',
    name: '全年',
    month: 12,
    day: 31,
    closes: 'annual',
    entry: 'annual',
    showsKnownH1: true,
    aliases: /下半年|全年|年度|年底|年终|年末|第?[四4]季度/,
    byDefault: true,
  },
];

const pad = (n: number) => String(n).padStart(2, '0');
const lastDayOf = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

const isoDate = (year: number, month: number, day: number) => `${year}-${pad(month)}-${pad(day)}`;

function row(key: PeriodKey): PeriodRow {
  return PERIODS.find((p) => p.key === key)!;
}

/** A period by key, without its reading rules. */
function periodOf(key: PeriodKey): ReportingPeriod {
  const { name, month, day, closes, entry, showsKnownH1 } = row(key);
  return { key, name, month, day, closes, entry, showsKnownH1 };
}

/** The period's close in `year`, YYYY-MM-DD. */
export function closeOf(period: ReportingPeriod | PeriodKey, year: number): string {
  const p = typeof period === 'string' ? row(period) : period;
  return isoDate(year, p.month, p.day ?? lastDayOf(year, p.month));
}

/** The first day of the plan year. */
export function yearStart(year: number): string {
  return isoDate(year, 1, 1);
}

/** When a target closes: the H1 target with 上半年, the annual one with 全年. */
export function targetClose(target: EntryField, year: number): string {
  return closeOf(
    PERIODS.find((p) => p.closes === target)!,
    year,
  );
}

/** True when `date` (YYYY-MM-DD) is on or before the H1 close of its own year: its figures are H1 ones. */
export function inFirstHalf(date: string): boolean {
  return date.slice(0, 10) <= targetClose('h1', Number(date.slice(0, 4)));
}

/** A month round (N月调度): closes at its month's end; after the H1 close it reports to-date in 全年完成. */
export function monthPeriod(month: number): ReportingPeriod {
  const same = PERIODS.find((p) => p.month === month);
  const h1 = row('h1');
  const afterH1 = month > h1.month;
  return {
    key: `m${month}`,
    name: `${month}月调度`,
    month,
    day: null,
    closes: same?.closes ?? null,
    entry: afterH1 ? 'annual' : 'h1',
    showsKnownH1: afterH1,
  };
}

export interface RoundPeriod {
  period: ReportingPeriod;
  year: number;
  /** The close, YYYY-MM-DD: the date the round is judged at. */
  asOf: string;
}

/**
 * The period a round name stands for: 2023年上半年 → 上半年 (2023-06-30), 2023年全年/下半年 → 全年,
 * 2023年第一季度 → 一季度, 2023年5月调度 → a month round. The year is the one in the name, else `year`.
 * Null when the name says no period.
 */
export function periodOfRound(round: string, year: number): RoundPeriod | null {
  const y = Number(/(\d{4})\s*年/.exec(round)?.[1] ?? year);
  if (!Number.isInteger(y) || y < 1900 || y > 9999) return null;
  // "2023年度5月调度": 年度 qualifies the year here, it names no period (alone, "2023年度" is the year's round).
  const name = round.replace(/(\d{4}\s*年)度(?=\S)/, '$1');
  const named = PERIODS.find((p) => p.aliases.test(name) && !(p.unless && p.unless.test(name)));
  const at = (period: ReportingPeriod): RoundPeriod => ({ period, year: y, asOf: closeOf(period, y) });
  if (named) return at(periodOf(named.key));
  const m = /(?:^|[^\d])(\d{1,2})\s*月|([一二三四五六七八九十]{1,3})月/.exec(name.replace(/\d{4}\s*年/, ' '));
  const month = m ? (m[1] ? Number(m[1]) : (parseChineseNumeral(m[2]) ?? undefined)) : undefined;
  if (month && month >= 1 && month <= 12) return at(monthPeriod(month));
  return null;
}

/** The round forms are made for by default: the first default period (上半年, 全年) not yet closed on `today`. */
export function defaultPeriod(year: number, today: string): ReportingPeriod {
  const open = PERIODS.filter((p) => p.byDefault).sort((a, b) => a.month - b.month);
  const p = open.find((x) => today.slice(0, 10) <= closeOf(x, year)) ?? open[open.length - 1];
  return periodOf(p.key);
}

/**
 * The quarterly round that closes on `date` (一季度 on 03-31, 三季度 on 09-30), else null. Its figures sit in
 * columns named for other periods (上半年完成, 全年完成), so what they stand for is said where they are summed up.
 */
export function quarterClosingOn(date: string): ReportingPeriod | null {
  const year = Number(date.slice(0, 4));
  const p = PERIODS.find((x) => x.closes === null && closeOf(x, year) === date.slice(0, 10));
  return p ? periodOf(p.key) : null;
}
