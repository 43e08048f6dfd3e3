// The plan table in a Word document (.docx), from its main part's XML: the paragraphs above the table (附件,
// title) and every table's rows, with horizontal merges (gridSpan) spread over their columns and vertical merges
// (vMerge) marked, paragraphs inside a cell kept as line breaks. Tables split in several, and header rows
// repeated on each page, are the parser's business. A small scanner, no DOM: the core runs anywhere.
import { InputError } from '../../model';
import type { PlanRow } from '../parse';
import { ListNumbers } from './listNumbers';

const ENTITY: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decode(s: string): string {
  if (s.indexOf('&') < 0) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (m, e: string) => {
    if (e[0] === '#') {
      const n = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : m;
    }
    return ENTITY[e] ?? m;
  });
}

function val(attrs: string): string | undefined {
  const m = /(?:^|\s)(?:[\w.-]+:)?val\s*=\s*["']([^"']*)["']/.exec(attrs);
  return m ? m[1] : undefined;
}

interface Cell {
  paragraphs: string[];
  span: number;
  /** vMerge: 'restart' starts a merge, 'continue' continues the cell above. */
  vMerge: 'restart' | 'continue' | null;
}

/** The parts beside the main document that say what a paragraph shows: its list numbers. */
export interface DocxParts {
  /** word/numbering.xml */
  numbering?: string;
  /** word/styles.xml */
  styles?: string;
}

/** Rows of the document's tables, and its paragraphs outside tables, in document order. Automatic list numbers
 *  (a 序号 column numbered by Word) are written into the text, as Word shows them. */
export function docxRows(xml: string, parts: DocxParts = {}): PlanRow[] {
  if (!/<(?:[\w.-]+:)?body\b/.test(xml)) {
    const zh = '这个 Word 文件中没有正文，无法读取';
    throw new InputError(`${zh} (no w:body in the document)`, undefined, zh);
  }
  const scan = new Scanner(wordPrefix(xml), new ListNumbers(parts.numbering, parts.styles));
  const tag = /<(\/?)([A-Za-z][\w.-]*:)?([A-Za-z][\w.-]*)([^>]*?)(\/?)>|([^<]+)/g;
  for (let m = tag.exec(xml); m; m = tag.exec(xml)) {
    const [, close, prefix, name, attrs, selfClose, textRun] = m;
    if (textRun !== undefined) scan.text(textRun);
    else scan.tag(prefix ?? '', name, { open: !close, close: !!close, selfClose: !!selfClose, attrs });
  }
  return scan.out;
}

/** WordprocessingML's prefix is w: by custom only; take the one the document binds (transitional or strict). */
function wordPrefix(xml: string): string {
  const bound =
    /xmlns(?::([\w.-]+))?\s*=\s*["']http:\/\/(?:schemas\.openxmlformats\.org\/wordprocessingml\/2006\/main|purl\.oclc\.org\/ooxml\/wordprocessingml\/main)["']/.exec(
      xml,
    );
  return bound ? (bound[1] ? `${bound[1]}:` : '') : 'w:';
}

interface Tag {
  open: boolean;
  close: boolean;
  selfClose: boolean;
  attrs: string;
}

/** A nesting count one tag further: up on an opening tag, down (not below 0) on a closing one. */
const nest = (n: number, t: Tag): number => (t.open && !t.selfClose ? n + 1 : t.close ? Math.max(0, n - 1) : n);

/** The scanner's state as it walks the document's tags: where it is (table, row, cell, paragraph) and what is
 *  being skipped; rows and body paragraphs go to `out` as they end. */
class Scanner {
  readonly out: PlanRow[] = [];
  private tableNo = 0;
  private rowNo = 0;
  private depth = 0; // table nesting: a table inside a cell adds its text to that cell
  private row: { cells: Cell[]; before: number } | null = null;
  private cell: Cell | null = null;
  private para: string | null = null;
  private inText = false;
  private skip = 0; // inside deleted text, field instructions, alternative content fallbacks, text boxes
  private inChange = 0; // inside a tracked formatting change: the old properties
  private list: { style?: string; numId?: string; ilvl?: number } = {};
  private bodyParagraphs = 0;

  constructor(
    private readonly W: string,
    private readonly lists: ListNumbers,
  ) {}

  text(run: string) {
    if (this.inText && !this.skip && this.para !== null) this.para += decode(run);
  }

