// `tuijin plan [FILE] [--json]`: reads a plan table and prints what was understood.
import { parseArgs } from './args';
import { readPlanFile, seedPath } from './files';
import type { Command } from './io';
import { say } from './lang';
import { KIND_LABEL } from '../../core/tracking/sheet';

export const planCommand: Command = async (argv, io) => {
  const args = parseArgs(argv, [], ['json']);
  const file = args.positional[0] ?? seedPath();
  const plan = readPlanFile(file);
  if (args.flags.has('json')) {
    io.out(JSON.stringify(plan, null, 2));
    return 0;
  }
  io.out(`${plan.title}`);
  for (const item of plan.items) {
    io.out(`${item.no}. ${item.name}  [${item.leadUnits.join('、')}]`);
    for (const ind of item.indicators) {
      const fig = (v: number | null) => (v === null ? '—' : String(v));
      const halves = say(`上半年 ${fig(ind.h1)}，下半年 ${fig(ind.h2)}`, `H1 ${fig(ind.h1)}, H2 ${fig(ind.h2)}`);
      io.out(`   ${ind.id} ${ind.label} ${ind.comparator} ${fig(ind.annual)}${ind.unit} (${halves}) [${say(KIND_LABEL[ind.kind], ind.kind)}]`);
    }
  }
  for (const w of plan.warnings) io.out(say(`提示：${w.item === null ? '' : `第${w.item}项：`}`, `warning: ${w.item === null ? '' : `item ${w.item}: `}`) + w.message);
  return 0;
};
