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
  // WordprocessingML's prefix is w: by custom only; take the one the document binds (transitional or strict).
  const bound =
    /xmlns(?::([\w.-]+))?\s*=\s*["']http:\/\/(?:schemas\.openxmlformats\.org\/wordprocessingml\/2006\/main|purl\.oclc\.org\/ooxml\/wordprocessingml\/main)["']/.exec(
      xml,
    );
  const W = bound ? (bound[1] ? `${bound[1]}:` : '') : 'w:';
  const out: PlanRow[] = [];
  let tableNo = 0;
  let rowNo = 0;
  let depth = 0; // table nesting: a table inside a cell adds its text to that cell
  let row: { cells: Cell[]; before: number } | null = null;
  let cell: Cell | null = null;
  let para: string | null = null;
  let inText = false;
  let skip = 0; // inside deleted text, field instructions, alternative content fallbacks, text boxes
  let inChange = 0; // inside a tracked formatting change: the old properties
  const lists = new ListNumbers(parts.numbering, parts.styles);
  let list: { style?: string; numId?: string; ilvl?: number } = {};
  let bodyParagraphs = 0;
  const tag = /<(\/?)([A-Za-z][\w.-]*:)?([A-Za-z][\w.-]*)([^>]*?)(\/?)>|([^<]+)/g;
  for (let m = tag.exec(xml); m; m = tag.exec(xml)) {
    const [, close, prefix, name, attrs, selfClose, textRun] = m;
    if (textRun !== undefined) {
      if (inText && !skip && para !== null) para += decode(textRun);
      continue;
    }
    const ns = prefix ?? '';
    const open = !close;
    const ends = !!close || !!selfClose;
    if (name === 'Fallback' && ns !== W) {
      if (open && !selfClose) skip++;
      else if (close) skip = Math.max(0, skip - 1);
      continue;
    }
    if (ns !== W) continue;
    switch (name) {
      case 'delText':
      case 'instrText':
      case 'txbxContent':
        if (open && !selfClose) skip++;
        else if (close) skip = Math.max(0, skip - 1);
        break;
      case 'pPrChange':
      case 'rPrChange':
      case 'numberingChange':
        if (open && !selfClose) inChange++;
        else if (close) inChange = Math.max(0, inChange - 1);
        break;
      case 'pStyle':
        if (open && para !== null && !inChange && !skip) list.style = val(attrs);
        break;
      case 'numId':
        if (open && para !== null && !inChange && !skip) list.numId = val(attrs);
        break;
      case 'ilvl':
        if (open && para !== null && !inChange && !skip) list.ilvl = Number(val(attrs) ?? 0) || 0;
        break;
      case 't':
        inText = open && !selfClose;
        break;
      case 'tab':
        if (open && para !== null && !skip && !/val\s*=/.test(attrs)) para += ' ';
        break;
      case 'br':
      case 'cr':
        if (open && para !== null && !skip && !/type\s*=\s*["']page/.test(attrs)) para += '\n';
        break;
      case 'noBreakHyphen':
        if (open && para !== null && !skip) para += '-';
        break;
      case 'p':
        if (skip) break; // a paragraph inside a text box
        if (open && !selfClose) {
          para = '';
          list = {};
        }
        if (ends) {
          const textOf = labelOf(lists, list) + (para ?? '');
          para = null;
          if (cell) cell.paragraphs.push(textOf);
          else if (depth === 0) {
            bodyParagraphs++;
            out.push({ line: bodyParagraphs, where: `正文第${bodyParagraphs}段`, cells: [textOf], kind: 'paragraph' });
          }
        }
        break;
      case 'tbl':
        if (open && !selfClose) {
          depth++;
          if (depth === 1) {
            tableNo++;
            rowNo = 0;
          }
        } else if (close) depth--;
        break;
      case 'tr':
        if (depth !== 1) break;
        if (open && !selfClose) row = { cells: [], before: 0 };
        else if (close && row) {
          rowNo++;
          out.push(rowOf(row, tableNo, rowNo));
          row = null;
        }
        break;
      case 'gridBefore':
        if (depth === 1 && row && !cell) row.before = Number(val(attrs) ?? 0) || 0;
        break;
      case 'tc':
        if (depth !== 1) break;
        if (open && !selfClose) cell = { paragraphs: [], span: 1, vMerge: null };
        else if (close && cell && row) {
          row.cells.push(cell);
          cell = null;
        }
        break;
      case 'gridSpan':
        if (depth === 1 && cell) cell.span = Math.max(1, Math.min(64, Number(val(attrs) ?? 1) || 1));
        break;
      case 'vMerge':
        if (depth === 1 && cell) cell.vMerge = val(attrs) === 'restart' ? 'restart' : 'continue';
        break;
    }
  }
  return out;
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
