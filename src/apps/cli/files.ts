// File access for the CLI: the bundled seed, plan files, atomic writes.
import * as fs from 'fs';
import * as path from 'path';
import { InputError } from '../../core/model';
import { readPlanBytes, type PlanRead } from '../../core/plan/sources';
import { badInput } from './lang';

export const SEED_FILE = '000_c36e4d77f78aadb1.txt';

/** The package root, found upward from this file (it sits at different depths in src/ and build/). */
export function packageRoot(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error('package root not found');
    dir = up;
  }
  return dir;
}

export function seedPath(): string {
  return path.join(packageRoot(), 'seeds', SEED_FILE);
}

/** A file that can't be read, said in both languages. */
function unreadable(e: unknown, file: string): InputError {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return badInput('file not found', '文件不存在', file);
  if (code === 'EISDIR') return badInput('is a folder, not a file', '这是文件夹，不是文件', file);
  return badInput(`cannot read file (${code})`, `无法读取文件（${code}）`, file);
}

/** A file's bytes; a missing or unreadable file is the user's input error. */
export function readBinaryFile(file: string): Uint8Array {
  try {
    return new Uint8Array(fs.readFileSync(file));
  } catch (e) {
    throw unreadable(e, file);
  }
}
const readBytes = readBinaryFile;

/** Writes via a temp file and rename, so a crash never leaves half a file at `file`. */
export function writeFileAtomic(file: string, data: Uint8Array | string): void {
  const dir = path.dirname(path.resolve(file));
  if (!fs.existsSync(dir)) throw badInput('output folder does not exist', '输出文件夹不存在', file);
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    fs.writeFileSync(tmp, data);
    fs.renameSync(tmp, file);
  } catch (e) {
    try {
      fs.unlinkSync(tmp);
    } catch {
      /* already gone */
    }
    const code = (e as NodeJS.ErrnoException).code ?? String(e);
    throw badInput(`cannot write file (${code})`, `无法写入文件（${code}）`, file);
  }
}

/**
 * Reads a plan from a file: text in any encoding (tabs or commas), a Word document (.docx) or a workbook (.xlsx).
 * Errors name the file; notes say how it was read (its encoding, its sheet).
 */
export async function readPlanFile(file: string): Promise<PlanRead> {
  const bytes = readBytes(file);
  const read = readPlanBytes(bytes, file);
  if ('plan' in read) return read;
  // Only a .docx or .xlsx plan pays for unpacking it.
  const { readPlanFile: fromPackage } = await import('../../adapters/exceljs/planFile');
  return fromPackage(bytes, file);
}

/** Where a path really is: its real path, and (device, inode) when it exists, so a symlink or a hard
 *  link to an input is recognised as that input. */
function identity(file: string): { real: string; node?: string } {
  try {
    const st = fs.statSync(file);
    return { real: fs.realpathSync(file), node: `${st.dev}:${st.ino}` };
  } catch {
    // Not there (yet): the real folder plus the name.
    let dir = path.dirname(path.resolve(file));
    try {
      dir = fs.realpathSync(dir);
    } catch {
      /* a missing folder is reported when writing */
    }
    return { real: path.join(dir, path.basename(file)) };
  }
}

/** True when `a` and `b` name the same file (through symlinks, hard links, `..`, letter case on
 *  case-insensitive file systems). */
export function sameFile(a: string, b: string): boolean {
  const x = identity(a);
  const y = identity(b);
  if (x.node && y.node) return x.node === y.node;
  return x.real === y.real;
}

/**
 * Refuses an output path that is one of the inputs (never, even with --force) or that already exists
 * (unless `force`). Inputs are only read; a workbook someone may have filled is only replaced on request.
 */
export function guardOutput(out: string, inputs: string[], force: boolean, flag = '--out'): void {
  for (const input of inputs) {
    if (sameFile(out, input)) {
      throw badInput(
        `the output is the input file ${input}; inputs are never modified, give ${flag} another file name`,
        `输出文件就是输入文件 ${input}；输入文件从不被改写，请为 ${flag} 另选一个文件名`,
        out,
      );
    }
  }
  let st: fs.Stats | undefined;
  try {
    st = fs.statSync(out);
  } catch {
    return;
  }
  if (st.isDirectory())
    throw badInput(
      `is a folder, not a file; give ${flag} a file name`,
      `这是一个文件夹，不是文件；请为 ${flag} 给出文件名`,
      out,
    );
  if (!force) {
    throw badInput(
      'file exists and is not overwritten (it may hold entered figures); choose another name, or add --force to replace it',
      '文件已存在，不会覆盖（其中可能有已填的数据）；请另选文件名，或加 --force 替换',
      out,
    );
  }
}
