// `tuijin consolidate MASTER.xlsx RETURN.xlsx... --out OUT.xlsx [--json]`: merges returns into a copy
// of the master, with conflicts, rejections and 未报送 reported and every change logged in 日志.
import * as path from 'path';
import { InputError } from '../../core/model';
import { FIELD_LABEL } from '../../core/consolidate';
import { consolidateWorkbooks, type ReturnFile } from '../../adapters/exceljs/consolidate';
import { parseArgs, flagValue } from './args';
import { writeFileAtomic } from './files';
import type { Command } from './io';
import { localStamp, readBinaryFile } from './returns';
import { badInput, say } from './lang';

export const consolidateCommand: Command = async (argv, io) => {
  const args = parseArgs(argv, ['out'], ['json']);
  const [masterFile, ...returnFiles] = args.positional;
  const out = flagValue(args, 'out');
  if (!masterFile) throw badInput('MASTER.xlsx is required', '请给出总表（推进表）', 'arguments');
  if (!out) throw badInput('--out OUT.xlsx is required', '请用 --out 输出.xlsx 指定输出文件', 'arguments');
  if (returnFiles.length === 0) throw badInput('give at least one RETURN.xlsx', '请至少给出一份填报表', 'arguments');
  const resolvedOut = path.resolve(out);
  for (const f of [masterFile, ...returnFiles]) {
    if (path.resolve(f) === resolvedOut) {
      throw badInput('--out must not be one of the input files (inputs are never modified)', '--out 不能是输入文件之一（输入文件从不改动）', out);
    }
  }

  const master = readBinaryFile(masterFile);
  const returns: ReturnFile[] = [];
  for (const f of returnFiles) {
    try {
      returns.push({ file: path.basename(f), data: readBinaryFile(f) });
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      // Reported and logged as a rejected return; the others still go in.
      returns.push({ file: path.basename(f), data: new Uint8Array(), error: say(e.zh ?? e.message, e.message.replace(`${f}: `, '')) });
    }
  }
  const result = await consolidateWorkbooks(master, returns, { time: localStamp(), masterName: masterFile });
  const bytes = await result.master.apply(result.patch);
  writeFileAtomic(out, bytes);

  const { report } = result;
  if (args.flags.has('json')) {
    const { applied, conflicts, rejected, missingUnits } = report;
    io.out(JSON.stringify({ applied, conflicts, rejected, missingUnits }, null, 2));
    return 0;
  }
  const n = (k: number, one: string, many = `${one}s`) => `${k} ${k === 1 ? one : many}`;
  io.out(say(`已写入 ${out}`, `wrote ${out}`));
  for (const a of report.accepted) {
    io.out(say(`已采用 ${a.file}：${a.unit}，${a.round}，${a.values}项`, `accepted ${a.file}: ${a.unit}, ${a.round}, ${n(a.values, 'value')}`));
  }
  // Reasons are the core's Chinese words (also in 日志).
  for (const r of report.rejected) io.out(say(`退回 ${r.file}：${r.reason}`, `rejected ${r.file}: ${r.reason}`));
  for (const c of report.conflicts) {
    const vals = c.values.map((v) => `${v.unit} ${v.value ?? ''}（${v.file}）`).join(' / ');
    io.out(
      say(
        `冲突 ${c.id} ${FIELD_LABEL[c.field]}：${vals}；采用${c.chosen}的数字（牵头单位中排在前面），其余记入日志`,
        `conflict ${c.id} ${FIELD_LABEL[c.field]}: ${vals}; applied ${c.chosen} (listed first in 牵头单位), the other kept in 日志`,
      ),
    );
  }
  io.out(
    say(
      `写入${report.applied}处；冲突${report.conflicts.length}处；退回${report.rejected.length}份`,
      `applied ${n(report.applied, 'cell')}; ${n(report.conflicts.length, 'conflict')}; ${report.rejected.length} rejected`,
    ),
  );
  io.out(say(`未报送（${report.missingUnits.length}个单位）：${report.missingUnits.join('、') || '无'}`, `not reported (${report.missingUnits.length}): ${report.missingUnits.join('、') || 'none'}`));
  return 0;
};
