// `tuijin plan [FILE] [--json]`: reads a plan table (text, .docx, .xlsx) and prints what was understood.
import { parseArgs } from './args';
import { readPlanFile, seedPath } from './files';
import type { Command } from './io';
import { say } from './lang';
import { KIND_LABEL } from '../../core/tracking/sheet';

export const planCommand: Command = async (argv, io) => {
  const args = parseArgs(argv, [], ['json']);
  const file = args.positional[0] ?? seedPath();
  const { plan, notes } = await readPlanFile(file);
  for (const n of notes) io.err(`note: ${n}`);
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
      io.out(
        `   ${ind.id} ${ind.label} ${ind.comparator} ${fig(ind.annual)}${ind.unit} (${halves}) [${say(KIND_LABEL[ind.kind], ind.kind)}]`,
      );
      if (ind.review) io.out(say(`      待核：${ind.review}`, `      to review: ${ind.review}`));
    }
  }
  const flagged = plan.items.reduce((n, it) => n + it.indicators.filter((d) => d.review).length, 0);
  if (flagged) {
    io.out(
      say(
        `待核指标 ${flagged} 个：请逐一核对（生成推进表后见“指标”表的“待核”列）`,
        `${flagged} indicator${flagged === 1 ? '' : 's'} to review (see the 待核 column of sheet 指标 after generating)`,
      ),
    );
  }
  for (const w of plan.warnings)
    io.out(
      say(
        `提示：${w.item === null ? '' : `第${w.item}项：`}`,
        `warning: ${w.item === null ? '' : `item ${w.item}: `}`,
      ) + w.message,
    );
  return 0;
};
