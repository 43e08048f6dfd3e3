// Change addresses as Excel reports them ("K5", "K5:K7,M9", "5:5", "'推进计划表'!K5") read into 1-based boxes.
import type { Range } from '../../core/layout/types';

/** Every area of a change address: "K5", "K5:K7,M9", "5:5", "K:K" (sheet prefixes allowed). */
export function parseAddresses(address: string): Range[] {
  return address
    .split(',')
    .map((a) => parseAddress(a.trim()))
    .filter((b): b is Range => b !== null);
}

/** "K5", "K5:M9", "'推进计划表'!K5" → 1-based box. Whole rows/columns are clipped to something finite. */
export function parseAddress(address: string): Range | null {
  const bare = address.includes('!') ? address.slice(address.lastIndexOf('!') + 1) : address;
  const ref = (s: string): { r: number; c: number } | null => {
    const m = /^\$?([A-Z]*)\$?(\d*)$/i.exec(s.trim());
    if (!m || (!m[1] && !m[2])) return null;
    let c = 0;
    for (const ch of m[1].toUpperCase()) c = c * 26 + (ch.charCodeAt(0) - 64);
    return { r: m[2] ? Number(m[2]) : 0, c };
  };
  const [a, b] = bare.split(':');
  const p = ref(a);
  const q = b ? ref(b) : p;
  if (!p || !q) return null;
  const r1 = Math.min(p.r || 1, q.r || 1);
  const r2 = Math.max(p.r || 1048576, q.r || 1048576);
  const c1 = Math.min(p.c || 1, q.c || 1);
  const c2 = Math.max(p.c || 16384, q.c || 16384);
  return { r1, c1, r2: p.r && q.r ? Math.max(p.r, q.r) : r2, c2: p.c && q.c ? Math.max(p.c, q.c) : c2 };
}
