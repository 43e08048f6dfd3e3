// What the pane's views show and ask for. The jobs (file mode: ExcelJS; Office mode: Office.js) fill these
// from the core; views only display them. Types only: first paint loads no core code.
import type { Status } from '../../../core/model';

export interface FileIn {
  name: string;
  bytes: Uint8Array;
}

export interface FileOut {
  fileName: string;
  bytes: Uint8Array;
  mime: string;
}

/** Where the plan comes from: the bundled seed, pasted text, the current sheet, or a file (.docx, .xlsx, text). */
export type PlanSource =
  { kind: 'seed' } | { kind: 'text'; text: string } | { kind: 'sheet' } | { kind: 'file'; file: FileIn };

interface IndicatorRow {
  id: string;
  item: number;
  label: string;
  /** A milestone is done by a date; the others have figures. */
  milestone: boolean;
  unit: string;
  h1: number | null;
  annual: number | null;
  deadline: string | null;
  /** Why the extraction may be wrong (Chinese), or null. */
  review: string | null;
}

export interface PlanReview {
  title: string;
  year: number;
  itemCount: number;
  leadUnits: string[];
  indicators: IndicatorRow[];
  warnings: string[];
  /** How a plan file was read ('文件是 GBK 编码的文本，已按 GBK 读取'). */
  notes: string[];
}

export interface ResultRow {
  id: string;
  item: number;
  label: string;
  status: Status;
  /** 全年完成率 in percent (the 说明 says which figure it used). */
  rate: number | null;
  message: string;
}

export interface CheckView {
  asOf: string;
  rows: ResultRow[];
  /** The 通报 paragraph for the same results. */
  bulletin: string;
}

interface ConflictView {
  id: string;
  /** Which entry: 上半年完成 / 全年完成 / 进展情况. */
  field: string;
  values: { unit: string; file: string; value: string }[];
  chosen: string;
}

export interface ConsolidationView {
  applied: number;
  conflicts: ConflictView[];
  rejected: { file: string; reason: string }[];
  missingUnits: string[];
}

/** Reports a step of long work: a short text, and a fraction when known. */
export type Progress = (note: string, fraction?: number) => void;

export interface BookInfo {
  title: string;
  year: number;
  indicators: number;
}

/** File mode: everything on bytes in the page (ExcelJS). */
export interface FileJobs {
  reviewPlan(source: PlanSource): Promise<PlanReview>;
  generate(source: PlanSource, progress: Progress): Promise<FileOut>;
  openBook(book: FileIn): Promise<BookInfo>;
  check(book: FileIn, asOf: string, progress: Progress): Promise<{ view: CheckView; annotated: FileOut }>;
  /** One zip of every lead unit's return form; from the tracking workbook when given, else the bundled plan. */
  returnForms(from: FileIn | null, progress: Progress): Promise<FileOut>;
  /** Merges the returns into a copy of the master, then checks it at `asOf` (default: the round's date). */
  consolidate(
    master: FileIn,
    returns: FileIn[],
    progress: Progress,
    asOf?: string,
  ): Promise<{ report: ConsolidationView; merged: FileOut; message: string }>;
  printCopy(book: FileIn, asOf: string, progress: Progress): Promise<{ file: FileOut; bulletin: string }>;
}

/** Office mode: the same jobs on the open workbook (Office.js adapter). */
export interface OfficeJobs {
  reviewPlan(source: PlanSource): Promise<PlanReview>;
  hasTracking(): Promise<boolean>;
  /** Writes the tracking sheets (replacing agreed); a sentence saying what was kept. */
  generate(source: PlanSource, progress: Progress): Promise<string>;
  check(asOf: string, progress: Progress): Promise<CheckView>;
  selectIndicator(id: string): Promise<void>;
  /** Turns live validation on or off; on, says what it means for protection and undo. */
  setLiveValidation(on: boolean, asOf: () => string, onError: (message: string) => void): Promise<string | null>;
  /** `canOpen`: Excel.createWorkbook is there; `canDownload`: downloads work in this Excel (not on Mac). */
  returnForms(
    progress: Progress,
  ): Promise<{ zip: FileOut; forms: (FileOut & { unit: string })[]; canOpen: boolean; canDownload: boolean }>;
  /** Opens a form as a new workbook (Excel.createWorkbook, ExcelApi 1.8). */
  openInExcel(file: FileOut): Promise<void>;
  previewConsolidation(returns: FileIn[], progress: Progress): Promise<ConsolidationView>;
  /** Applies the previewed returns, and re-checks at `asOf`. */
  applyConsolidation(asOf: string, progress: Progress): Promise<{ report: ConsolidationView; message: string }>;
  /** Refreshes 汇总 and applies the print setup. */
  print(asOf: string, progress: Progress): Promise<{ bulletin: string; note: string }>;
}
