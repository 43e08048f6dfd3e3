// File access for the CLI: the bundled seed, text files, atomic writes.
import * as fs from 'fs';
import * as path from 'path';
import { InputError, Plan } from '../../core/model';
import { parsePlan } from '../../core/plan/parse';
import { badInput, inFileError } from './lang';

/** A file that can't be read, said in both languages. */
export function unreadable(e: unknown, file: string): InputError {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return badInput('file not found', '文件不存在', file);
  if (code === 'EISDIR') return badInput('is a folder, not a file', '这是文件夹，不是文件', file);
  return badInput(`cannot read file (${code})`, `无法读取文件（${code}）`, file);
}

/** Reads a workbook file's bytes; a missing or unreadable file is the user's input error. */
export function readBinaryFile(file: string): Uint8Array {
  try {
    return new Uint8Array(fs.readFileSync(file));
  } catch (e) {
    throw unreadable(e, file);
  }
}

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

export function readTextFile(file: string): string {
  let buf: Buffer;
  try {
    buf = fs.readFileSync(file);
  } catch (e) {
    throw unreadable(e, file);
  }
  if (buf.length === 0) throw badInput('file is empty', '文件是空的', file);
  if (buf.subarray(0, 4).toString('binary') === 'PK\u0003\u0004') {
    throw badInput(
      'this is a zip/xlsx file, not plan text (use --from BOOK.xlsx where supported)',
      '这是 zip/xlsx 文件，不是计划文本（可用 --from 推进表.xlsx 的地方请用它）',
      file,
    );
  }
  const text = buf.toString('utf8');
  if (text.includes('\u0000') || text.includes('\uFFFD')) throw badInput('not UTF-8 text', '不是 UTF-8 编码的文本', file);
  return text.replace(/^\uFEFF/, '');
}

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

/** Reads and parses a plan-text file; parse errors name the file. */
export function readPlanFile(file: string): Plan {
  const text = readTextFile(file);
  try {
    return parsePlan(text);
  } catch (e) {
    if (e instanceof InputError && !e.where) throw inFileError(e, file);
    throw e;
  }
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
  if (st.isDirectory()) throw badInput(`is a folder, not a file; give ${flag} a file name`, `这是一个文件夹，不是文件；请为 ${flag} 给出文件名`, out);
  if (!force) {
    throw badInput(
      'file exists and is not overwritten (it may hold entered figures); choose another name, or add --force to replace it',
      '文件已存在，不会覆盖（其中可能有已填的数据）；请另选文件名，或加 --force 替换',
      out,
    );
  }
}
