// Consolidation over .xlsx bytes: read the master and the returns, let the core decide, apply the patch.
// Two steps so a UI can show the report before anything is written.
import type { WorkbookGrid, WorkbookPatch } from '../../core/layout/types';
import {
  consolidateGrids,
  readMaster,
  type ConsolidateOptions,
  type ConsolidationResult,
  type ReturnInput,
} from '../../core/consolidate';
import { InputError } from '../../core/model';
import { placeZh } from '../../core/errors';
import { gridOfPackage, readGridFast } from './grid';
import { XlsxPackage } from './package';
import { patchPackage } from './patch';

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

/** Loads the master once: its grid for the rules, and the package to patch in place afterwards. A workbook
 *  that isn't a master is refused here, with the file named. */
export async function loadMaster(data: Uint8Array, where?: string): Promise<LoadedMaster> {
  const pkg = await XlsxPackage.open(data, where);
  const grid = await gridOfPackage(pkg);
  try {
    readMaster(grid);
  } catch (e) {
    throw naming(e, where);
  }
  let used = false;
  return {
    grid,
    async apply(patch) {
      if (used) throw new Error('master already patched; load it again');
      used = true;
      await patchPackage(pkg, patch);
      return pkg.bytes();
    },
  };
}

/** An InputError that names `file` (the master's "this isn't a master" comes from rules that don't know it). */
export function naming(e: unknown, file: string | undefined): unknown {
  if (!(e instanceof InputError) || !file || e.message.startsWith(`${file}: `)) return e;
  const zh = e.zh && e.where ? `${placeZh(e.where)}：${e.zh}` : e.zh;
  return new InputError(e.message, file, zh ?? '这不是推进表总表');
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
      // The reason goes into the report and 日志 in Chinese, like every other rejection reason. A fault of
      // this reader is said to be one (not blamed on the file), and the other returns still go in.
      if (e instanceof InputError)
        out.push({ file: f.file, error: `文件无法读取：${e.zh ?? e.message.replace(`${f.file}: `, '')}` });
      else
        out.push({
          file: f.file,
          error: `读取时发生内部错误（不是文件的问题，请报告）：${e instanceof Error ? e.message.slice(0, 200) : String(e)}`,
        });
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
  try {
    return { ...consolidateGrids(loaded.grid, inputs, opts), master: loaded };
  } catch (e) {
    throw naming(e, opts.masterName);
  }
}
