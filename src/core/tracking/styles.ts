// Cell styles of the tracking workbook, by key: the layout, the check patch and consolidation name them.
import type { CellStyle } from '../layout/types';
import { COLOR, FONT, SIZE, TEXT_INDENT } from '../layout/styles';

const border = true;
const body = { name: FONT.body, size: SIZE.body };
/** Where people type figures: unlocked, tinted. */
const ENTRY: CellStyle = {
  font: body,
  border,
  horizontal: 'center',
  vertical: 'middle',
  wrap: true,
  fill: COLOR.entryFill,
  locked: false,
};

/** Cell styles shared by the tracking workbook's sheets (keys used by layout and patches). */
export const TRACKING_STYLES: Record<string, CellStyle> = {
  attach: { font: { name: FONT.heading, size: SIZE.attach }, horizontal: 'left', vertical: 'middle' },
  title: { font: { name: FONT.title, size: SIZE.title }, horizontal: 'center', vertical: 'middle', wrap: true },
  head: {
    font: { name: FONT.heading, size: SIZE.heading },
    fill: COLOR.headerFill,
    border,
    horizontal: 'center',
    vertical: 'middle',
    wrap: true,
  },
  center: { font: body, border, horizontal: 'center', vertical: 'middle', wrap: true },
  left: { font: body, border, horizontal: 'left', vertical: 'middle', wrap: true, indent: TEXT_INDENT },
  // 进展情况 from returns: text as text, so a leading '=' never becomes a formula.
  progressText: {
    font: body,
    border,
    horizontal: 'left',
    vertical: 'middle',
    wrap: true,
    indent: TEXT_INDENT,
    numFmt: '@',
  },
  entry: ENTRY,
  /** An entry cell the user formatted as a percentage (typing 53% stores 0.53): a check keeps it so. */
  entryPct: { ...ENTRY, numFmt: '0%' },
  rate: { font: body, border, horizontal: 'center', vertical: 'middle', numFmt: '0%' },
  text: { font: body, horizontal: 'left', vertical: 'middle', wrap: true },
  note: {
    font: { name: FONT.body, size: SIZE.small, color: '595959' },
    horizontal: 'left',
    vertical: 'middle',
    wrap: true,
  },
  subtitle: { font: { name: FONT.heading, size: 12 }, horizontal: 'left', vertical: 'middle' },
  num: { font: body, border, horizontal: 'center', vertical: 'middle', numFmt: 'General' },
  plain: { font: body },
};
