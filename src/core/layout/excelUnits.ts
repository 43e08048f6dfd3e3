// Excel's units, in one place. A column width in the layout is what a .xlsx stores in <col width>: characters
// of the default font's widest digit (7 px at Calibri 11) with the cell padding already inside (ECMA-376
// §18.3.1.13). Excel's own "column width" dialog shows the same column 5 px (about 0.7 character) narrower.
// Office.js takes widths in points (96 px = 72 pt), row heights are points everywhere.

/** Width of the default font's widest digit, in pixels at 96 dpi (Calibri 11). */
export const DIGIT_PX = 7;
/** Padding Excel keeps inside a column (2 px a side plus the grid line), in pixels. */
const CELL_PADDING_PX = 5;
/** Points per pixel at 96 dpi. */
const PT_PER_PX = 0.75;

/** Pixels of a column whose stored width is `width` (the file format's rounding to whole pixels). */
function columnPx(width: number): number {
  return Math.trunc(((256 * width + Math.trunc(128 / DIGIT_PX)) / 256) * DIGIT_PX);
}

/** Points of a column whose stored width is `width`: what Office.js's Range.format.columnWidth takes. */
export function columnPoints(width: number): number {
  return columnPx(width) * PT_PER_PX;
}

/** Pixels left for text in a column of stored width `width`, after Excel's padding. */
export function textPx(width: number): number {
  return columnPx(width) - CELL_PADDING_PX;
}

/** Points in an inch (margins are inches in the layout, points in Office.js and on paper). */
export const POINTS_PER_INCH = 72;

/** Margins for Office.js: inches to points, to the hundredth. */
export function inchesToPoints(inches: number): number {
  return Math.round(inches * 72 * 100) / 100;
}
