// `tuijin consolidate MASTER.xlsx RETURN.xlsx... --out OUT.xlsx [--as-of YYYY-MM-DD] [--force] [--json]`:
// merges returns into a copy of the master, with conflicts, rejections and 未报送 reported and every change
// logged in 日志, then checks the merged figures at the round's as-of date so 状态, 说明 and 汇总 match them.
import * as path from 'path';
import { InputError, STATUS_LABEL } from '../../core/model';
import { FIELD_LABEL, PARTIAL_LABEL } from '../../core/consolidate';
import { chineseDate, isIsoDate } from '../../core/judge';
import { naming, readReturnFiles, type ReturnFile } from '../../adapters/exceljs/consolidate';
import { XlsxHost } from '../../adapters/exceljs/host';
import { runConsolidate } from '../../core/jobs/consolidate';
import { parseArgs, flagValue } from './args';
import { guardOutput, writeFileAtomic } from './files';
import type { CliIo, Command } from './io';
import { localStamp, readBinaryFile } from './returns';
import { badInput, say } from './lang';

type Outcome = Awaited<ReturnType<typeof runConsolidate>>;

export const consolidateCommand: Command = async (argv, io) => {
  const { masterFile, returnFiles, out, asked, json } = consolidateArgs(argv);
  const master = readBinaryFile(masterFile);
  const returns = readReturns(returnFiles);
  const time = localStamp();
  const host = new XlsxHost(master, masterFile);
  // The consolidate job reads the master first: a broken master fails fast, before any return is read.
  const result = await runConsolidate(host, () => readReturnFiles(returns), { time, asOf: asked }).catch((e) => {
    throw naming(e, masterFile);
  });
  writeFileAtomic(out, host.bytes!);

  if (json) {
    io.out(consolidateJson(result));
    return 0;
  }
  io.out(say(`已写入 ${out}`, `wrote ${out}`));
  printReturns(io, result.report);
  printTotals(io, result.report);
  printCheck(io, result.check);
  return 0;
};

/** The arguments, checked before anything is read; the output is guarded against overwriting an input. */
function consolidateArgs(argv: string[]) {
  const args = parseArgs(argv, ['out', 'as-of'], ['json', 'force']);
  const [masterFile, ...returnFiles] = args.positional;
  const out = flagValue(args, 'out');
  if (!masterFile) throw badInput('MASTER.xlsx is required', '请给出总表（推进表）', 'arguments');
  if (!out) throw badInput('--out OUT.xlsx is required', '请用 --out 输出.xlsx 指定输出文件', 'arguments');
  if (returnFiles.length === 0) throw badInput('give at least one RETURN.xlsx', '请至少给出一份填报表', 'arguments');
  const asked = flagValue(args, 'as-of');
  if (asked !== undefined && !isIsoDate(asked)) {
    throw badInput(
      `--as-of '${asked}' is not a real date written YYYY-MM-DD`,
      `--as-of“${asked}”不是有效日期，应写作 YYYY-MM-DD`,
      'arguments',
    );
  }
  // Inputs are never modified: the output is none of them (also through a link) and replaces a file only with --force.
  guardOutput(out, [masterFile, ...returnFiles], args.flags.has('force'));
  return { masterFile, returnFiles, out, asked, json: args.flags.has('json') };
}

/** Every return's bytes; one that can't be read becomes a rejected return, the others still go in. */
function readReturns(returnFiles: string[]): ReturnFile[] {
  const returns: ReturnFile[] = [];
  for (const f of returnFiles) {
    try {
      returns.push({ file: path.basename(f), data: readBinaryFile(f) });
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      // Reported and logged as a rejected return; the others still go in.
      returns.push({
        file: path.basename(f),
        data: new Uint8Array(),
        error: say(e.zh ?? e.message, e.message.replace(`${f}: `, '')),
      });
    }
  }
  return returns;
}

/** --json: the report's lists and the check's counts. */
function consolidateJson({ report, check }: Outcome): string {
  const { applied, conflicts, rejected, rejectedCells, partialUnits, missingUnits } = report;
  const cells = rejectedCells.map(({ file, unit, id, field, cell, value, reason }) => ({
    file,
    unit,
    id,
    field,
    cell,
    value,
    reason,
  }));
  return JSON.stringify(
    {
      applied,
      conflicts,
      rejected,
      rejectedCells: cells,
      partialUnits,
      missingUnits,
      check: { asOf: check.asOf, summary: check.counts },
    },
    null,
    2,
  );
}

const n = (k: number, one: string, many = `${one}s`) => `${k} ${k === 1 ? one : many}`;

/** One line per accepted return, rejected cell, rejected return and conflict. */
function printReturns(io: CliIo, report: Outcome['report']) {
  for (const a of report.accepted) {
    const partial = a.rejectedCells
      ? say(
          `；${PARTIAL_LABEL}，退回${a.rejectedCells}处`,
          `; ${PARTIAL_LABEL}, ${n(a.rejectedCells, 'cell')} rejected`,
        )
      : '';
    io.out(
      say(
        `已采用 ${a.file}：${a.unit}，${a.round}，${a.values}项`,
        `accepted ${a.file}: ${a.unit}, ${a.round}, ${n(a.values, 'value')}`,
      ) + partial,
    );
  }
  // Reasons are the core's Chinese words (also in 日志).
  for (const c of report.rejectedCells) {
    io.out(
      say(
        `退回单元格 ${c.file} ${c.cell}（${c.id} ${FIELD_LABEL[c.field]}）：${c.reason}`,
        `rejected cell ${c.file} ${c.cell} (${c.id} ${FIELD_LABEL[c.field]}): ${c.reason}`,
      ),
    );
  }
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
}

/** Totals, units with rejected cells, and units that sent nothing. */
function printTotals(io: CliIo, report: Outcome['report']) {
  io.out(
    say(
      `写入${report.applied}处；冲突${report.conflicts.length}处；退回${report.rejected.length}份`,
      `applied ${n(report.applied, 'cell')}; ${n(report.conflicts.length, 'conflict')}; ${report.rejected.length} rejected`,
    ),
  );
  if (report.partialUnits.length) {
    io.out(
      say(
        `${PARTIAL_LABEL}（${report.partialUnits.length}个单位）：`,
        `${PARTIAL_LABEL} (${report.partialUnits.length}): `,
      ) + report.partialUnits.join('、'),
    );
  }
  io.out(
    say(
      `未报送（${report.missingUnits.length}个单位）：${report.missingUnits.join('、') || '无'}`,
      `not reported (${report.missingUnits.length}): ${report.missingUnits.join('、') || 'none'}`,
    ),
  );
}

/** The merged figures checked again at the round's as-of date. */
function printCheck(io: CliIo, check: Outcome['check']) {
  const counts = Object.entries(check.counts)
    .filter(([, k]) => k > 0)
    .map(([s, k]) => `${STATUS_LABEL[s as keyof typeof STATUS_LABEL]} ${k}`)
    .join('，');
  io.out(say(`已按截至${chineseDate(check.asOf)}重新校验：${counts}`, `checked again as of ${check.asOf}: ${counts}`));
  for (const w of check.warnings) io.err(say('警告：', 'warning: ') + w);
}
