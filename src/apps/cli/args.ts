// A small argv reader: positional arguments plus --flags, some taking a value.
import { badInput } from './lang';

export interface ParsedArgs {
  positional: string[];
  flags: Map<string, string | true>;
}

export function parseArgs(argv: string[], valueFlags: string[], boolFlags: string[]): ParsedArgs {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) {
      positional.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const name = eq > 0 ? a.slice(2, eq) : a.slice(2);
    if (valueFlags.includes(name)) {
      const value = eq > 0 ? a.slice(eq + 1) : argv[++i];
      if (value === undefined || value === '')
        throw badInput(`--${name} needs a value`, `--${name} 后面要写值`, 'arguments');
      flags.set(name, value);
    } else if (boolFlags.includes(name)) {
      flags.set(name, true);
    } else {
      throw badInput(`unknown option --${name}`, `不认识的选项 --${name}`, 'arguments');
    }
  }
  return { positional, flags };
}

export function flagValue(args: ParsedArgs, name: string): string | undefined {
  const v = args.flags.get(name);
  return typeof v === 'string' ? v : undefined;
}
