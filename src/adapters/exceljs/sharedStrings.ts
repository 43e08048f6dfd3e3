// The shared-string table, appended to: text Tuijin writes goes in once and cells refer to it by index,
// as Excel writes it (a repeated status word costs a few bytes per cell, not its text). Existing entries
// keep their indexes; a text already there as a plain entry is reused.
import { decodeXml, escapeXml, P, rootPrefix } from './xml';

export const REL_SHARED_STRINGS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings';
export const CT_SHARED_STRINGS = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml';

const EMPTY_SST =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"></sst>';

export class SharedStrings {
  private readonly known = new Map<string, number>();
  private readonly added: string[] = [];
  private readonly count: number;
  private readonly p: string;

  /** `xml` is the table's part, or null when the package has none. */
  constructor(private readonly xml: string | null) {
    const text = xml ?? EMPTY_SST;
    this.p = rootPrefix(text, 'sst');
    const re = new RegExp(`<${P}si\\b[^>]*?(?:\\/>|>([\\s\\S]*?)<\\/${P}si>)`, 'g');
    const plain = new RegExp(`^<${P}t(?:\\s[^>]*)?>([^<]*)<\\/${P}t>$`);
    let n = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const t = m[1] === undefined ? '' : plain.exec(m[1])?.[1];
      if (t !== undefined) {
        const s = decodeXml(t);
        if (!this.known.has(s)) this.known.set(s, n);
      }
      n++;
    }
    this.count = n;
  }

  /** Index of `text` in the table, appended on first use. */
  indexOf(text: string): number {
    let i = this.known.get(text);
    if (i === undefined) {
      i = this.count + this.added.length;
      this.added.push(text);
      this.known.set(text, i);
    }
    return i;
  }

  get changed(): boolean {
    return this.added.length > 0;
  }

  /** The table with the new entries at its end (uniqueCount updated; the optional total count dropped,
   *  as it counts references this patch can't see). */
  toXml(): string {
    const text = this.xml ?? EMPTY_SST;
    const p = this.p;
    const items = this.added
      .map((s) => `<${p}si><${p}t xml:space="preserve">${escapeXml(s)}</${p}t></${p}si>`)
      .join('');
    const root = new RegExp(`<(${P}sst)\\b([^>]*?)(\\/?)>`).exec(text)!;
    const attrs =
      root[2].replace(/\s(count|uniqueCount)="[^"]*"/g, '') + ` uniqueCount="${this.count + this.added.length}"`;
    if (root[3] === '/')
      return (
        text.slice(0, root.index) +
        `<${root[1]}${attrs}>${items}</${root[1]}>` +
        text.slice(root.index + root[0].length)
      );
    const close = text.lastIndexOf(`</${root[1]}>`);
    return (
      text.slice(0, root.index) +
      `<${root[1]}${attrs}>` +
      text.slice(root.index + root[0].length, close) +
      items +
      text.slice(close)
    );
  }
}
