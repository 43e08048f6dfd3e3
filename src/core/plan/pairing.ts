// Half-year pairing: which annual target each figure of a half-year work plan fills, by unit and basis
// first, then by how alike their labels are.
import { eachMultiplier } from './quantities';
import type { Draft } from './drafts';
import { bigrams, overlap } from './similarity';
import type { Found } from './targets';

// Above this many same-unit pairs a half's figures are matched in order, so a huge cell stays linear.
const PAIR_LIMIT = 4096;

// Per-event figures pair only with per-event targets; a per-population basis is often left implicit in the plans.
const perEvent = (per: string | null) => per !== null && !per.endsWith('人口');
const pairKey = (unit: string, per: string | null) => `${unit}|${perEvent(per)}`;

/** Indexes of `list` by key, skipping those `skip` rules out. */
function indexesBy<T>(list: T[], keyOf: (x: T) => string, skip: (x: T, i: number) => boolean): Map<string, number[]> {
  const out = new Map<string, number[]>();
  list.forEach((x, i) => {
    if (skip(x, i)) return;
    const k = keyOf(x);
    const at = out.get(k) ?? [];
    at.push(i);
    out.set(k, at);
  });
  return out;
}

/** Fills the half's figure of the annual targets from the figures of the same unit and basis, most alike first. */
export function pairWithTargets(
  drafts: Draft[],
  found: Found[],
  used: Set<number>,
  t: string,
  half: 'h1' | 'h2',
): void {
  const byKey = indexesBy(
    drafts,
    (d) => pairKey(d.unit, d.per),
    (d) => d.fromHalf,
  );
  const foundByKey = indexesBy(
    found,
    (f) => pairKey(f.q.unit, f.q.per),
    (_f, fi) => used.has(fi),
  );
  const matched = new Set<number>();
  const assign = (di: number, fi: number, review: string | null) => {
    const f = found[fi];
    drafts[di][half] = f.q.value * eachMultiplier(t, f.q);
    if (review && !drafts[di].review) drafts[di].review = review;
    matched.add(di);
    used.add(fi);
  };
  const halfName = half === 'h1' ? '上半年' : '下半年';
  for (const [k, fis] of foundByKey) {
    const dis = byKey.get(k);
    if (!dis) continue;
    if (dis.length * fis.length > PAIR_LIMIT) {
      // Too many to compare pairwise: in order of appearance, and say so.
      fis.forEach((fi, j) => j < dis.length && assign(dis[j], fi, `${halfName}数字按出现顺序对应，请核对`));
      continue;
    }
    for (const p of bestPairs(drafts, found, dis, fis)) {
      if (matched.has(p.d) || used.has(p.f)) continue;
      // Matched on the unit alone, with labels that share nothing: a guess.
      assign(p.d, p.f, p.sim < 0.2 ? `${halfName}数字仅按单位对应，请核对` : null);
    }
  }
}

/** Pairs of targets `dis` and figures `fis` worth making, best first: most similar label; a lone target of its
 *  unit gets a bonus. */
function bestPairs(
  drafts: Draft[],
  found: Found[],
  dis: number[],
  fis: number[],
): Array<{ d: number; f: number; score: number; sim: number }> {
  const pairs: Array<{ d: number; f: number; score: number; sim: number }> = [];
  const draftGrams = dis.map((di) => bigrams(drafts[di].label));
  for (const fi of fis) {
    // The figure's own label counts most; its whole clause (which may name other targets too) breaks ties.
    const own = bigrams(found[fi].label);
    const g = bigrams(found[fi].label + found[fi].source);
    dis.forEach((di, j) => {
      const sim = Math.max(overlap(own, draftGrams[j]), overlap(g, draftGrams[j]));
      const score = sim + 0.5 * overlap(own, draftGrams[j]) + (dis.length === 1 ? 0.5 : 0);
      if (score > 0.2) pairs.push({ d: di, f: fi, score, sim });
    });
  }
  return pairs.sort((x, y) => y.score - x.score);
}
