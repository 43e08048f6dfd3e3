// `tuijin consolidate MASTER.xlsx RETURN.xlsx... --out OUT.xlsx [--as-of YYYY-MM-DD] [--force] [--json]`:
// merges returns into a copy of the master, with conflicts, rejections and 未报送 reported and every change
// logged in 日志, then checks the merged figures at the round's as-of date so 状态, 说明 and 汇总 match them.
import * as path from 'path';
import { InputError, STATUS_LABEL } from '../../core/model';
import { consolidateAndCheck, FIELD_LABEL, PARTIAL_LABEL } from '../../core/consolidate';
import { isIsoDate } from '../../core/judge';
import { loadMaster, readReturnFiles, type ReturnFile } from '../../adapters/exceljs/consolidate';
import { parseArgs, flagValue } from './args';
import { guardOutput, writeFileAtomic } from './files';
import type { Command } from './io';
import { localStamp, readBinaryFile } from './returns';

export const consolidateCommand: Command = async (argv, io) => {
  const args = parseArgs(argv, ['out', 'as-of'], ['json', 'force']);
  const [masterFile, ...returnFiles] = args.positional;
  const out = flagValue(args, 'out');
  if (!masterFile) throw new InputError('MASTER.xlsx is required', 'arguments');
  if (!out) throw new InputError('--out OUT.xlsx is required', 'arguments');
  if (returnFiles.length === 0) throw new InputError('give at least one RETURN.xlsx', 'arguments');
  const asked = flagValue(args, 'as-of');
  if (asked !== undefined && !isIsoDate(asked)) throw new InputError(`--as-of '${asked}' is not a real date written YYYY-MM-DD`, 'arguments');
  // Inputs are never modified: the output is none of them (also through a link) and replaces a file only with --force.
  guardOutput(out, [masterFile, ...returnFiles], args.flags.has('force'));

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
  const time = localStamp();
  // Master first: a broken master fails fast, before any return is read.
  const loaded = await loadMaster(master, masterFile);
  const inputs = await readReturnFiles(returns);
  const result = consolidateAndCheck(loaded.grid, inputs, { time, today: time.slice(0, 10), asOf: asked });
  const bytes = await loaded.apply(result.combined);
  writeFileAtomic(out, bytes);

  const { report, check } = result;
  if (args.flags.has('json')) {
    const { applied, conflicts, rejected, rejectedCells, partialUnits, missingUnits } = report;
    const cells = rejectedCells.map(({ file, unit, id, field, cell, value, reason }) => ({ file, unit, id, field, cell, value, reason }));
    io.out(JSON.stringify({ applied, conflicts, rejected, rejectedCells: cells, partialUnits, missingUnits, check: { asOf: check.asOf, summary: check.counts } }, null, 2));
    return 0;
  }
  io.out(`wrote ${out}`);
  for (const a of report.accepted) {
    const partial = a.rejectedCells ? `；${PARTIAL_LABEL}，退回 ${a.rejectedCells} 处` : '';
    io.out(`accepted ${a.file}: ${a.unit}, ${a.round}, ${a.values} values${partial}`);
  }
  for (const c of report.rejectedCells) io.out(`退回单元格 ${c.file} ${c.cell}（${c.id} ${FIELD_LABEL[c.field]}）：${c.reason}`);
  for (const r of report.rejected) io.out(`rejected ${r.file}: ${r.reason}`);
  for (const c of report.conflicts) {
    const vals = c.values.map((v) => `${v.unit} ${v.value ?? ''} (${v.file})`).join(' / ');
    io.out(`conflict ${c.id} ${FIELD_LABEL[c.field]}: ${vals}; applied ${c.chosen} (listed first in 牵头单位), the other kept in 日志`);
  }
  io.out(`applied ${report.applied} cells; ${report.conflicts.length} conflicts; ${report.rejected.length} rejected`);
  if (report.partialUnits.length) io.out(`${PARTIAL_LABEL} (${report.partialUnits.length}): ${report.partialUnits.join('、')}`);
  io.out(`未报送 (${report.missingUnits.length}): ${report.missingUnits.join('、') || '无'}`);
  const counts = Object.entries(check.counts)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${STATUS_LABEL[s as keyof typeof STATUS_LABEL]} ${n}`)
    .join('，');
  io.out(`已按截至 ${check.asOf} 重新校验：${counts}`);
  for (const w of check.warnings) io.err(`警告：${w}`);
  return 0;
};
