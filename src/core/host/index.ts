// The host port: the few things a job needs from wherever the workbook lives (Excel through Office.js,
// .xlsx bytes, a test's memory). Jobs (src/core/jobs) are written once over it; each host is one adapter.
import type { PrintSetup, WorkbookGrid, WorkbookLayout, WorkbookPatch } from '../layout/types';

/** What a job writes, in one go: whole sheets first, then patches in order, then page setup. */
export interface HostWrite {
  /** Sheets written whole, replacing same-named ones. */
  layout?: WorkbookLayout;
  /** Keep replaced sheets under another name instead of deleting them (only where `wholeFile` is false). */
  keepAside?: boolean;
  /** Cells, sheets and print headers changed in place, in order. */
  patches?: WorkbookPatch[];
  /** Page setup for sheets of the workbook, by name. */
  print?: Array<{ sheet: string; setup: PrintSetup }>;
}

export interface HostWritten {
  /** Old sheets kept under a new name. */
  keptSheets: string[];
  /** Sheets whose page setup the host did not apply in full (Excel dropping fit-to-width, office-js #1860;
   *  a file keeps its own page setup). */
  printNotApplied: string[];
}

export interface WorkbookHost {
  /** True when writing a layout makes a whole new workbook (a file): sheets not in it are gone, none set aside. */
  readonly wholeFile: boolean;
  /** The workbook's sheet names, in order (may come from the job's last read). */
  listSheets(): Promise<string[]>;
  /** Values of the named sheets (missing ones left out; a whole-file host may give every sheet). `heightsOf`:
   *  also that sheet's row heights; `required`: a sheet the job can't do without (the host says so if missing). */
  readSheets(names: readonly string[], opts?: { heightsOf?: string; required?: string }): Promise<WorkbookGrid>;
  /** Writes a layout and/or patches and page setup, all or nothing as far as the host can. */
  write(change: HostWrite): Promise<HostWritten>;
  /** Tells the user what the job is doing: a Chinese note and the fraction done. */
  progress(note: string, fraction?: number): void;
}
