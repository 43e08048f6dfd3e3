// `tuijin` entry point: dispatches to a command and turns every failure into one line and an exit code.
import { InputError } from '../../core/model';
import { CliIo, Command, processIo } from './io';
import { planCommand } from './plan';

const USAGE = `tuijin: 推进表助手 command line
  tuijin plan [FILE] [--json]
  tuijin generate [--plan FILE] --out BOOK.xlsx [--force]
  tuijin check BOOK.xlsx [--as-of YYYY-MM-DD] [--json] [--write OUT.xlsx [--force]]
  tuijin returns [--plan FILE] [--from BOOK.xlsx] [--round TEXT] [--force] --out DIR
  tuijin consolidate MASTER.xlsx RETURN.xlsx... --out OUT.xlsx [--as-of YYYY-MM-DD] [--force] [--json]
A plan FILE may be the Word attachment (.docx), a workbook (.xlsx), CSV, or text (UTF-8, GBK, UTF-16).`;

// Commands load lazily so `tuijin plan` doesn't pay for ExcelJS.
const COMMANDS: Record<string, () => Promise<Command>> = {
  plan: async () => planCommand,
  generate: async () => (await import('./generate')).generateCommand,
  check: async () => (await import('./check')).checkCommand,
  returns: async () => (await import('./returns')).returnsCommand,
  consolidate: async () => (await import('./consolidate')).consolidateCommand,
};

export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(USAGE);
    return name ? 0 : 2;
  }
  const load = COMMANDS[name];
  if (!load) {
    io.err(`tuijin: unknown command '${name}'\n${USAGE}`);
    return 2;
  }
  try {
    return await (await load())(rest, io);
  } catch (e) {
    if (e instanceof InputError) {
      io.err(`tuijin ${name}: ${e.message}`);
      return 2;
    }
    // Not the user's fault: still one line, the stack only on request.
    const msg = e instanceof Error ? e.message : String(e);
    io.err(`tuijin ${name}: internal error: ${msg}`);
    if (process.env.TUIJIN_DEBUG && e instanceof Error) io.err(e.stack ?? '');
    return 1;
  }
}
