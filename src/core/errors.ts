// Bad user input, said twice: for the CLI (English, `where: message`) and for the UI (Chinese). Free of zod, so
// the pane's first paint can use it.

/** Thrown for bad user input; apps show a message and never a stack trace. */
export class InputError extends Error {
  /** `message` is for the CLI (`where: message`); `zh` is the same in Chinese for the UI, without the place. */
  constructor(
    message: string,
    readonly where?: string,
    readonly zh?: string,
  ) {
    super(where ? `${where}: ${message}` : message);
    this.name = 'InputError';
  }
}

/** A place as the CLI names it ('sheet 指标', 'cell 推进计划表!K7', a file name), in Chinese. */
export function placeZh(where: string): string {
  if (where === 'arguments') return '命令参数';
  const sheet = /^sheet (.+)$/.exec(where);
  if (sheet) return `工作表“${sheet[1]}”`;
  const cell = /^cell (.+)$/.exec(where);
  if (cell) return `单元格 ${cell[1]}`;
  return where;
}

/** The Chinese sentence for an InputError (place first), or null when it carries none. */
export function inputErrorZh(e: { where?: unknown; zh?: unknown }): string | null {
  if (typeof e.zh !== 'string' || !e.zh) return null;
  return typeof e.where === 'string' && e.where ? `${placeZh(e.where)}：${e.zh}` : e.zh;
}
