// File access for the CLI: the bundled seed, text files, atomic writes.
import * as fs from 'fs';
import * as path from 'path';
import { InputError, Plan } from '../../core/model';
import { parsePlan } from '../../core/plan/parse';

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
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(code === 'ENOENT' ? 'file not found' : `cannot read file (${code})`, file);
  }
  if (buf.length === 0) throw new InputError('file is empty', file);
  if (buf.subarray(0, 4).toString('binary') === 'PK\u0003\u0004') {
    throw new InputError('this is a zip/xlsx file, not plan text (use --from BOOK.xlsx where supported)', file);
  }
  const text = buf.toString('utf8');
  if (text.includes('\u0000') || text.includes('\uFFFD')) throw new InputError('not UTF-8 text', file);
  return text.replace(/^\uFEFF/, '');
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

/** Reads and parses a plan-text file; parse errors name the file. */
export function readPlanFile(file: string): Plan {
  const text = readTextFile(file);
  try {
    return parsePlan(text);
  } catch (e) {
    if (e instanceof InputError && !e.where) throw new InputError(e.message, file);
    throw e;
  }
}
