// `tuijin generate [--plan FILE] --out BOOK.xlsx`: writes the tracking workbook for a plan.
import * as fs from 'fs';
import * as path from 'path';
import { InputError } from '../../core/model';
import { badInput, inFileError, say } from './lang';
import { parsePlan } from '../../core/plan/parse';
import { buildTrackingLayout } from '../../core/tracking/layout';
import { writeWorkbook } from '../../adapters/exceljs/render';
import { flagValue, parseArgs } from './args';
import { packageRoot, readTextFile, seedPath, writeFileAtomic } from './files';
import type { Command } from './io';

/** The version in package.json, kept in the workbook's meta sheet. */
export function toolVersion(): string {
  try {
    return String(JSON.parse(fs.readFileSync(path.join(packageRoot(), 'package.json'), 'utf8')).version ?? '');
  } catch {
    return '';
  }
}

export const generateCommand: Command = async (argv, io) => {
  const args = parseArgs(argv, ['plan', 'out'], []);
  if (args.positional.length > 0) {
    throw badInput(`unexpected argument '${args.positional[0]}' (use --plan FILE)`, `多余的参数“${args.positional[0]}”（计划文件请用 --plan）`, 'arguments');
  }
  const out = flagValue(args, 'out');
  if (!out) throw badInput('--out BOOK.xlsx is required', '请用 --out 推进表.xlsx 指定输出文件', 'arguments');
  const planFile = flagValue(args, 'plan') ?? seedPath();
  let plan;
  try {
    plan = parsePlan(readTextFile(planFile));
  } catch (e) {
    if (e instanceof InputError) throw inFileError(e, planFile);
    throw e;
  }
  const bytes = await writeWorkbook(buildTrackingLayout(plan, { toolVersion: toolVersion() }));
  writeFileAtomic(out, bytes);
  const count = plan.items.reduce((n, it) => n + it.indicators.length, 0);
  for (const w of plan.warnings) io.err(say(`提示：${w.item === null ? '' : `第${w.item}项：`}`, `warning: ${w.item === null ? '' : `item ${w.item}: `}`) + w.message);
  io.out(say(`已写入 ${out}：${plan.items.length}项事项，${count}项指标`, `wrote ${out}: ${plan.items.length} items, ${count} indicators`));
  return 0;
};
