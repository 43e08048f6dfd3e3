// Shared pieces of the hostile-file tests for returns and the CLI: files edited by another program
// (openpyxl), the CLI run in-process, and hashes that prove no input file changed.
import { execFileSync } from 'child_process';
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { main } from '../../src/apps/cli/main';
import type { CellValue } from '../../src/core/layout/types';

export {
  fillWithOpenpyxl,
  formsOf,
  masterOf,
  readWorkbookGrid,
  seedPlan,
  tmpDir,
  ROUND,
  SEED,
  PYTHON,
} from '../consolidate/fixtures';

export type EditOp =
  | { op: 'set'; sheet: string; cell: string; value: CellValue }
  | { op: 'swap'; sheet: string; a: string; b: string }
  | { op: 'swap_rows'; sheet: string; a: number; b: number; from: number; to: number }
  | { op: 'unprotect'; sheet: string }
  | { op: 'delete_rows' | 'insert_rows'; sheet: string; row: number; count?: number }
  | { op: 'clear'; sheet: string; cells: string[] }
  | { op: 'add_sheet'; sheet: string; cell: string; value: CellValue };

/** Edits .xlsx bytes with openpyxl; returns the saved bytes. */
export function editWithOpenpyxl(bytes: Uint8Array, ops: EditOp[], dir: string): Uint8Array {
  const src = path.join(dir, `edit-src-${crypto.randomBytes(6).toString('hex')}.xlsx`);
  const dst = src.replace('edit-src-', 'edit-dst-');
  fs.writeFileSync(src, bytes);
  execFileSync('/usr/bin/python3', [path.join(__dirname, 'helpers/edit_xlsx.py')], {
    input: JSON.stringify({ src, dst, ops }),
  });
  const out = new Uint8Array(fs.readFileSync(dst));
  fs.rmSync(src);
  fs.rmSync(dst);
  return out;
}

export const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** Hashes of `files` now; `unchanged()` is true when every one still has the same bytes. */
export function snapshot(files: string[]) {
  const before = files.map((f) => (fs.existsSync(f) ? sha(f) : null));
  return {
    unchanged: () => files.every((f, i) => (fs.existsSync(f) ? sha(f) : null) === before[i]),
    changed: () => files.filter((f, i) => (fs.existsSync(f) ? sha(f) : null) !== before[i]),
  };
}

/** Runs `tuijin …` in-process; exit code and what it printed. */
export async function tuijin(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (t) => void out.push(t), err: (t) => void err.push(t) }, {});
  return { code, out: out.join('\n'), err: err.join('\n') };
}

export const readBytes = (file: string) => new Uint8Array(fs.readFileSync(file));
