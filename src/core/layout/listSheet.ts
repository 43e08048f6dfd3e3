// A plain list sheet (日志, 进展情况): one header row, frozen and filtered, printed A4 landscape one page wide.
import type { LayoutCell, PrintSetup, SheetLayout } from './types';
import { PAGE_FOOTER } from './styles';

/** A4 landscape, one page wide, the first row repeated, `header` in the page header. */
function listPrint(header: string): PrintSetup {
  return {
    orientation: 'landscape',
    paper: 'A4',
    fitToWidth: 1,
    titleRows: { from: 1, to: 1 },
    margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    header,
    footer: PAGE_FOOTER,
  };
}

export function listSheet(opts: {
  name: string;
  columnWidths: number[];
  cells: LayoutCell[];
  rowHeights: Record<number, number>;
  printHeader: string;
}): SheetLayout {
  return {
    name: opts.name,
    state: 'visible',
    columnWidths: opts.columnWidths,
    rowHeights: opts.rowHeights,
    cells: opts.cells,
    merges: [],
    freeze: { rows: 1, cols: 0 },
    autoFilter: { r1: 1, c1: 1, r2: 1, c2: opts.columnWidths.length },
    protect: false,
    validations: [],
    print: listPrint(opts.printHeader),
  };
}
