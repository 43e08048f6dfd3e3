// Finding the targets in a text: each figure with its label, source clause, deadline and review note; and the
// dated tasks of sentences without a figure.
import { toHalfWidth } from '../text';
import { closeOf } from '../period';
import { DatePhrase, findDates } from './deadlines';
import { enumerated } from './enumerated';
import { clauseBounds, frequencyName, labelFor, trimLabel } from './labels';
import { maskQuoted, Quantity, scanQuantities } from './quantities';

export interface Found {
  q: Quantity;
  label: string;
  source: string;
  deadline: string | null;
  /** Offset of the figure in the text it was read from, for ordering. */
  at: number;
  review: string | null;
  /** The quarter-end date its own clause sets ("9月底前…10个"), if any. */
  quarter: string | null;
}

// Names with digits in them are names, not stray figures: PM2.5, PM10, 5G, 12345热线.
const NAME_WITH_DIGITS = /[A-Za-z]+\d+(?:\.\d+)?|\d+[A-Za-z]+|\d{5,}/g;
// Labels made only of generic words ("全市累计") borrow the noun of the target before them.
const GENERIC_LABEL = /^(?:全市|全区|累计|总数|总计|共|达到|达|到)+$/;
const LEADING_VERB = /^(?:新建|新增|建成|完成|开展|举办|组织|培训|发放)/;

/** Splits text into sentences (。；) with their offsets. */
function sentences(text: string): Array<{ start: number; text: string }> {
  const out: Array<{ start: number; text: string }> = [];
  const re = /[^。；;！？\n]+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push({ start: m.index, text: m[0] });
  return out;
}

/** A date at the end of the first or third quarter inside the clause [a, b): "3月底前", "9月30日前", "三季度末". */
function quarterEnd(masked: string, dates: DatePhrase[], a: number, b: number, year: number): string | null {
  const named = /([一三])季度末/.exec(masked.slice(a, b));
  if (named) return closeOf(named[1] === '一' ? 'q1' : 'q3', year);
  // The month and day of either quarter's end, in whichever year the text names.
  const quarterEnds = [closeOf('q1', year).slice(4), closeOf('q3', year).slice(4)];
  const d = dates.find((x) => x.start >= a && x.start < b && quarterEnds.includes(x.date.slice(4)));
  return d ? d.date : null;
}

export function findTargets(text: string, year: number, itemName: string, opts: { arabicOnly: boolean }): Found[] {
  const found: Found[] = [];
  for (const s of sentences(toHalfWidth(text))) {
    const masked = maskQuoted(s.text);
    const qs = scanQuantities(masked, { arabicOnly: opts.arabicOnly, bare: true });
    if (!qs.length) continue;
    const dates: DatePhrase[] = findDates(masked, year);
    qs.forEach((q, i) => {
      const [a, b] = clauseBounds(masked, q.numStart);
      let { label, review } = labelFor(s.text, masked, qs, i, itemName);
      // "每月开展一次“村晚”活动，全年不少于12次": the frequency clause before names the yearly count.
      if (label === itemName && review) {
        const named = frequencyName(s.text, masked, a);
        if (named) [label, review] = [named, null];
      }
      const prev = found[found.length - 1];
      if (GENERIC_LABEL.test(label.replace(/[^\u3400-\u9fff]/g, '')) && prev) {
        label = prev.label.replace(LEADING_VERB, '') + (label.includes('累计') ? '累计' : '');
      }
      found.push({
        q,
        label,
        source: s.text.slice(a, b).trim(),
        deadline: dates.length ? dates[dates.length - 1].date : null,
        at: s.start + q.numStart,
        review: q.review ?? review,
        quarter: quarterEnd(masked, dates, a, b, year),
      });
    });
    enumerated(s.text, masked, qs, found);
  }
  for (const f of found) {
    if (/\d/.test(f.label.replace(NAME_WITH_DIGITS, '')) && !f.review) f.review = '标签含有数字，请核对指标名称';
  }
  return found;
}

/** Dated sentences without a figure: things to be done by a date ("5月份…开展“家庭教育宣传周”活动"). */
export function datedTasks(
  text: string,
  year: number,
): Array<{ label: string; deadline: string; source: string; at: number }> {
  const out: Array<{ label: string; deadline: string; source: string; at: number }> = [];
  for (const s of sentences(toHalfWidth(text))) {
    const masked = maskQuoted(s.text);
    const dates = findDates(masked, year);
    if (!dates.length || scanQuantities(masked).length) continue;
    const d = dates[dates.length - 1];
    const label = trimLabel(s.text.slice(0, dates[0].start) + s.text.slice(dates[0].end)) || s.text.trim();
    out.push({ label, deadline: d.date, source: s.text.trim(), at: s.start });
  }
  return out;
}
