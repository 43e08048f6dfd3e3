// `tuijin generate [--plan FILE] --out BOOK.xlsx`: writes the tracking workbook for a plan.
import * as fs from 'fs';
import * as path from 'path';
import { InputError } from '../../core/model';
import { buildTrackingLayout } from '../../core/tracking/layout';
import { writeWorkbook } from '../../adapters/exceljs/render';
import { flagValue, parseArgs } from './args';
import { packageRoot, readPlanFile, seedPath, writeFileAtomic } from './files';
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
  if (args.positional.length > 0) throw new InputError(`unexpected argument '${args.positional[0]}' (use --plan FILE)`, 'arguments');
  const out = flagValue(args, 'out');
  if (!out) throw new InputError('--out BOOK.xlsx is required', 'arguments');
  const planFile = flagValue(args, 'plan') ?? seedPath();
  const { plan, notes } = await readPlanFile(planFile);
  for (const n of notes) io.err(`note: ${n}`);
  const bytes = await writeWorkbook(buildTrackingLayout(plan, { toolVersion: toolVersion() }));
  writeFileAtomic(out, bytes);
  const count = plan.items.reduce((n, it) => n + it.indicators.length, 0);
  for (const w of plan.warnings) io.err(`warning: ${w.item === null ? '' : `item ${w.item}: `}${w.message}`);
  io.out(`wrote ${out}: ${plan.items.length} items, ${count} indicators`);
  return 0;
};
