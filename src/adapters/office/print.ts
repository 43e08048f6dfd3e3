/// <reference types="office-js" />
// Page setup and manual page breaks through Office.js (margins in points, header codes as the file adapter's).
import type { PrintSetup } from '../../core/layout/types';
import { inchesToPoints } from '../../core/layout/excelUnits';
import { headerSection } from '../../core/layout/print';
import { type Batch, jsonBytes } from './batch';

/** Page setup. Returns a check, valid after the batch's sync, that "fit to N pages wide" stuck: Excel can drop
 *  it silently (office-js #1860). The zoom is loaded in the same request, so it costs no sync. */
export async function applyPrint(b: Batch, ws: Excel.Worksheet, p: PrintSetup): Promise<() => boolean> {
  await b.room(jsonBytes(p) + 600);
  const pl = ws.pageLayout;
  pl.orientation = p.orientation === 'landscape' ? 'Landscape' : 'Portrait';
  pl.paperSize = p.paper === 'A3' ? 'A3' : 'A4';
  // One page wide, as many tall as it takes (0 = automatic). No `scale`: fit-to replaces it.
  pl.zoom = { horizontalFitToPages: p.fitToWidth, verticalFitToPages: 0 };
  const pt = inchesToPoints;
  pl.leftMargin = pt(p.margins.left);
  pl.rightMargin = pt(p.margins.right);
  pl.topMargin = pt(p.margins.top);
  pl.bottomMargin = pt(p.margins.bottom);
  pl.headerMargin = pt(p.margins.header);
  pl.footerMargin = pt(p.margins.footer);
  if (p.horizontalCentered !== undefined) pl.centerHorizontally = p.horizontalCentered;
  if (p.titleRows) pl.setPrintTitleRows(`$${p.titleRows.from}:$${p.titleRows.to}`);
  const hf = pl.headersFooters.defaultForAllPages;
  hf.centerHeader = headerSection(p.header ?? '');
  hf.centerFooter = headerSection(p.footer ?? '');
  pl.load('zoom');
  return () => pl.zoom?.horizontalFitToPages === p.fitToWidth;
}

/** Manual page breaks after the given rows. */
export async function setRowBreaks(b: Batch, ws: Excel.Worksheet, rows: number[], replace: boolean): Promise<void> {
  await b.room(80 + rows.length * 60);
  if (replace) ws.horizontalPageBreaks.removePageBreaks();
  // Office.js puts a break before the range's top row, so "after row r" is row r + 1.
  for (const r of rows) ws.horizontalPageBreaks.add(`A${r + 1}`);
}
