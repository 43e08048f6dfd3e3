// How the tracking workbook prints: the preset per sheet, the 截至 header, and page breaks that never cut
// an item's rows.
import type { PrintSetup } from '../layout/types';
import { landscapePrint } from '../layout/print';
import { blockBreaks, pageCapacity, spanHeight } from '../layout/pages';
import { chineseDate as cnDate } from '../dates';
import { MAIN_ROW, MAIN_WIDTHS } from './sheet';

/** Print setup we use everywhere: landscape, one page wide, page x of y, 截至 header. */
export function trackingPrint(
  paper: 'A3' | 'A4',
  titleRows: { from: number; to: number } | undefined,
  asOf?: string,
): PrintSetup {
  return landscapePrint(paper, 'table', { titleRows, header: asOfHeader(asOf), centred: true });
}

/** The print-header text for an as-of date ('截至 2023年6月30日'). */
export function asOfHeader(asOf?: string): string {
  return asOf ? `截至 ${cnDate(asOf)}` : '截至    年  月  日';
}

/** Page breaks for the main sheet so no item's merged rows are cut across two printed pages. */
export function mainRowBreaks(rowHeights: Record<number, number>, blocks: { first: number; last: number }[]): number[] {
  const print = trackingPrint('A3', { from: MAIN_ROW.group, to: MAIN_ROW.header });
  const capacity = pageCapacity(MAIN_WIDTHS, print);
  const lead = spanHeight(rowHeights, 1, blocks.length > 0 ? blocks[0].first - 1 : MAIN_ROW.header);
  const repeated = spanHeight(rowHeights, MAIN_ROW.group, MAIN_ROW.header);
  return blockBreaks(
    capacity,
    lead,
    repeated,
    blocks.map((b) => ({ first: b.first, height: spanHeight(rowHeights, b.first, b.last) })),
  );
}
