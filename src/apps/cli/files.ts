// File access for the CLI: the bundled seed, plan files, atomic writes.
import * as fs from 'fs';
import * as path from 'path';
import { InputError } from '../../core/model';
import { readPlanBytes, type PlanRead } from '../../core/plan/sources';

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

/** A file's bytes; a missing or unreadable file is the user's input error. */
function readBytes(file: string): Uint8Array {
  try {
    return new Uint8Array(fs.readFileSync(file));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const zh = code === 'ENOENT' ? '找不到这个文件' : code === 'EISDIR' ? '这是文件夹，不是文件' : `无法读取文件（${code}）`;
    const en = code === 'ENOENT' ? 'file not found' : code === 'EISDIR' ? 'is a folder, not a file' : `cannot read file (${code})`;
    throw new InputError(`${zh} (${en})`, file, zh);
  }
}

/** Writes via a temp file and rename, so a crash never leaves half a file at `file`. */
export function writeFileAtomic(file: string, data: Uint8Array | string): void {
  const dir = path.dirname(path.resolve(file));
  if (!fs.existsSync(dir)) throw new InputError('output folder does not exist', file);
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
    throw new InputError(`cannot write file (${(e as NodeJS.ErrnoException).code ?? e})`, file);
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
      throw new InputError(
        `输出文件就是输入文件 ${input}；输入文件从不被改写，请为 ${flag} 另选一个文件名`,
        out,
        `输出文件就是输入文件 ${input}，请另选一个文件名`,
      );
    }
  }
  let st: fs.Stats | undefined;
  try {
    st = fs.statSync(out);
  } catch {
    return;
  }
  if (st.isDirectory()) throw new InputError(`这是一个文件夹，不是文件；请为 ${flag} 给出文件名`, out, '这是一个文件夹，不是文件');
  if (!force) {
    throw new InputError(`文件已存在，不会覆盖（其中可能有已填的数据）；请另选文件名，或加 --force 替换`, out, '文件已存在，不会覆盖');
  }
}
