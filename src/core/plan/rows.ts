// Splits plan-table text into rows of cells. Tab-separated, as pasted from Excel or Word or extracted from a PDF,
// or comma-separated (CSV); Excel quotes a cell that holds line breaks or the separator, so quoted cells may
// span lines.

export interface TextRow {
  /** 1-based line number where the row starts. */
  line: number;
  cells: string[];
}

/**
 * The separator of plan-table text: a tab when any line has one (text pasted from a table), else a comma when
 * the lines have commas outside quotes (CSV), else a tab (one cell per line).
 */
export function detectSeparator(text: string): '\t' | ',' {
  if (text.includes('\t')) return '\t';
  // A comma outside quoted cells in the first lines; Chinese prose uses the full-width '，'. One pass, no regex.
  let quoted = false;
  for (let i = 0; i < text.length && i < 20000; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (ch === ',' && !quoted) return ',';
  }
  return '\t';
}

/** The quoted cell starting at `i`, running to its closing quote ("" is a literal quote): its value, the index of
 *  the closing quote and the line breaks inside. Null when it isn't a well-formed quoted cell (the closing quote
 *  must end the cell). */
function quotedCellAt(src: string, i: number, sep: string): { value: string; close: number; breaks: number } | null {
  let j = i + 1;
  let value = '';
  let breaks = 0;
  let closed = false;
  while (j < src.length) {
    if (src[j] === '"') {
      if (src[j + 1] === '"') {
        value += '"';
        j += 2;
        continue;
      }
      closed = true;
      break;
    }
    if (src[j] === '\n') breaks++;
    value += src[j];
    j++;
  }
  const after = src[j + 1];
  return closed && (after === sep || after === '\n' || after === undefined) ? { value, close: j, breaks } : null;
}

/** Rows of cells; a quoted cell may hold the separator and line breaks. */
export function splitRows(text: string, sep: '\t' | ',' = '\t'): TextRow[] {
  const src = text.replace(/\r\n?/g, '\n');
  // Without quotes every line is a row: the common case, and much faster.
  if (!src.includes('"')) {
    const lines = src.split('\n');
    if (lines[lines.length - 1] === '') lines.pop();
    return lines.map((l, i) => ({ line: i + 1, cells: l.split(sep) }));
  }
  const rows: TextRow[] = [];
  let cells: string[] = [];
  let cell = '';
  let line = 1;
  let rowLine = 1;
  let i = 0;
  let atCellStart = true;
  while (i < src.length) {
    const ch = src[i];
    if (atCellStart && ch === '"') {
      const q = quotedCellAt(src, i, sep);
      if (q) {
        cell = q.value;
        line += q.breaks;
        i = q.close + 1;
        atCellStart = false;
        continue;
      }
      // Not a well-formed quoted cell: the quote is read as text.
    }
    if (ch === sep) {
      cells.push(cell);
      cell = '';
      atCellStart = true;
    } else if (ch === '\n') {
      cells.push(cell);
      rows.push({ line: rowLine, cells });
      cells = [];
      cell = '';
      line++;
      rowLine = line;
      atCellStart = true;
    } else {
      cell += ch;
      atCellStart = false;
    }
    i++;
  }
  if (cell !== '' || cells.length) {
    cells.push(cell);
    rows.push({ line: rowLine, cells });
  }
  return rows;
}
