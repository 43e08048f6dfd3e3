// Word's automatic numbering: a 序号 column is often a numbered list, so the numbers are not in the text but in
// the paragraph's numbering (its own w:numPr, or its style's). This counts the list items as Word does, per list
// and level, and writes each label as its level's pattern says ("%1.", "%1、", "（%1）"), in its number format.
interface Level {
  start: number;
  fmt: string;
  text: string;
}

const attrVal = (xml: string, tag: string) => new RegExp(`<w:${tag}\\b[^>]*?w:val\\s*=\\s*"([^"]*)"`).exec(xml)?.[1];

const DIGITS = '〇一二三四五六七八九';

/** n in Chinese counting (1 → 一, 11 → 十一, 20 → 二十, 105 → 一百零五). */
function chineseCounting(n: number): string {
  if (n <= 0 || n >= 10000) return String(n);
  const units = ['', '十', '百', '千'];
  const digits = String(n).split('').map(Number);
  let out = '';
  let zero = false;
  digits.forEach((d, i) => {
    const unit = units[digits.length - 1 - i];
    if (d === 0) {
      zero = out !== '';
      return;
    }
    if (zero) out += '零';
    zero = false;
    out += (d === 1 && unit === '十' && out === '' ? '' : DIGITS[d]) + unit;
  });
  return out;
}

function format(n: number, fmt: string): string {
  switch (fmt) {
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'chineseLegalSimplified':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
    case 'ideographDigital':
      return chineseCounting(n);
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2460 + n - 1) : String(n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case 'none':
      return '';
    default:
      return String(n); // decimal, and letters/roman read as their position
  }
}

/** The numbering a document defines (numbering.xml) and its styles' numbering (styles.xml). */
export class ListNumbers {
  private readonly levels = new Map<string, Level[]>();
  private readonly styleNum = new Map<string, { numId?: string; ilvl?: number; basedOn?: string }>();
  private readonly counters = new Map<string, number[]>();

  constructor(numberingXml = '', stylesXml = '') {
    const abstract = new Map<string, Level[]>();
    for (const m of numberingXml.matchAll(
      /<w:abstractNum\b[^>]*w:abstractNumId="([^"]*)"[^>]*>([\s\S]*?)<\/w:abstractNum>/g,
    )) {
      abstract.set(m[1], this.readLevels(m[2]));
    }
    for (const m of numberingXml.matchAll(/<w:num\b[^>]*w:numId="([^"]*)"[^>]*>([\s\S]*?)<\/w:num>/g)) {
      const base = abstract.get(attrVal(m[2], 'abstractNumId') ?? '') ?? [];
      const levels = base.map((l) => ({ ...l }));
      for (const o of m[2].matchAll(/<w:lvlOverride\b[^>]*w:ilvl="(\d+)"[^>]*>([\s\S]*?)<\/w:lvlOverride>/g)) {
        const start = attrVal(o[2], 'startOverride');
        const lvl = Number(o[1]);
        if (start !== undefined && levels[lvl]) levels[lvl].start = Number(start) || 0;
      }
      this.levels.set(m[1], levels);
    }
    for (const m of stylesXml.matchAll(/<w:style\b[^>]*w:styleId="([^"]*)"[^>]*>([\s\S]*?)<\/w:style>/g)) {
      const numPr = /<w:numPr>([\s\S]*?)<\/w:numPr>/.exec(m[2])?.[1];
      const ilvl = numPr ? attrVal(numPr, 'ilvl') : undefined;
      this.styleNum.set(m[1], {
        numId: numPr ? attrVal(numPr, 'numId') : undefined,
        ilvl: ilvl === undefined ? undefined : Number(ilvl),
        basedOn: attrVal(m[2], 'basedOn'),
      });
    }
  }

  private readLevels(xml: string): Level[] {
    const out: Level[] = [];
    for (const m of xml.matchAll(/<w:lvl\b[^>]*w:ilvl="(\d+)"[^>]*>([\s\S]*?)<\/w:lvl>/g)) {
      out[Number(m[1])] = {
        start: Number(attrVal(m[2], 'start') ?? 1),
        fmt: attrVal(m[2], 'numFmt') ?? 'decimal',
        text: attrVal(m[2], 'lvlText') ?? `%${Number(m[1]) + 1}.`,
      };
    }
    for (let i = 0; i < out.length; i++) out[i] ??= { start: 1, fmt: 'decimal', text: `%${i + 1}.` };
    return out;
  }

  /** The list a paragraph style puts its paragraphs in (following basedOn), if any. */
  ofStyle(styleId: string): { numId: string; ilvl: number } | null {
    let numId: string | undefined;
    let ilvl: number | undefined;
    const seen = new Set<string>();
    for (let id: string | undefined = styleId; id && !seen.has(id); id = this.styleNum.get(id)?.basedOn) {
      seen.add(id);
      const s = this.styleNum.get(id);
      numId ??= s?.numId;
      ilvl ??= s?.ilvl;
    }
    return numId === undefined ? null : { numId, ilvl: ilvl ?? 0 };
  }

  /** The next label of list `numId` at level `ilvl` ('' for no list: numId 0 or undefined). */
  next(numId: string, ilvl: number): string {
    const levels = this.levels.get(numId);
    if (!levels || numId === '0') return '';
    const lvl = Math.max(0, Math.min(8, ilvl));
    let counts = this.counters.get(numId);
    if (!counts) this.counters.set(numId, (counts = []));
    for (let i = 0; i <= lvl; i++) counts[i] ??= (levels[i]?.start ?? 1) - 1;
    counts[lvl]++;
    counts.length = lvl + 1; // deeper levels start again
    const level = levels[lvl] ?? { start: 1, fmt: 'decimal', text: `%${lvl + 1}.` };
    return level.text.replace(/%([1-9])/g, (_, k: string) => {
      const i = Number(k) - 1;
      return format(counts![i] ?? levels[i]?.start ?? 1, levels[i]?.fmt ?? 'decimal');
    });
  }
}
