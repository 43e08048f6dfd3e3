// `tuijin returns [--plan FILE] [--from BOOK.xlsx] [--round TEXT] [--force] --out DIR`:
// one return form per lead unit, for units to fill in without the add-in.
import * as fs from 'fs';
import * as path from 'path';
import { returnSourceFromPlan, type ReturnSource } from '../../core/returns/source';
import { planReturnForms } from '../../core/jobs/returnForms';
import { renderReturnForms, returnSourceFromWorkbook } from '../../adapters/exceljs/returns';
import { flagValue, parseArgs } from './args';
import { readBinaryFile, readPlanFile, sameFile, seedPath, writeFileAtomic } from './files';
import type { Command } from './io';
import { badInput, say } from './lang';

export { readBinaryFile };

/** Local date and time, 'YYYY-MM-DD HH:mm:ss'. */
export function localStamp(d = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

export const returnsCommand: Command = async (argv, io) => {
  const args = parseArgs(argv, ['plan', 'from', 'out', 'round'], ['force']);
  if (args.positional.length > 0)
    throw badInput(`unexpected argument '${args.positional[0]}'`, `多余的参数“${args.positional[0]}”`, 'arguments');
  const outDir = flagValue(args, 'out');
  if (!outDir) throw badInput('--out DIR is required', '请用 --out 文件夹 指定填报表存放的文件夹', 'arguments');
  const planFile = flagValue(args, 'plan');
  const book = flagValue(args, 'from');
  if (planFile && book)
    throw badInput('give either --plan FILE or --from BOOK.xlsx, not both', '--plan 和 --from 只能用一个', 'arguments');

  let source: ReturnSource;
  if (book) {
    source = await returnSourceFromWorkbook(readBinaryFile(book), book);
  } else {
    const { plan, notes } = await readPlanFile(planFile ?? seedPath());
    for (const n of notes) io.err(say('说明：', 'note: ') + n);
    source = returnSourceFromPlan(plan);
  }
  if (fs.existsSync(outDir) && !fs.statSync(outDir).isDirectory())
    throw badInput('is a file, not a folder', '这是文件，不是文件夹', outDir);
  fs.mkdirSync(outDir, { recursive: true });
  const { round, forms: planned } = planReturnForms(source, {
    round: flagValue(args, 'round'),
    createdAt: localStamp(),
  });
  const forms = await renderReturnForms(planned);
  if (forms.length === 0)
    throw badInput(
      'the plan names no lead units (牵头单位)',
      '计划中没有牵头单位，无法生成填报表',
      book ?? planFile ?? seedPath(),
    );
  // Never over an input (the plan or the master may sit in the folder, or be linked from it).
  const inputs = [book ?? planFile ?? seedPath()];
  for (const f of forms) {
    const target = path.join(outDir, f.fileName);
    if (inputs.some((input) => sameFile(target, input))) {
      throw badInput(
        `form ${f.fileName} would overwrite the input ${inputs[0]}; inputs are never modified, use another folder`,
        `填报表 ${f.fileName} 会覆盖输入文件 ${inputs[0]}，输入文件从不改写，请换一个输出文件夹`,
        outDir,
      );
    }
  }
  // A filled-in return saved here under the same name must never be replaced by a blank form.
  const clash = forms.map((f) => path.join(outDir, f.fileName)).filter((p) => fs.existsSync(p));
  if (clash.length && !args.flags.has('force')) {
    throw badInput(
      `${clash.length} form(s) already exist, e.g. ${path.basename(clash[0])}; use another folder or --force`,
      `已有${clash.length}份填报表（如 ${path.basename(clash[0])}），请换一个文件夹，或加 --force 覆盖`,
      outDir,
    );
  }
  for (const f of forms) {
    const target = path.join(outDir, f.fileName);
    writeFileAtomic(target, f.data);
    io.out(
      say(
        `已写入 ${target}：${f.unit}，${f.indicators}项指标`,
        `wrote ${target}: ${f.unit}, ${f.indicators} indicator${f.indicators === 1 ? '' : 's'}`,
      ),
    );
  }
  io.out(
    say(
      `共${forms.length}份填报表，轮次：${round}`,
      `${forms.length} return form${forms.length === 1 ? '' : 's'} for round ${round}`,
    ),
  );
  return 0;
};
