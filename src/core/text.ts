// Text clean-up for plan tables that came out of PDFs and Word, and a cell's value as text.
import type { CellValue } from './layout/types';

const CJK = '\\u3400-\\u9fff\\uf900-\\ufaff';
const OPEN_QUOTES = '“‘「『';
const CLOSE_QUOTES = '”’」』';

/** Full-width digits, letters and the symbols that matter for figures, to ASCII. */
export function toHalfWidth(s: string): string {
  // Fast path: nothing to change (the kept punctuation ，；：（）！？ alone doesn't count).
  if (!/[\uff02-\uff07\uff0a\uff0b\uff0d-\uff19\uff1c-\uff1e\uff20-\uff5e\u3000]/.test(s)) return s;
  return s
    .replace(/[\uff01-\uff5e]/g, (ch) => {
      // Keep Chinese punctuation that carries meaning in text (，；：（）) for the splitters.
      if ('，；：（）！？'.includes(ch)) return ch;
      return String.fromCharCode(ch.charCodeAt(0) - 0xfee0);
    })
    .replace(/\u3000/g, ' ');
}

const JOINABLE = `[${CJK}0-9%“”《》（）]`;
// A run of spaces between two joinable characters, at least one of them CJK or a bracket.
const WRAP_SPACE = new RegExp(`(${JOINABLE})[ \\u3000]+(?=(${JOINABLE}))`, 'g');
const TIGHT = new RegExp(`[${CJK}“”《》（）%]`);
const QUOTED = new RegExp(`([${OPEN_QUOTES}][^${CLOSE_QUOTES}]*[${CLOSE_QUOTES}])`);

/**
 * Removes the spaces a line wrap left inside Chinese text: between two CJK characters, and between a digit and a CJK
 * character ("2023 年", "22 万人"). Spaces inside a quoted slogan (“爱在山海 遇见幸福”) stay.
 */
export function joinWrappedText(s: string): string {
  if (!/[ \u3000]/.test(s)) return s.trim();
  // Odd parts are quoted and keep their spaces.
  return s
    .split(QUOTED)
    .map((part, i) =>
      i % 2
        ? part
        : part.replace(WRAP_SPACE, (m, prev: string, _next: string, off: number, all: string) => {
            const next = all[off + m.length];
            // Digit–digit keeps its space ("10 20" are two numbers); anything touching CJK closes up.
            return TIGHT.test(prev) || TIGHT.test(next) ? prev : m;
          }),
    )
    .join('')
    .trim();
}

/** Collapses runs of white space and trims. */
export function squeeze(s: string): string {
  return s.replace(/[ \t\u3000]+/g, ' ').trim();
}

/** A cell's value as written: '' for an empty cell. */
export function cellString(v: CellValue | undefined): string {
  return v === null || v === undefined ? '' : String(v);
}

/** A cell's value as text, trimmed: '' for an empty or blank cell. */
export function cellText(v: CellValue | undefined): string {
  return cellString(v).trim();
}
