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

export const consolidateCommand: Command = async (argv, io) => {
  const args = parseArgs(argv, ['out'], ['json']);
  const [masterFile, ...returnFiles] = args.positional;
  const out = flagValue(args, 'out');
  if (!masterFile) throw new InputError('MASTER.xlsx is required', 'arguments');
  if (!out) throw new InputError('--out OUT.xlsx is required', 'arguments');
  if (returnFiles.length === 0) throw new InputError('give at least one RETURN.xlsx', 'arguments');
  const resolvedOut = path.resolve(out);
  for (const f of [masterFile, ...returnFiles]) {
    if (path.resolve(f) === resolvedOut) throw new InputError('--out must not be one of the input files (inputs are never modified)', out);
  }

  const master = readBinaryFile(masterFile);
  const returns: ReturnFile[] = [];
  for (const f of returnFiles) {
    try {
      returns.push({ file: path.basename(f), data: readBinaryFile(f) });
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      // Reported and logged as a rejected return; the others still go in.
      returns.push({ file: path.basename(f), data: new Uint8Array(), error: e.message.replace(`${f}: `, '') });
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
  io.out(`wrote ${out}`);
  for (const a of report.accepted) io.out(`accepted ${a.file}: ${a.unit}, ${a.round}, ${a.values} values`);
  for (const r of report.rejected) io.out(`rejected ${r.file}: ${r.reason}`);
  for (const c of report.conflicts) {
    const vals = c.values.map((v) => `${v.unit} ${v.value ?? ''} (${v.file})`).join(' / ');
    io.out(`conflict ${c.id} ${FIELD_LABEL[c.field]}: ${vals}; applied ${c.chosen} (listed first in 牵头单位), the other kept in 日志`);
  }
  io.out(`applied ${report.applied} cells; ${report.conflicts.length} conflicts; ${report.rejected.length} rejected`);
  io.out(`未报送 (${report.missingUnits.length}): ${report.missingUnits.join('、') || '无'}`);
  return 0;
};
