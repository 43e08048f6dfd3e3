/// <reference types="office-js" />
// What the running Excel supports beyond the manifest's ExcelApi 1.7 floor. Each optional feature is
// skipped, not faked, when its set is missing.

export interface OfficeCaps {
  /** ExcelApi 1.8: data validation, runtime.enableEvents, Excel.createWorkbook. */
  api18: boolean;
  /** ExcelApi 1.9: pageLayout, auto filter, RangeAreas (getRanges), suspendScreenUpdatingUntilNextSync. */
  api19: boolean;
}

export type IsSetSupported = (name: string, version?: string) => boolean;

/** The manifest's <Requirements>: keep in step with manifest.xml. */
export const REQUIRED_EXCEL_API = '1.7';

export function detectCaps(isSetSupported?: IsSetSupported): OfficeCaps {
  const check = isSetSupported ?? officeIsSetSupported();
  const has = (v: string) => {
    try {
      return check('ExcelApi', v);
    } catch {
      return false;
    }
  };
  return { api18: has('1.8'), api19: has('1.9') };
}

function officeIsSetSupported(): IsSetSupported {
  const office = (globalThis as { Office?: typeof Office }).Office;
  const req = office?.context?.requirements;
  if (req && typeof req.isSetSupported === 'function') return (n, v) => req.isSetSupported(n, v);
  return () => false;
}
