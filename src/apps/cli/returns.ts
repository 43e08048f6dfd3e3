// `tuijin returns [--plan FILE] [--from BOOK.xlsx] [--round TEXT] [--force] --out DIR`:
// one return form per lead unit, for units to fill in without the add-in.
import * as fs from 'fs';
import * as path from 'path';
import { InputError } from '../../core/model';
import { defaultRound, returnSourceFromPlan, type ReturnSource } from '../../core/returns/source';
import { returnSourceFromWorkbook, writeReturnForms } from '../../adapters/exceljs/returns';
import { flagValue, parseArgs } from './args';
import { readPlanFile, sameFile, seedPath, writeFileAtomic } from './files';
import type { Command } from './io';

/** Reads a workbook file's bytes; a missing or unreadable file is the user's input error. */
export function readBinaryFile(file: string): Uint8Array {
  try {
    return new Uint8Array(fs.readFileSync(file));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(code === 'ENOENT' ? 'file not found' : code === 'EISDIR' ? 'is a folder, not a file' : `cannot read file (${code})`, file);
  }
}

/** Local date and time, 'YYYY-MM-DD HH:mm:ss'. */
export function localStamp(d = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

export const returnsCommand: Command = async (argv, io) => {
  const args = parseArgs(argv, ['plan', 'from', 'out', 'round'], ['force']);
  if (args.positional.length > 0) throw new InputError(`unexpected argument '${args.positional[0]}'`, 'arguments');
  const outDir = flagValue(args, 'out');
  if (!outDir) throw new InputError('--out DIR is required', 'arguments');
  const planFile = flagValue(args, 'plan');
  const book = flagValue(args, 'from');
  if (planFile && book) throw new InputError('give either --plan FILE or --from BOOK.xlsx, not both', 'arguments');

  let source: ReturnSource;
  if (book) {
    source = await returnSourceFromWorkbook(readBinaryFile(book), book);
  } else {
    const { plan, notes } = await readPlanFile(planFile ?? seedPath());
    for (const n of notes) io.err(`note: ${n}`);
    source = returnSourceFromPlan(plan);
  }
  const round = flagValue(args, 'round') ?? defaultRound(source.plan.year, localStamp().slice(0, 10));

  if (fs.existsSync(outDir) && !fs.statSync(outDir).isDirectory()) throw new InputError('is a file, not a folder', outDir);
  fs.mkdirSync(outDir, { recursive: true });
  const forms = await writeReturnForms(source, { round, createdAt: localStamp() });
  if (forms.length === 0) throw new InputError('the plan names no lead units (牵头单位)', book ?? planFile ?? seedPath());
  // Never over an input (the plan or the master may sit in the folder, or be linked from it).
  const inputs = [book ?? planFile ?? seedPath()];
  for (const f of forms) {
    const target = path.join(outDir, f.fileName);
    if (inputs.some((input) => sameFile(target, input))) {
      throw new InputError(`填报表 ${f.fileName} 会覆盖输入文件 ${inputs[0]}；输入文件从不被改写，请换一个输出文件夹`, outDir, '填报表会覆盖输入文件，请换一个输出文件夹');
    }
  }
  // A filled-in return saved here under the same name must never be replaced by a blank form.
  const clash = forms.map((f) => path.join(outDir, f.fileName)).filter((p) => fs.existsSync(p));
  if (clash.length && !args.flags.has('force')) {
    throw new InputError(`${clash.length} form(s) already exist, e.g. ${path.basename(clash[0])}; use another folder or --force`, outDir);
  }
  for (const f of forms) {
    const target = path.join(outDir, f.fileName);
    writeFileAtomic(target, f.data);
    io.out(`wrote ${target}: ${f.unit}, ${f.indicators} indicators`);
  }
  io.out(`${forms.length} return forms for round ${round}`);
  return 0;
};
