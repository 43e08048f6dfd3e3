// Government-document typography for the workbooks we write, and the fallbacks hosts may resolve.

/** Font names as Chinese offices have them. Hosts without them substitute (see FONT_FALLBACKS). */
export const FONT = {
  /** 小标宋 for document titles. */
  title: '方正小标宋简体',
  /** 黑体 for headers. */
  heading: '黑体',
  /** 仿宋_GB2312 for body text; plain 仿宋 on machines without the GB2312 font. */
  body: '仿宋_GB2312',
} as const;

/** Point sizes (公文: 小标宋 二号-ish title, 黑体/仿宋 for the table). Body text and headers are 11 pt so that a sheet
 *  scaled to fit its paper (about 88% for 推进计划表 on A3) still prints at 9 pt or more. Whole points only: ExcelJS
 *  reads a font size as an integer, so a 10.5 pt header would shrink to 10 pt after a check. */
export const SIZE = { title: 18, attach: 12, heading: 11, body: 11, small: 11 } as const;

/** Indent (in Excel steps) that keeps left-aligned text off the cell border. */
export const TEXT_INDENT = 1;

/** Fill colours, 'RRGGBB'. */
export const COLOR = {
  headerFill: 'D9D9D9',
  entryFill: 'FFF2CC',
  white: 'FFFFFF',
} as const;

/** Page footer on every sheet we print: 第 N 页 共 M 页. */
export const PAGE_FOOTER = '第 &P 页 共 &N 页';
