// A formula cell saved without its result (files written by scripts such as openpyxl). Readers give it
// as this text, so it reads sensibly wherever it shows, and the figure reader refuses it by name:
// never a silent 0.

const MARK = '公式未计算';

/** What a reader puts in the grid for a formula without a stored result. */
export function uncalculatedFormula(formula: string): string {
  const f = formula.trim();
  return `${MARK}（=${f.length > 60 ? `${f.slice(0, 60)}…` : f}）`;
}

export function isUncalculatedFormula(v: unknown): boolean {
  return typeof v === 'string' && v.startsWith(`${MARK}（=`);
}

/** Why such a cell isn't a figure. */
export const UNCALCULATED_REASON = '公式未计算，请在 Excel 中打开并保存后再报';
