// Dates as Excel stores them and as the tool writes them, in one place: serial day numbers in both of Excel's
// date systems, which number formats show a serial as a date, and ISO dates in Chinese (chineseDate.ts).

/** Milliseconds in a day. */
const DAY_MS = 86_400_000;
/** 1970-01-01 as a 1900-system serial (Excel counts 1900-02-29, a day that never was). */
const UNIX_EPOCH_1900 = 25569;
/** Days from the 1900 system's day 0 to the 1904 system's: serial(1900) = serial(1904) + 1462. */
const SHIFT_1904 = 1462;
/** The 1900 system's phantom leap day: serial 60 shows as 1900-02-29; serials below it are a day off the calendar. */
const PHANTOM_DAY = 60;

const pad = (n: number) => String(n).padStart(2, '0');

/** A serial day (time of day ignored) → 'YYYY-MM-DD', in the workbook's date system; null when it is no date. */
export function serialToIso(serial: number, date1904 = false): string | null {
  if (!Number.isFinite(serial)) return null;
  let days = date1904 ? serial + SHIFT_1904 : serial;
  if (!date1904 && Math.floor(days) === PHANTOM_DAY) return '1900-02-29';
  if (!date1904 && days < PHANTOM_DAY) days += 1;
  // To the second first, so 23:59:59.9999 stays on its day the way Excel shows it.
  const d = new Date(Math.round((days - UNIX_EPOCH_1900) * 86400) * 1000);
  if (Number.isNaN(d.getTime())) return null;
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** 'YYYY-MM-DD' → its serial day in the workbook's date system (the inverse of serialToIso). */
export function isoToSerial(iso: string, date1904 = false): number {
  let days = Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY_MS;
  days += UNIX_EPOCH_1900;
  if (!date1904 && days <= PHANTOM_DAY) days -= 1;
  return date1904 ? days - SHIFT_1904 : days;
}

/** A JavaScript date as the UTC instant ExcelJS makes of a serial → that serial, in the workbook's system. */
export function utcDateToSerial(d: Date, date1904 = false): number {
  const days = d.getTime() / DAY_MS + UNIX_EPOCH_1900;
  return date1904 ? days - SHIFT_1904 : days;
}

/** What a number format shows a serial as: 'date' (a day, with or without its time), 'time' (a time of day
 *  or a duration only), or null (a plain number). Quoted text, [..] sections ([Red], [$-804]) and escaped,
 *  padding and fill characters don't count. */
export function serialFormatKind(code: string | null | undefined): 'date' | 'time' | null {
  if (!code) return null;
  const bare = code
    .replace(/"[^"]*"/g, '')
    // Elapsed time ([h]:mm, [mm]:ss) is time; other sections are colours, locales and conditions.
    .replace(/\[(h+|m+|s+)\]/gi, 'h')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/[\\_*]./g, '');
  if (/^\s*(general|@)?\s*$/i.test(bare)) return null;
  // y, d, Buddhist years (bb) and 年月日 are dates; m alone is a month, beside h or s a minute.
  if (/[yd年月日]|bb/i.test(bare)) return 'date';
  if (/[hs]|上午|下午|am\/pm|a\/p/i.test(bare)) return 'time';
  return /m/i.test(bare) ? 'date' : null;
}

/** Built-in number formats (numFmtId without a <numFmt> of its own) that show dates and times, zh-CN's ids. */
const BUILTIN_DATES = new Set([14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 36, 50, 51, 52, 53, 54, 57, 58]);
const BUILTIN_TIMES = new Set([18, 19, 20, 21, 32, 33, 34, 35, 45, 46, 47, 55, 56]);

/** serialFormatKind for a built-in number format id. */
export function builtinFormatKind(id: number): 'date' | 'time' | null {
  return BUILTIN_DATES.has(id) ? 'date' : BUILTIN_TIMES.has(id) ? 'time' : null;
}

// Dates in Chinese: a module of their own, small enough for the pane's first paint.
export { chineseDate, chineseMonthDay } from './chineseDate';
