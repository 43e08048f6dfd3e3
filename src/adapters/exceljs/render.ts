// Renders the layout model with ExcelJS. No fs: takes and returns bytes, so the pane can bundle it.
import * as ExcelJS from 'exceljs';
import type { DataValidationRule, PrintSetup, Range, SheetLayout, WorkbookLayout } from '../../core/layout/types';
import { styleTable } from './styles';
import { colLetters } from '../../core/layout/address';
import { headerSection } from '../../core/layout/print';
import { PROTECTION_ALLOWS } from '../../core/layout/protection';

type StyleOf = ReturnType<typeof styleTable>;

function address(r: Range): string {
  // Always a range ('A1:A1'): ExcelJS's autoFilter and validations take one.
  return `${colLetters(r.c1)}${r.r1}:${colLetters(r.c2)}${r.r2}`;
}

/** Header/footer text as the centre section. */
function headerCode(text: string): string {
  return `&C${headerSection(text)}`;
}

/** Applies print setup. ExcelJS 4.4.0 writes fitToPage into sheetPr/pageSetUpPr; we set nothing else
 *  in sheetPr (outlinePr beside it makes Excel reject the file) and use only oddHeader/oddFooter. */
function applyPrint(ws: ExcelJS.Worksheet, print: PrintSetup): void {
  Object.assign(ws.pageSetup, {
    orientation: print.orientation,
    paperSize: print.paper === 'A3' ? 8 : 9,
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    scale: undefined,
    margins: { ...print.margins },
    horizontalCentered: print.horizontalCentered ?? false,
    printTitlesRow: print.titleRows ? `${print.titleRows.from}:${print.titleRows.to}` : undefined,
  });
  ws.headerFooter = {
    differentFirst: false,
    differentOddEven: false,
    ...(print.header ? { oddHeader: headerCode(print.header) } : {}),
    ...(print.footer ? { oddFooter: headerCode(print.footer) } : {}),
  };
}

function validation(rule: DataValidationRule): ExcelJS.DataValidation {
  const base = {
    allowBlank: rule.allowBlank,
    showInputMessage: Boolean(rule.prompt),
    promptTitle: rule.promptTitle,
    prompt: rule.prompt,
    showErrorMessage: true,
    errorStyle: rule.errorStyle ?? 'stop',
    errorTitle: rule.errorTitle,
    error: rule.error,
  };
  if (rule.type === 'list') {
    return { ...base, type: 'list', formulae: [`"${(rule.list ?? []).join(',')}"`] };
  }
  if (rule.max !== undefined) {
    return { ...base, type: 'decimal', operator: 'between', formulae: [rule.min ?? 0, rule.max] };
  }
  return { ...base, type: 'decimal', operator: 'greaterThanOrEqual', formulae: [rule.min ?? 0] };
}

/** Replaces the worksheet's manual row breaks (ExcelJS doesn't read them back from files, so a
 *  patched workbook gets them from the patch). */
function setRowBreaks(ws: ExcelJS.Worksheet, rows: number[]): void {
  (ws as unknown as { rowBreaks: unknown[] }).rowBreaks = [];
  // Explicit last column: ExcelJS's default (16838) is past Excel's last column (16384 → max 16383).
  for (const r of rows) ws.getRow(r).addPageBreak(1, 16384);
}

/** Merges ranges known not to overlap. ExcelJS checks each new merge against all earlier ones
 *  (quadratic: minutes for 10,000 rows), so each merge is made against an empty index and the
 *  index is put back together after. */
function mergeAll(ws: ExcelJS.Worksheet, merges: Range[]): void {
  const internal = ws as unknown as { _merges: Record<string, unknown> };
  const all: Record<string, unknown> = { ...internal._merges };
  for (const m of merges) {
    if (m.r1 === m.r2 && m.c1 === m.c2) continue;
    internal._merges = {};
    ws.mergeCells(m.r1, m.c1, m.r2, m.c2);
    Object.assign(all, internal._merges);
  }
  internal._merges = all;
}

/** Draws one sheet layout into a (new, empty) worksheet. */
function renderSheet(ws: ExcelJS.Worksheet, sheet: SheetLayout, styleOf: StyleOf): void {
  ws.state = sheet.state;
  sheet.columnWidths.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  // Row.getCell(n) skips the address parsing that Worksheet.getCell(r, c) does for every cell.
  let row: ExcelJS.Row | null = null;
  for (const cell of sheet.cells) {
    if (!row || row.number !== cell.r) row = ws.getRow(cell.r);
    const c = row.getCell(cell.c);
    if (cell.value !== null) c.value = cell.value;
    const st = styleOf(cell.style);
    if (st) c.style = st;
  }
  for (const [r, h] of Object.entries(sheet.rowHeights)) ws.getRow(Number(r)).height = h;
  mergeAll(ws, sheet.merges);
  if (sheet.freeze && (sheet.freeze.rows > 0 || sheet.freeze.cols > 0)) {
    ws.views = [{ state: 'frozen', xSplit: sheet.freeze.cols, ySplit: sheet.freeze.rows, showGridLines: true }];
  }
  if (sheet.autoFilter) ws.autoFilter = address(sheet.autoFilter);
  // dataValidations exists on ExcelJS worksheets but is missing from its typings.
  const dv = (ws as unknown as { dataValidations: { add(addr: string, v: ExcelJS.DataValidation): void } })
    .dataValidations;
  for (const rule of sheet.validations) dv.add(address(rule.range), validation(rule));
  if (sheet.print) applyPrint(ws, sheet.print);
  setRowBreaks(ws, sheet.rowBreaks ?? []);
  if (sheet.protect) {
    // ExcelJS's model names what stays allowed, as the policy does.
    (ws as unknown as { sheetProtection: Record<string, boolean> }).sheetProtection = {
      sheet: true,
      selectLockedCells: true,
      selectUnlockedCells: true,
      ...PROTECTION_ALLOWS,
    };
  }
}

/** Renders a whole layout into a new ExcelJS workbook. */
function renderWorkbook(layout: WorkbookLayout): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Tuijin';
  const styleOf = styleTable(layout.styles);
  for (const sheet of layout.sheets) renderSheet(wb.addWorksheet(sheet.name), sheet, styleOf);
  return wb;
}

/** Serialises an ExcelJS workbook to .xlsx bytes. */
async function workbookBytes(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  const buf = await wb.xlsx.writeBuffer();
  return buf instanceof Uint8Array ? buf : new Uint8Array(buf as ArrayBuffer);
}

/** Renders a layout straight to .xlsx bytes. */
export async function writeWorkbook(layout: WorkbookLayout): Promise<Uint8Array> {
  return workbookBytes(renderWorkbook(layout));
}
