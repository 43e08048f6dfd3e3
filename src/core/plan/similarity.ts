// How alike two labels are: the share of character pairs they have in common (Chinese has no spaces to split on).
export function bigrams(s: string): Set<string> {
  const out = new Set<string>();
  const t = s.replace(/[^\u3400-\u9fff\w]/g, '');
  for (let i = 0; i + 1 < t.length; i++) out.add(t.slice(i, i + 2));
  return out;
}

export function overlap(x: Set<string>, y: Set<string>): number {
  if (!x.size || !y.size) return 0;
  let common = 0;
  for (const g of x) if (y.has(g)) common++;
  return common / Math.min(x.size, y.size);
}

export function similarity(a: string, b: string): number {
  return overlap(bigrams(a), bigrams(b));
}
