// Text clean-up for plan tables that came out of PDFs and Word.

const CJK = '\\u3400-\\u9fff\\uf900-\\ufaff';
const OPEN_QUOTES = '“‘「『';
const CLOSE_QUOTES = '”’」』';

/** Full-width digits, letters and the symbols that matter for figures, to ASCII. */
export function toHalfWidth(s: string): string {
  return s.replace(/[\uff01-\uff5e]/g, (ch) => {
    // Keep Chinese punctuation that carries meaning in text (，；：（）) for the splitters.
    if ('，；：（）！？'.includes(ch)) return ch;
    return String.fromCharCode(ch.charCodeAt(0) - 0xfee0);
  }).replace(/\u3000/g, ' ');
}

/**
 * Removes the spaces a line wrap left inside Chinese text: between two CJK characters, and between a digit and a CJK
 * character ("2023 年", "22 万人"). Spaces inside a quoted slogan (“爱在山海 遇见幸福”) stay.
 */
export function joinWrappedText(s: string): string {
  const out: string[] = [];
  let depth = 0;
  const isCjkOrDigit = new RegExp(`[${CJK}0-9%“”《》（）]`);
  const isCjk = new RegExp(`[${CJK}]`);
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (OPEN_QUOTES.includes(ch)) depth++;
    else if (CLOSE_QUOTES.includes(ch)) depth = Math.max(0, depth - 1);
    if ((ch === ' ' || ch === '\u3000') && depth === 0) {
      let j = i;
      while (j < s.length && (s[j] === ' ' || s[j] === '\u3000')) j++;
      const prev = out.length ? out[out.length - 1] : '';
      const next = s[j] ?? '';
      const bothJoinable = isCjkOrDigit.test(prev) && isCjkOrDigit.test(next);
      // Digit–digit keeps its space ("10 20" are two numbers); anything touching CJK closes up.
      if (bothJoinable && (isCjk.test(prev) || isCjk.test(next) || /[“”《》（）%]/.test(prev + next))) {
        i = j - 1;
        continue;
      }
    }
    out.push(ch);
  }
  return out.join('').trim();
}

/** Collapses runs of white space and trims. */
export function squeeze(s: string): string {
  return s.replace(/[ \t\u3000]+/g, ' ').trim();
}
