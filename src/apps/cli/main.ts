// `tuijin` entry point: dispatches to a command and turns every failure into one line and an exit code.
// Chinese by default; `--lang en` or an English locale (LANG=en_…) for English.
import { InputError } from '../../core/model';
import { CliIo, Command, processIo } from './io';
import { planCommand } from './plan';
import { errorLine, pickLang, say, setLang } from './lang';

const USAGE_ZH = `tuijin：推进表助手命令行
  tuijin plan [计划文本] [--json]                       读计划表，列出事项和指标
  tuijin generate [--plan 计划文本] --out 推进表.xlsx [--force]     生成推进表
  tuijin check 推进表.xlsx [--as-of YYYY-MM-DD] [--json] [--write 输出.xlsx [--force]]   校验填报数字
  tuijin returns [--plan 计划文本] [--from 推进表.xlsx] [--round 轮次] [--force] --out 文件夹   生成各单位填报表
  tuijin consolidate 总表.xlsx 填报表.xlsx... --out 输出.xlsx [--as-of YYYY-MM-DD] [--force] [--json]   汇总各单位填报
  计划文件可以是 Word 附件（.docx）、工作簿（.xlsx）、CSV 或文本（UTF-8、GBK、UTF-16）。
  加 --lang en 显示英文`;

const USAGE_EN = `tuijin: 推进表助手 command line
  tuijin plan [FILE] [--json]
  tuijin generate [--plan FILE] --out BOOK.xlsx [--force]
  tuijin check BOOK.xlsx [--as-of YYYY-MM-DD] [--json] [--write OUT.xlsx [--force]]
  tuijin returns [--plan FILE] [--from BOOK.xlsx] [--round TEXT] [--force] --out DIR
  tuijin consolidate MASTER.xlsx RETURN.xlsx... --out OUT.xlsx [--as-of YYYY-MM-DD] [--force] [--json]
  (--lang zh for Chinese)
A plan FILE may be the Word attachment (.docx), a workbook (.xlsx), CSV, or text (UTF-8, GBK, UTF-16).`;

// Commands load lazily so `tuijin plan` doesn't pay for ExcelJS.
const COMMANDS: Record<string, () => Promise<Command>> = {
  plan: async () => planCommand,
  generate: async () => (await import('./generate')).generateCommand,
  check: async () => (await import('./check')).checkCommand,
  returns: async () => (await import('./returns')).returnsCommand,
  consolidate: async () => (await import('./consolidate')).consolidateCommand,
};

export async function main(
  argv: string[],
  io: CliIo = processIo,
  env: Record<string, string | undefined> = process.env,
): Promise<number> {
  const picked = pickLang(argv, env);
  setLang(picked.lang);
  const usage = say(USAGE_ZH, USAGE_EN);
  const [name, ...rest] = picked.argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(usage);
    return name ? 0 : 2;
  }
  const load = COMMANDS[name];
  if (!load) {
    io.err(`${say(`tuijin：未知命令“${name}”`, `tuijin: unknown command '${name}'`)}\n${usage}`);
    return 2;
  }
  try {
    return await (
      await load()
    )(rest, io);
  } catch (e) {
    if (e instanceof InputError) {
      io.err(`tuijin ${name}${say('：', ': ')}${errorLine(e)}`);
      return 2;
    }
    // Not the user's fault: still one line, the stack only on request.
    const msg = e instanceof Error ? e.message : String(e);
    io.err(`tuijin ${name}${say('：内部错误：', ': internal error: ')}${msg}`);
    if (process.env.TUIJIN_DEBUG && e instanceof Error) io.err(e.stack ?? '');
    return 1;
  }
}
