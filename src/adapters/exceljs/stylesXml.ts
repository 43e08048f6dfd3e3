// Adds layout styles to a workbook's styles.xml by appending fonts, fills, borders, number formats and
// cell formats (xf). What is there stays where it is, so every existing style index keeps its meaning.
// An entry already present with exactly the XML we would write is reused (a second check adds nothing).
import type { CellStyle } from '../../core/layout/types';
import { escapeXml, P, rootPrefix } from './xml';

/** A styles.xml with nothing but the defaults Excel expects (for packages that lack one). */
export const EMPTY_STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '</styleSheet>';

const BUILTIN_FORMATS: Record<string, number> = {
  General: 0,
  '0': 1,
  '0.00': 2,
  '#,##0': 3,
  '#,##0.00': 4,
  '0%': 9,
  '0.00%': 10,
  '@': 49,
};

/** Children of styleSheet in schema order (new containers go in their place). */
const ORDER = [
  'numFmts',
  'fonts',
  'fills',
  'borders',
  'cellStyleXfs',
  'cellXfs',
  'cellStyles',
  'dxfs',
  'tableStyles',
  'colors',
  'extLst',
];

interface Container {
  name: string;
  child: string;
  /** Existing children, as written. */
  items: string[];
  added: string[];
  /** Defaults put in front because the file lacked them: the container is written whole. */
  padded: boolean;
}

/** GB2312 charset and a family hint on CJK font names help Excel, WPS and LibreOffice pick a Chinese
 *  font when the named one is absent (the same hints the ExcelJS renderer writes). */
function fontHints(name: string): { charset?: number; family?: number } {
  const out: { charset?: number; family?: number } = {};
  if (/[\u4e00-\u9fff]/.test(name)) out.charset = 134;
  if (/黑体|Hei|Sans/i.test(name)) out.family = 2;
  else if (/宋|仿宋|楷|Song|Serif/i.test(name)) out.family = 1;
  return out;
}

export class StylesEditor {
  private readonly p: string;
  private readonly containers = new Map<string, Container>();
  private readonly memo = new Map<string, number>();
  private nextFormatId = 164;

  constructor(private xml: string) {
    this.p = rootPrefix(xml, 'styleSheet');
    for (const [name, child] of [
      ['numFmts', 'numFmt'],
      ['fonts', 'font'],
      ['fills', 'fill'],
      ['borders', 'border'],
      ['cellXfs', 'xf'],
    ]) {
      const body = new RegExp(`<${P}${name}\\b[^>]*?(?:\\/>|>([\\s\\S]*?)<\\/${P}${name}>)`).exec(this.xml)?.[1] ?? '';
      const items = [
        ...body.matchAll(new RegExp(`<${P}${child}\\b[^>]*?(?:\\/>|>[\\s\\S]*?<\\/${P}${child}>)`, 'g')),
      ].map((m) => m[0]);
      this.containers.set(name, { name, child, items, added: [], padded: false });
    }
    for (const f of this.containers.get('numFmts')!.items) {
      const id = Number(/numFmtId="(\d+)"/.exec(f)?.[1] ?? 0);
      if (id >= this.nextFormatId) this.nextFormatId = id + 1;
    }
    // Index 0 is what unstyled parts mean (and Excel reads fills 0 and 1 as none and gray125 whatever
    // they say): a file without them gets the defaults first.
    const pad = (name: string, defaults: string[]) => {
      const c = this.containers.get(name)!;
      if (c.items.length >= defaults.length) return;
      c.items = [...defaults.slice(0, defaults.length - c.items.length), ...c.items];
      c.padded = true;
    };
    const p = this.p;
    pad('fonts', [`<${p}font><${p}sz val="11"/><${p}name val="Calibri"/></${p}font>`]);
    pad('fills', [
      `<${p}fill><${p}patternFill patternType="none"/></${p}fill>`,
      `<${p}fill><${p}patternFill patternType="gray125"/></${p}fill>`,
    ]);
    pad('borders', [`<${p}border><${p}left/><${p}right/><${p}top/><${p}bottom/><${p}diagonal/></${p}border>`]);
    pad('cellXfs', [`<${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`]);
  }

  /** Index of `xml` among the container's entries, appending it when absent. */
  private index(name: string, xml: string, from = 0): number {
    const c = this.containers.get(name)!;
    const found = c.items.indexOf(xml, from);
    if (found >= 0) return found;
    const added = c.added.indexOf(xml);
    if (added >= 0) return c.items.length + added;
    c.added.push(xml);
    return c.items.length + c.added.length - 1;
  }

  private el(name: string, attrs = '', body?: string): string {
    return body === undefined ? `<${this.p}${name}${attrs}/>` : `<${this.p}${name}${attrs}>${body}</${this.p}${name}>`;
  }

