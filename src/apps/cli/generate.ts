// `tuijin generate [--plan FILE] --out BOOK.xlsx [--force]`: writes the tracking workbook for a plan.
// Never over the plan file; over an existing workbook only with --force, keeping what was entered in it.
import * as fs from 'fs';
import * as path from 'path';
import { InputError } from '../../core/model';
import { badInput, say } from './lang';
import { runGenerate } from '../../core/jobs/generate';
import { XlsxHost } from '../../adapters/exceljs/host';
import { flagValue, parseArgs } from './args';
import { guardOutput, packageRoot, readPlanFile, seedPath, writeFileAtomic } from './files';
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
  const args = parseArgs(argv, ['plan', 'out'], ['force']);
  if (args.positional.length > 0) {
    throw badInput(
      `unexpected argument '${args.positional[0]}' (use --plan FILE)`,
      `多余的参数“${args.positional[0]}”（计划文件请用 --plan）`,
      'arguments',
    );
  }
  const out = flagValue(args, 'out');
  if (!out) throw badInput('--out BOOK.xlsx is required', '请用 --out 推进表.xlsx 指定输出文件', 'arguments');
  const planFile = flagValue(args, 'plan') ?? seedPath();
  const force = args.flags.has('force');
  guardOutput(out, [planFile], force);
  const { plan, notes } = await readPlanFile(planFile);
  for (const n of notes) io.err(say('说明：', 'note: ') + n);
  let host = new XlsxHost(null, out);
  if (fs.existsSync(out)) {
    // --force over an existing workbook: what was entered in it goes into the new one, as the add-in does.
    const old = new XlsxHost(new Uint8Array(fs.readFileSync(out)), out);
    try {
      await old.listSheets();
      host = old;
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      // Not a workbook at all (a stray file): --force replaces it.
    }
  }
  // The output exists only with --force (guardOutput), so replacing is agreed.
  const r = await runGenerate(host, plan, { toolVersion: toolVersion(), replace: true });
  if (r.status === 'refused') {
    throw badInput(
      `${r.reason}; not overwritten, so nothing is lost: write to another file`,
      `${r.reason}；为免丢失，不覆盖此文件。请输出到另一个文件`,
      out,
    );
  }
  if (r.status !== 'written') throw new Error('generate asked to confirm a replacement already agreed');
  const { kept, keptSheets: sheetsKept } = r;
  writeFileAtomic(out, host.bytes!);
  const count = plan.items.reduce((n, it) => n + it.indicators.length, 0);
  for (const w of plan.warnings)
    io.err(
      say(
        `提示：${w.item === null ? '' : `第${w.item}项：`}`,
        `warning: ${w.item === null ? '' : `item ${w.item}: `}`,
      ) + w.message,
    );
  io.out(
    say(
      `已写入 ${out}：${plan.items.length}项事项，${count}项指标`,
      `wrote ${out}: ${plan.items.length} items, ${count} indicators`,
    ),
  );
  if (kept || sheetsKept.length) {
    const sheets = sheetsKept.map((s) => `“${s}”`).join('、');
    io.out(
      say(
        `保留了原工作簿中 ${kept} 项指标已填的数字${sheetsKept.length ? `，以及工作表${sheets}` : ''}`,
        `kept the figures of ${kept} indicator${kept === 1 ? '' : 's'} from the old workbook${sheetsKept.length ? `, and sheets ${sheets}` : ''}`,
      ),
    );
  }
  return 0;
};
