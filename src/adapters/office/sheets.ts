/// <reference types="office-js" />
// Sheet lifecycle: list the workbook's sheets, put a layout's sheets in (old ones renamed aside, then deleted
// or kept as "<name>_旧"), and apply a patch to protected and unprotected sheets alike.
import type { CellPatch, SheetLayout, WorkbookLayout, WorkbookPatch } from '../../core/layout/types';
import type { Aside, Batch } from './batch';
import { applyStyles, queueCellValues } from './cells';
import { renderSheet } from './write';

export interface SheetInfo {
  name: string;
  visibility: string;
  /** Whether the sheet is protected (unknown: treated as not). */
  protected?: boolean;
}

/** What listSheets and readTrackingWorkbook load of every sheet. */
export const SHEET_LIST_PROPS = 'items/name,items/visibility,items/protection/protected';

/** The loaded sheet list as SheetInfo. */
export function sheetInfos(list: Excel.WorksheetCollection): SheetInfo[] {
  return list.items.map((s) => ({ name: s.name, visibility: s.visibility, protected: s.protection.protected }));
}

/** One sync: the workbook's sheets in order. */
export async function listSheets(context: Excel.RequestContext): Promise<SheetInfo[]> {
  const sheets = context.workbook.worksheets;
  sheets.load(SHEET_LIST_PROPS);
  await context.sync();
  return sheetInfos(sheets);
}

/**
 * Queues the layout's sheets, replacing same-named ones. Old sheets are renamed aside first and
 * deleted after the new ones exist, so the workbook never lacks a visible sheet mid-request.
 * With `keepOld` the old sheets stay, renamed "<name>_旧…", and their names are returned;
 * `activate` shows the first visible new sheet.
 * The caller syncs (`b.finish()`).
 */
export async function queueLayout(
  b: Batch,
  layout: WorkbookLayout,
  existing: SheetInfo[],
  keepOld = false,
  activate = false,
): Promise<string[]> {
  const sheets = b.context.workbook.worksheets;
  const names = new Set(existing.map((s) => s.name));
  const aside: Aside[] = [];
  const kept: string[] = [];
  const stamp = Date.now().toString(36);
  for (const sheet of layout.sheets) {
    const info = existing.find((s) => s.name === sheet.name);
    if (!info) continue;
    const old = sheets.getItem(sheet.name);
    // Only a protected sheet is unprotected (office-js #6784); it is deleted or kept as it was.
    if (info.protected) old.protection.unprotect();
    let newName = `~${stamp}${aside.length}`;
    if (keepOld) {
      newName = `${sheet.name}_旧`;
      for (let i = 2; names.has(newName); i++) newName = `${sheet.name}_旧${i}`;
      names.add(newName);
      kept.push(newName);
    }
    old.name = newName.slice(0, 31);
    const a = { ws: old, sheet: newName.slice(0, 31), was: sheet.name, wasProtected: !!info.protected };
    aside.push(a);
    b.aside.push(a);
    // A kept old sheet is protected again at the end, as it was.
    if (keepOld && info.protected) b.protectAtEnd(old, a.sheet);
  }
  const created: Array<[Excel.Worksheet, SheetLayout]> = [];
  for (const sheet of layout.sheets) {
    created.push([sheets.add(sheet.name), sheet]);
    b.created.push(sheet.name);
  }
  for (const [ws, sheet] of created) await renderSheet(b, ws, sheet, layout.styles);
  if (!keepOld)
    for (const a of aside) {
      // Very hidden sheets can't be deleted.
      a.ws.visibility = 'Visible';
      a.ws.delete();
    }
  // Only a fresh workbook jumps to its main sheet; a check's 汇总 refresh leaves the view alone.
  const first = created.find(([, s]) => s.state === 'visible');
  if (activate && first) first[0].activate();
  // Protected at the end of the batch, after every write to them (page setup and breaks included).
  for (const [ws, sheet] of created) if (sheet.protect) b.protectAtEnd(ws, sheet.name);
  return kept;
}

/**
 * Queues a patch: cell values (grouped into rectangles, one write each), styles grouped by style,
 * and whole sheets replaced. Protected sheets are unprotected for the write and protected again.
 */
export async function queuePatch(
  b: Batch,
  patch: WorkbookPatch,
  existing: SheetInfo[],
  protectedSheets: ReadonlySet<string>,
): Promise<void> {
  // Protected sheets are opened once for the whole batch and protected again by b.finish().
  const sheets = b.context.workbook.worksheets;
  const bySheet = new Map<string, CellPatch[]>();
  for (const p of patch.cells) {
    const list = bySheet.get(p.sheet);
    if (list) list.push(p);
    else bySheet.set(p.sheet, [p]);
  }
  for (const [name, cells] of bySheet) {
    const ws = sheets.getItem(name);
    b.open(ws, name, protectedSheets.has(name));
    await queueCellValues(b, ws, cells);
    const byStyle = new Map<string, Array<{ r: number; c: number }>>();
    for (const p of cells) {
      const list = byStyle.get(p.style);
      if (list) list.push(p);
      else byStyle.set(p.style, [p]);
    }
    await applyStyles(b, ws, byStyle, patch.styles);
  }
  if (patch.sheets.length) await queueLayout(b, { sheets: patch.sheets, styles: patch.styles }, existing);
}
