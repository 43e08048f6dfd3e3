// A plain list sheet (日志, 进展情况): one header row, frozen and filtered, printed A4 landscape one page wide.
import type { LayoutCell, PrintSetup, SheetLayout } from './types';
import { landscapePrint } from './print';

/** A4 landscape, one page wide, the first row repeated, `header` in the page header. */
function listPrint(header: string): PrintSetup {
  return landscapePrint('A4', 'list', { titleRows: { from: 1, to: 1 }, header });
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
