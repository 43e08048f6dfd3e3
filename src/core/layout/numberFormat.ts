// What a cell's number format says about its value, for readers of every host.

/** True when a number format shows a percentage (Excel stores 22% as 0.22): a % outside quotes and escapes. */
export function isPercentFormat(code: string | null | undefined): boolean {
  if (!code) return false;
  const bare = code
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]/g, '');
  return bare.includes('%');
}

/** Built-in number format ids that are percentages (0% and 0.00%). */
export const BUILTIN_PERCENT_IDS = new Set([9, 10]);
