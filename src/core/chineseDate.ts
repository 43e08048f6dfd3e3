// ISO dates in Chinese, as the workbook, the CLI and the pane write them. Re-exported by dates.ts; the pane
// imports this file itself, so its first paint doesn't carry the serial-date code.

/** '2023-06-30' → '2023年6月30日'. */
export function chineseDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** '2023-06-30' → '6月30日'. */
export function chineseMonthDay(iso: string): string {
  const [, m, d] = iso.split('-').map(Number);
  return `${m}月${d}日`;
}
