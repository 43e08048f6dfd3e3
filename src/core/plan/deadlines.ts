// Dates in plan text that are deadlines: "6月30日前", "5月份", "12月底前", "年底前", "2023年末".
import { toHalfWidth } from '../text';
import { closeOf } from '../period';

export interface DatePhrase {
  start: number;
  end: number;
  /** YYYY-MM-DD */
  date: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** Dates that are deadlines: "6月30日前", "5月份", "12月底前", "年底前", "2023年末". */
export function findDates(text: string, year: number): DatePhrase[] {
  const t = toHalfWidth(text);
  const out: DatePhrase[] = [];
  const re =
    /(?:((?:19|20)\d{2})\s*年\s*)?(?:(\d{1,2})\s*月\s*(?:(\d{1,2})\s*日|份|底|末|中旬|上旬|下旬)?|(年底|年末|底|末))(?:前|之前|以前|底前)?/g;
  for (let m = re.exec(t); m; m = re.exec(t)) {
    const y = m[1] ? Number(m[1]) : year;
    // "底"/"末" alone only after a year ("2023年末").
    if (m[4] && m[4].length === 1 && !m[1]) continue;
    if (m[4]) {
      out.push({ start: m.index, end: m.index + m[0].length, date: closeOf('year', y) });
      continue;
    }
    if (!m[2]) continue;
    const month = Number(m[2]);
    if (month < 1 || month > 12) continue;
    // "3月份" and "12月底" give the month's last day; "6月30日" is exact.
    const day = m[3] ? Math.min(Number(m[3]), lastDay(y, month)) : lastDay(y, month);
    out.push({ start: m.index, end: m.index + m[0].length, date: `${y}-${pad(month)}-${pad(day)}` });
  }
  return out;
}
