// A workbook host in memory, for running the core's jobs in tests: values only, sheets replaced, set aside
// or patched the way a host does. Adding a host is this much plus the real thing's I/O.
import type { HostWrite, HostWritten, WorkbookHost } from '../../src/core/host';
import type { PrintSetup, WorkbookGrid } from '../../src/core/layout/types';
import { gridWithPatch, layoutGrid } from '../../src/core/layout/grid';

export class FakeHost implements WorkbookHost {
  readonly notes: string[] = [];
  /** Page setup written, by sheet. */
  readonly print = new Map<string, PrintSetup>();
  writes = 0;
  /** Names asked of readSheets, per call. */
  readonly asked: string[][] = [];

  /** `wholeFile`: behave like a file host (a layout replaces the whole workbook). */
  constructor(
    public grid: WorkbookGrid = { sheets: [] },
    readonly wholeFile = false,
  ) {}

  async listSheets(): Promise<string[]> {
    return this.grid.sheets.map((s) => s.name);
  }

  async readSheets(names: readonly string[]): Promise<WorkbookGrid> {
    this.asked.push([...names]);
    return { sheets: this.grid.sheets.filter((s) => this.wholeFile || names.includes(s.name)) };
  }

  async write(change: HostWrite): Promise<HostWritten> {
    this.writes++;
    const keptSheets: string[] = [];
    let sheets = this.grid.sheets;
    if (change.layout) {
      const fresh = layoutGrid(change.layout).sheets;
      const replaced = new Set(fresh.map((s) => s.name));
      const old = this.wholeFile ? [] : sheets.filter((s) => !replaced.has(s.name) || change.keepAside);
      for (const s of old.filter((s) => replaced.has(s.name))) keptSheets.push(`${s.name}_旧`);
      sheets = [...old.map((s) => (replaced.has(s.name) ? { ...s, name: `${s.name}_旧` } : s)), ...fresh];
    }
    let grid: WorkbookGrid = { sheets };
    for (const patch of change.patches ?? []) grid = gridWithPatch(grid, patch);
    for (const p of change.print ?? []) this.print.set(p.sheet, p.setup);
    this.grid = grid;
    return { keptSheets, printNotApplied: [] };
  }

  progress(note: string): void {
    this.notes.push(note);
  }
}
