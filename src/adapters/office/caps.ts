/// <reference types="office-js" />
// What the running Excel supports beyond the manifest's floor. The floor, ExcelApi 1.13, already has
// everything the adapter writes with (page layout, RangeAreas, auto filter, data validation,
// runtime.enableEvents, Excel.createWorkbook, RunOptions.delayForCellEdit), so only later sets are checked.

export interface OfficeCaps {
  /** ExcelApi 1.20: API writes are undoable and `mergeUndoGroup` joins them to the user's last action.
   *  Before it, any write by an add-in clears the user's undo stack. */
  undoGroups: boolean;
}

export type IsSetSupported = (name: string, version?: string) => boolean;

/** The manifest's <Requirements>: keep in step with manifest.xml and the README's client table. */
export const REQUIRED_EXCEL_API = '1.13';

export function detectCaps(isSetSupported?: IsSetSupported): OfficeCaps {
  const check = isSetSupported ?? officeIsSetSupported();
  const has = (v: string) => {
    try {
      return check('ExcelApi', v);
    } catch {
      return false;
    }
  };
  return { undoGroups: has('1.20') };
}

function officeIsSetSupported(): IsSetSupported {
  const office = (globalThis as { Office?: typeof Office }).Office;
  const req = office?.context?.requirements;
  if (req && typeof req.isSetSupported === 'function') return (n, v) => req.isSetSupported(n, v);
  return () => false;
}

/** Excel for Mac: downloads from the pane do nothing there (office-js #3385, #4681). */
export function isMac(): boolean {
  const office = (globalThis as { Office?: typeof Office }).Office;
  try {
    return String(office?.context?.platform) === 'Mac';
  } catch {
    return false;
  }
}
