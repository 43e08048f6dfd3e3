// Consolidation over .xlsx bytes: read the master and the returns, let the core decide, apply the patch.
// Two steps so a UI can show the report before anything is written.
import type { WorkbookGrid, WorkbookPatch } from '../../core/layout/types';
import { consolidateGrids, type ConsolidateOptions, type ConsolidationResult, type ReturnInput } from '../../core/consolidate';
import { InputError } from '../../core/model';
import { readGridFast } from './grid';
import { gridOf, loadWorkbook } from './read';
import { patchWorkbook } from './patch';
import { workbookBytes } from './render';

export interface ReturnFile {
  /** Name shown in the report and 日志. */
  file: string;
  data: Uint8Array;
  /** Set when the bytes couldn't even be fetched (missing file): the return is rejected with it. */
  error?: string;
}

export interface LoadedMaster {
  grid: WorkbookGrid;
  /** New master bytes with the patch applied; the loaded bytes are not changed. Call once. */
  apply(patch: WorkbookPatch): Promise<Uint8Array>;
}

/** Loads the master once: its grid for the rules, and the workbook to patch afterwards. */
export async function loadMaster(data: Uint8Array, where?: string): Promise<LoadedMaster> {
  const wb = await loadWorkbook(data, where);
  let used = false;
  return {
    grid: gridOf(wb),
    async apply(patch) {
      if (used) throw new Error('master already patched; load it again');
      used = true;
      patchWorkbook(wb, patch);
      return workbookBytes(wb);
    },
  };
}

/** Reads each return on its own; one that can't be read becomes a rejection reason, not a failure.
 *  Values only (returns are never written back), with the same zip guard and unpack budget. */
export async function readReturnFiles(files: ReturnFile[]): Promise<ReturnInput[]> {
  const out: ReturnInput[] = [];
  for (const f of files) {
    if (f.error) {
      out.push({ file: f.file, error: `文件无法读取：${f.error}` });
      continue;
    }
    try {
      out.push({ file: f.file, grid: await readGridFast(f.data, f.file) });
    } catch (e) {
      // The reason goes into the report and 日志 in Chinese, like every other rejection reason.
      const msg = e instanceof InputError ? (e.zh ?? e.message.replace(`${f.file}: `, '')) : e instanceof Error ? e.message : String(e);
      out.push({ file: f.file, error: `文件无法读取：${msg}` });
    }
  }
  return out;
}

/** Master and return bytes → report, patch, and the loaded master ready to apply it. */
export async function consolidateWorkbooks(
  master: Uint8Array,
  returns: ReturnFile[],
  opts: ConsolidateOptions & { masterName?: string },
): Promise<ConsolidationResult & { master: LoadedMaster }> {
  // Master first: a broken master fails fast, before any return is read.
  const loaded = await loadMaster(master, opts.masterName);
  const inputs = await readReturnFiles(returns);
  return { ...consolidateGrids(loaded.grid, inputs, opts), master: loaded };
}
