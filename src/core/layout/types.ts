// The workbook layout model: a host-independent description of a workbook we write.
// Adapters (ExcelJS, Office.js) render it; nothing here knows either host.
// Rows and columns are 1-based, as in Excel.

export type CellValue = string | number | boolean | null;

interface FontStyle {
  /** First choice; adapters may add fallbacks the host resolves (e.g. 仿宋_GB2312 → 仿宋). */
  name?: string;
  size?: number;
  bold?: boolean;
  /** 'RRGGBB' */
  color?: string;
}

export interface CellStyle {
  font?: FontStyle;
  /** Solid fill, 'RRGGBB'. */
  fill?: string;
  /** Thin border on all four sides. */
  border?: boolean;
  /** Indent from the cell's aligned edge, in Excel indent steps (about one character each): text off the border. */
  indent?: number;
  horizontal?: 'left' | 'center' | 'right';
  vertical?: 'top' | 'middle' | 'bottom';
  wrap?: boolean;
  numFmt?: string;
  /** Cells are locked by default when the sheet is protected; entry cells set false. */
  locked?: boolean;
}

export interface Range {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

export interface LayoutCell {
  r: number;
  c: number;
  value: CellValue;
  /** Key into WorkbookLayout.styles. */
  style?: string;
}

export interface DataValidationRule {
  range: Range;
  type: 'decimal' | 'list';
  /** decimal: value >= min (and <= max when set). */
  min?: number;
  max?: number;
  /** list: the allowed values. */
  list?: string[];
  allowBlank: boolean;
  promptTitle?: string;
  prompt?: string;
  errorTitle?: string;
  error?: string;
  /** 'stop' refuses the entry; 'warning' lets the user keep it. */
  errorStyle?: 'stop' | 'warning';
}

export interface PrintSetup {
  orientation: 'landscape' | 'portrait';
  paper: 'A3' | 'A4';
  /** Fit to one page wide, as many tall as needed. */
  fitToWidth: 1;
  /** Rows repeated at the top of every page. */
  titleRows?: { from: number; to: number };
  /** Inches. */
  margins: { left: number; right: number; top: number; bottom: number; header: number; footer: number };
  /** Centre section texts; '&P' page and '&N' total pages, as Excel codes them. */
  header?: string;
  footer?: string;
  horizontalCentered?: boolean;
}

export interface SheetLayout {
  name: string;
  state: 'visible' | 'hidden' | 'veryHidden';
  /** Column widths in characters, index 0 = column A. */
  columnWidths: number[];
  /** Row heights in points, by 1-based row number. Set for every wrapped row (LibreOffice won't auto-fit). */
  rowHeights: Record<number, number>;
  cells: LayoutCell[];
  merges: Range[];
  freeze?: { rows: number; cols: number };
  autoFilter?: Range;
  /** Protected without a password: guards against accidents, not people. */
  protect: boolean;
  validations: DataValidationRule[];
  print?: PrintSetup;
  /** Manual page breaks: a new printed page starts after each of these rows (keeps merged blocks whole). */
  rowBreaks?: number[];
}

export interface WorkbookLayout {
  sheets: SheetLayout[];
  styles: Record<string, CellStyle>;
}

/** What a check writes back into an existing tracking workbook: cell values and styles by position.
 *  `value: undefined` keeps the cell's value and changes only its style. */
export interface CellPatch {
  sheet: string;
  r: number;
  c: number;
  value?: CellValue;
  style: string;
}

export interface WorkbookPatch {
  styles: Record<string, CellStyle>;
  cells: CellPatch[];
  /** Sheets rewritten whole (e.g. 汇总); replaced if present, added if not. */
  sheets: SheetLayout[];
  /** Rows raised to at least this height in points (new 说明 text must fit; rows never shrink). */
  minRowHeights?: { sheet: string; r: number; height: number }[];
  /** New centre print-header text for a sheet (e.g. the 截至 date of the check). */
  printHeaders?: { sheet: string; header: string }[];
  /** Replaces a sheet's manual page breaks (rows after which a new page starts). */
  rowBreaks?: { sheet: string; rows: number[] }[];
}

/** A workbook as read back by an adapter: every sheet's values as a 0-based grid. */
export interface GridSheet {
  name: string;
  state: 'visible' | 'hidden' | 'veryHidden';
  /** rows[r][c], 0-based; ragged rows allowed. Dates come back as ISO strings 'YYYY-MM-DD'. */
  rows: CellValue[][];
  /** Row heights in points by 1-based row, where the adapter knows them (used to place page breaks). */
  rowHeights?: Record<number, number>;
  /** 1-based [row, column] of numeric cells formatted as percentages (typing 22% stores 0.22), where the adapter
   *  knows, so readers can take the value as the percentage people see. */
  percentCells?: [number, number][];
}

export interface WorkbookGrid {
  sheets: GridSheet[];
}
