// `tuijin check BOOK.xlsx [--as-of YYYY-MM-DD] [--json] [--write OUT.xlsx]`: judges the entered figures.
// --write saves a highlighted copy; the input file is never written.
import { InputError, STATUS_LABEL } from '../../core/model';
import { chineseDate } from '../../core/judge';
import { isIsoDate } from '../../core/judge';
import { statusText } from '../../core/tracking/patch';
import { runCheck } from '../../core/jobs/check';
import { XlsxHost } from '../../adapters/exceljs/host';
import { flagValue, parseArgs } from './args';
import { guardOutput, readBinaryFile, writeFileAtomic } from './files';
import { badInput, inFileError, say } from './lang';
import type { CliIo, Command } from './io';

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Prefixes the file name to errors that name only a sheet or cell. */
async function inFile<T>(file: string, f: () => Promise<T>): Promise<T> {
  try {
    return await f();
  } catch (e) {
    if (e instanceof InputError) throw inFileError(e, file);
    throw e;
  }
}

export const checkCommand: Command = async (argv, io) => {
  const { file, asOf, out, json } = checkArgs(argv);
  const host = new XlsxHost(readBinaryFile(file), file);
  // The check job, writing the highlighted copy only with --write (the patch goes in place, window by window).
  const result = await inFile(file, () => runCheck(host, asOf, { write: Boolean(out), lean: true }));
  // Not judged is said out loud, on stderr, whatever the output format.
  for (const w of result.warnings) io.err(say('警告：', 'warning: ') + w);
  if (out) writeFileAtomic(out, host.bytes!);
  if (json) io.out(checkJson(asOf, result));
  else {
    printCheck(io, asOf, result);
    if (out) io.out(say(`已写入 ${out}`, `wrote ${out}`));
  }
  return 0;
};

type Checked = Awaited<ReturnType<typeof runCheck>>;

/** The arguments, checked before the workbook is read; --write is guarded against overwriting the input. */
function checkArgs(argv: string[]) {
  const args = parseArgs(argv, ['as-of', 'write'], ['json', 'force']);
  if (args.positional.length !== 1) {
    throw badInput(
      'give exactly one workbook: tuijin check BOOK.xlsx',
      '请给出一个推进表：tuijin check 推进表.xlsx',
      'arguments',
    );
  }
  const file = args.positional[0];
  const asOf = flagValue(args, 'as-of') ?? today();
  if (!isIsoDate(asOf)) {
    throw badInput(
      `--as-of '${asOf}' is not a real date written YYYY-MM-DD`,
      `--as-of“${asOf}”不是有效日期，应写作 YYYY-MM-DD`,
      'arguments',
    );
  }
  const out = flagValue(args, 'write');
  // Never the input (also through a link); an existing file only with --force.
  if (out) guardOutput(out, [file], args.flags.has('force'), '--write');
  return { file, asOf, out, json: args.flags.has('json') };
}

/** --json: every indicator's judgement, the counts, and the indicators not in the sheet. */
function checkJson(asOf: string, { judgements, counts: summary, unplaced }: Checked): string {
  return JSON.stringify(
    {
      asOf,
      indicators: judgements.map((j) => ({
        id: j.id,
        item: j.item,
        status: j.status,
        h1Actual: j.h1Actual,
        annualActual: j.annualActual,
        h1Rate: j.h1Rate,
        annualRate: j.annualRate,
        message: j.message,
      })),
      summary,
      ...(unplaced.length ? { notInSheet: unplaced.map((ind) => ind.id) } : {}),
    },
    null,
    2,
  );
}

/** Plain lines: what was judged (and what was not), one line per indicator, the counts. */
function printCheck(io: CliIo, asOf: string, { judgements, counts: summary, unplaced }: Checked) {
  const skipped = unplaced.length
    ? say(
        `（“指标”工作表共${judgements.length + unplaced.length}项，${unplaced.length}项未校验：${unplaced.map((i) => i.id).join('、')}）`,
        ` (sheet 指标 has ${judgements.length + unplaced.length}; ${unplaced.length} not checked: ${unplaced.map((i) => i.id).join(', ')})`,
      )
    : '';
  io.out(
    say(
      `截至${chineseDate(asOf)}，共${judgements.length}项指标`,
      `As of ${asOf}: ${judgements.length} indicator${judgements.length === 1 ? '' : 's'}`,
    ) + skipped,
  );
  // 状态 and 说明 are the workbook's own words, the same in both languages.
  for (const j of judgements) io.out(`${j.id.padEnd(6)} ${statusText(j.status)}  ${j.message}`);
  io.out(
    Object.entries(summary)
      .filter(([, n]) => n > 0)
      .map(([s, n]) => `${STATUS_LABEL[s as keyof typeof STATUS_LABEL]} ${n}`)
      .join('，'),
  );
}