  private formatId(code: string): number {
    if (code in BUILTIN_FORMATS) return BUILTIN_FORMATS[code];
    const c = this.containers.get('numFmts')!;
    for (const f of [...c.items, ...c.added]) {
      const m = /numFmtId="(\d+)"[^>]*formatCode="([^"]*)"|formatCode="([^"]*)"[^>]*numFmtId="(\d+)"/.exec(f);
      if (m && (m[2] ?? m[3]) === escapeXml(code)) return Number(m[1] ?? m[4]);
    }
    const id = this.nextFormatId++;
    c.added.push(this.el('numFmt', ` numFmtId="${id}" formatCode="${escapeXml(code)}"`));
    return id;
  }

  /** The cellXfs index of a layout style (appended on first use). */
  xfOf(key: string, style: CellStyle): number {
    const known = this.memo.get(key);
    if (known !== undefined) return known;
    let fontId = 0;
    if (style.font) {
      const f = style.font;
      const hints = f.name ? fontHints(f.name) : {};
      const body =
        (f.bold ? this.el('b') : '') +
        (f.size ? this.el('sz', ` val="${f.size}"`) : '') +
        (f.color ? this.el('color', ` rgb="FF${f.color}"`) : '') +
        (f.name ? this.el('name', ` val="${escapeXml(f.name)}"`) : '') +
        (hints.family ? this.el('family', ` val="${hints.family}"`) : '') +
        (hints.charset ? this.el('charset', ` val="${hints.charset}"`) : '');
      fontId = this.index('fonts', this.el('font', '', body));
    }
    const fillId = style.fill
      ? this.index(
          'fills',
          this.el(
            'fill',
            '',
            this.el(
              'patternFill',
              ' patternType="solid"',
              this.el('fgColor', ` rgb="FF${style.fill}"`) + this.el('bgColor', ' indexed="64"'),
            ),
          ),
          2,
        )
      : 0;
    const side = (s: string) => this.el(s, ' style="thin"', this.el('color', ' rgb="FF000000"'));
    const borderId = style.border
      ? this.index(
          'borders',
          this.el('border', '', side('left') + side('right') + side('top') + side('bottom') + this.el('diagonal')),
        )
      : 0;
    const numFmtId = style.numFmt ? this.formatId(style.numFmt) : 0;
    const align =
      (style.horizontal ? ` horizontal="${style.horizontal}"` : '') +
      (style.vertical ? ` vertical="${style.vertical === 'middle' ? 'center' : style.vertical}"` : '') +
      (style.wrap ? ' wrapText="1"' : '') +
      (style.indent ? ` indent="${style.indent}"` : '');
    const body =
      (align ? this.el('alignment', align) : '') + (style.locked === false ? this.el('protection', ' locked="0"') : '');
    const attrs =
      ` numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"` +
      (numFmtId ? ' applyNumberFormat="1"' : '') +
      (fontId ? ' applyFont="1"' : '') +
      (fillId ? ' applyFill="1"' : '') +
      (borderId ? ' applyBorder="1"' : '') +
      (align ? ' applyAlignment="1"' : '') +
      (style.locked === false ? ' applyProtection="1"' : '');
    const xf = this.index('cellXfs', this.el('xf', attrs, body || undefined));
    this.memo.set(key, xf);
    return xf;
  }

  /** Whether anything was appended. */
  get changed(): boolean {
    return [...this.containers.values()].some((c) => c.added.length > 0 || c.padded);
  }

  /** styles.xml with the appended entries and updated counts. */
  toXml(): string {
    let xml = this.xml;
    for (const c of this.containers.values()) {
      if (c.added.length === 0 && !c.padded) continue;
      const count = c.items.length + c.added.length;
      const re = new RegExp(`<(${P})${c.name}\\b([^>]*?)(?:\\/>|>([\\s\\S]*?)<\\/${P}${c.name}>)`);
      const m = re.exec(xml);
      if (m) {
        const attrs = /\bcount="/.test(m[2])
          ? m[2].replace(/\bcount="\d*"/, `count="${count}"`)
          : `${m[2]} count="${count}"`;
        const inner = c.padded ? c.items.join('') : (m[3] ?? '');
        const full = `<${m[1]}${c.name}${attrs}>${inner}${c.added.join('')}</${m[1]}${c.name}>`;
        xml = xml.slice(0, m.index) + full + xml.slice(m.index + m[0].length);
      } else {
        const full = this.el(c.name, ` count="${count}"`, c.items.join('') + c.added.join(''));
        xml = insertChild(xml, this.p, 'styleSheet', full, ORDER.slice(ORDER.indexOf(c.name) + 1));
      }
    }
    return xml;
  }
}

/** Inserts `el` into the root element before the first of `before` present, else at the end. */
function insertChild(xml: string, p: string, root: string, el: string, before: string[]): string {
  let at = -1;
  for (const name of before) {
    const m = new RegExp(`<${P}${name}\\b`).exec(xml);
    if (m && (at < 0 || m.index < at)) at = m.index;
  }
  if (at < 0) at = xml.lastIndexOf(`</${p}${root}>`);
  return xml.slice(0, at) + el + xml.slice(at);
}
