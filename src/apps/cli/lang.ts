// The CLI's language: Chinese, or English with `--lang en` or an English locale (LANG=en_US.UTF-8 and the like).
import { InputError } from '../../core/model';
import { placeZh } from '../../core/errors';

export type Lang = 'zh' | 'en';

let current: Lang = 'zh';

/** Picks the language from `--lang zh|en` (removed from the arguments) or the locale; Chinese by default. */
export function pickLang(argv: string[], env: Record<string, string | undefined>): { lang: Lang; argv: string[] } {
  const rest: string[] = [];
  let chosen: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--lang') chosen = argv[++i] ?? '';
    else if (a.startsWith('--lang=')) chosen = a.slice(7);
    else rest.push(a);
  }
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  const lang: Lang = chosen !== undefined ? (/^en/i.test(chosen) ? 'en' : 'zh') : /^en/i.test(locale) ? 'en' : 'zh';
  return { lang, argv: rest };
}

export function setLang(lang: Lang): void {
  current = lang;
}

/** The text in the current language. */
export function say(zh: string, en: string): string {
  return current === 'en' ? en : zh;
}

/** Bad input found by the CLI itself, said in both languages; `where` names the file or 'arguments'. */
export function badInput(en: string, zh: string, where?: string): InputError {
  return new InputError(en, where, zh);
}

/** The error as one line in the current language: place first, then what is wrong. */
export function errorLine(e: InputError): string {
  if (current === 'en' || !e.zh) return e.message;
  return e.where ? `${placeZh(e.where)}：${e.zh}` : e.zh;
}

/** An error about a sheet or cell, moved into `file` (keeping both languages). */
export function inFileError(e: InputError, file: string): InputError {
  if (e.message.startsWith(file)) return e;
  const zh = e.zh ? (e.where ? `${placeZh(e.where)}：${e.zh}` : e.zh) : undefined;
  return new InputError(e.message, file, zh);
}