  tag(ns: string, name: string, t: Tag) {
    if (name === 'Fallback' && ns !== this.W) {
      this.skip = nest(this.skip, t);
      return;
    }
    if (ns !== this.W) return;
    switch (name) {
      case 'delText':
      case 'instrText':
      case 'txbxContent':
        this.skip = nest(this.skip, t);
        break;
      case 'pPrChange':
      case 'rPrChange':
      case 'numberingChange':
        this.inChange = nest(this.inChange, t);
        break;
      case 'pStyle':
      case 'numId':
      case 'ilvl':
        if (t.open && this.para !== null && !this.inChange && !this.skip) this.listProperty(name, t.attrs);
        break;
      case 't':
        this.inText = t.open && !t.selfClose;
        break;
      case 'tab':
      case 'br':
      case 'cr':
      case 'noBreakHyphen':
        if (t.open && this.para !== null && !this.skip) this.para += inlineText(name, t.attrs);
        break;
      case 'p':
        if (!this.skip) this.paragraph(t); // else a paragraph inside a text box
        break;
      default:
        this.table(name, t);
    }
  }

  private listProperty(name: 'pStyle' | 'numId' | 'ilvl', attrs: string) {
    if (name === 'ilvl') this.list.ilvl = Number(val(attrs) ?? 0) || 0;
    else if (name === 'numId') this.list.numId = val(attrs);
    else this.list.style = val(attrs);
  }

  /** A paragraph ends into its cell, or outside tables into a body paragraph row. */
  private paragraph(t: Tag) {
    if (t.open && !t.selfClose) {
      this.para = '';
      this.list = {};
    }
    if (!t.close && !t.selfClose) return;
    const textOf = labelOf(this.lists, this.list) + (this.para ?? '');
    this.para = null;
    if (this.cell) this.cell.paragraphs.push(textOf);
    else if (this.depth === 0) {
      const n = ++this.bodyParagraphs;
      this.out.push({ line: n, where: `正文第${n}段`, cells: [textOf], kind: 'paragraph' });
    }
  }

  /** Tables, rows and cells of the outermost table, with their merges. */
  private table(name: string, t: Tag) {
    const opens = t.open && !t.selfClose;
    switch (name) {
      case 'tbl':
        if (opens) {
          this.depth++;
          if (this.depth === 1) {
            this.tableNo++;
            this.rowNo = 0;
          }
        } else if (t.close) this.depth--;
        break;
      case 'tr':
        if (this.depth !== 1) break;
        if (opens) this.row = { cells: [], before: 0 };
        else if (t.close && this.row) {
          this.rowNo++;
          this.out.push(rowOf(this.row, this.tableNo, this.rowNo));
          this.row = null;
        }
        break;
      case 'tc':
        if (this.depth !== 1) break;
        if (opens) this.cell = { paragraphs: [], span: 1, vMerge: null };
        else if (t.close && this.cell && this.row) {
          this.row.cells.push(this.cell);
          this.cell = null;
        }
        break;
      default:
        if (this.depth === 1) this.cellProperty(name, t.attrs);
    }
  }

  private cellProperty(name: string, attrs: string) {
    if (name === 'gridBefore' && this.row && !this.cell) this.row.before = Number(val(attrs) ?? 0) || 0;
    else if (name === 'gridSpan' && this.cell) this.cell.span = Math.max(1, Math.min(64, Number(val(attrs) ?? 1) || 1));
    else if (name === 'vMerge' && this.cell) this.cell.vMerge = val(attrs) === 'restart' ? 'restart' : 'continue';
  }
}

/** What a tab, line break or non-breaking hyphen adds to a paragraph's text (a tab stop or page break: nothing). */
function inlineText(name: string, attrs: string): string {
  if (name === 'tab') return /val\s*=/.test(attrs) ? '' : ' ';
  if (name === 'noBreakHyphen') return '-';
  return /type\s*=\s*["']page/.test(attrs) ? '' : '\n';
}

/** The automatic number a paragraph shows: its own list (numId 0 switches its style's off), else its style's. */
function labelOf(lists: ListNumbers, p: { style?: string; numId?: string; ilvl?: number }): string {
  if (p.numId !== undefined) return lists.next(p.numId, p.ilvl ?? 0);
  const byStyle = p.style ? lists.ofStyle(p.style) : null;
  return byStyle ? lists.next(byStyle.numId, p.ilvl ?? byStyle.ilvl) : '';
}

/** Spreads a row's cells over the table's grid columns; a vMerge continuation is marked as continuing. */
function rowOf(row: { cells: Cell[]; before: number }, table: number, n: number): PlanRow {
  const cells: string[] = Array(row.before).fill('');
  const up: boolean[] = Array(row.before).fill(false);
  for (const c of row.cells) {
    const textOf = c.paragraphs
      .map((p) => p.trim())
      .filter(Boolean)
      .join('\n');
    const continues = c.vMerge === 'continue';
    cells.push(continues ? '' : textOf);
    up.push(continues);
    for (let k = 1; k < c.span; k++) {
      cells.push('');
      up.push(continues);
    }
  }
  return { line: n, where: `第${table}个表格第${n}行`, cells, up: up.some(Boolean) ? up : undefined, kind: 'table' };
}
