// The file host: the core's jobs (src/core/jobs) on .xlsx bytes, for the CLI and the page's file mode.
// A new layout is a whole new file (ExcelJS); patches go in place (./patch), so every part of the file we
// don't own keeps its bytes. No fs: bytes in, bytes out.
import type { WorkbookGrid } from '../../core/layout/types';
import type { HostWrite, HostWritten, WorkbookHost } from '../../core/host';
import { readWorkbookGrid } from './read';
import { writeWorkbook } from './render';
import { applyPatch } from './patch';

export interface XlsxHostOptions {
  /** The file's values when the caller has read them already (the page reads an opened file once). */
  grid?: Promise<WorkbookGrid>;
  /** Told about each phase of a job (Chinese note, fraction done). */
  progress?: (note: string, fraction?: number) => void;
}

export class XlsxHost implements WorkbookHost {
  readonly wholeFile = true;
  private grid: Promise<WorkbookGrid> | null;
  /** Sheet names, once read. */
  private names: string[] | null = null;

  /** `data`: the workbook's bytes, or null for a workbook not written yet. `where` names it in errors. */
  constructor(
    private data: Uint8Array | null,
    readonly where?: string,
    private readonly opts: XlsxHostOptions = {},
  ) {
    this.grid = opts.grid ?? null;
  }

  /** The workbook as last written (the bytes given, until a job writes). */
  get bytes(): Uint8Array | null {
    return this.data;
  }

  progress(note: string, fraction?: number): void {
    this.opts.progress?.(note, fraction);
  }

  /** Reads the file (zip guard and bounds first; bad files are InputErrors naming it). */
  private values(): Promise<WorkbookGrid> {
    if (!this.grid) this.grid = this.data ? readWorkbookGrid(this.data, this.where) : Promise.resolve({ sheets: [] });
    return this.grid;
  }

  async listSheets(): Promise<string[]> {
    if (!this.names) this.names = (await this.values()).sheets.map((s) => s.name);
    return this.names;
  }

  /** Every sheet, whatever was asked: core's readers find a renamed sheet by its header, and regenerating a
   *  file must see all it would replace. Row heights come with the values. The host lets go of them once
   *  handed over: a big workbook's grid needn't stay while the job goes on. */
  async readSheets(): Promise<WorkbookGrid> {
    const grid = await this.values();
    this.names ??= grid.sheets.map((s) => s.name);
    this.grid = null;
    return grid;
  }

  async write(change: HostWrite): Promise<HostWritten> {
    this.grid = null;
    this.names = null;
    let bytes = change.layout ? await writeWorkbook(change.layout) : this.data;
    for (const patch of change.patches ?? []) {
      if (!bytes) throw new Error('patch on a workbook not written yet');
      bytes = await applyPatch(bytes, patch, this.where);
    }
    this.data = bytes;
    // A file keeps the page setup it was generated with; only print headers come with patches.
    return { keptSheets: [], printNotApplied: (change.print ?? []).map((p) => p.sheet) };
  }
}
