// Lists of targets with one figure each: "A、B和C分别达到96%、92%和90%以上".
import type { Quantity } from './quantities';
import { clauseBounds, trimLabel } from './labels';
import type { Found } from './targets';

// The shared noun at the end of a list's last name ("城市、县城和农村生活垃圾处理覆盖率" → "覆盖率").
const SHARED_TAIL = /[\u3400-\u9fff]{0,2}(?:率|量|数|比例|占比|面积|浓度|人数|次数|规模|产量|总量)$/;
const LIST_SPLIT = /[、和及与]/;

/**
 * "A、B和C分别达到96%、92%和90%以上": one target per name, each with its own label; the cue word after 分别 and
 * the 以上/以内/左右 at the end hold for every figure.
 */
export function enumerated(text: string, masked: string, qs: Quantity[], found: Found[]): void {
  const byClause = new Map<number, number[]>();
  qs.forEach((q, i) => {
    const [a] = clauseBounds(masked, q.numStart);
    const k = masked.indexOf('分别', a);
    if (k < 0 || k > q.numStart) return;
    const list = byClause.get(k) ?? [];
    list.push(i);
    byClause.set(k, list);
  });
  for (const [k, idx] of byClause) {
    if (idx.length < 2) continue;
    const group = idx.map((i) => found[found.length - qs.length + i]);
    const [a] = clauseBounds(masked, k);
    const names = trimLabel(text.slice(a, k))
      .split(LIST_SPLIT)
      .map((n) => trimLabel(n))
      .filter(Boolean);
    const first = group[0].q;
    const le = group.some((f) => f.q.comparator === '<=');
    const approx = group[group.length - 1].q.comparator === '≈';
    const word = first.direction
      ? (/(降低|下降|减少|压减|削减|缩减|提高|提升|增加|增长|上升|扩大)\s*$/.exec(
          masked.slice(k, first.numStart),
        )?.[1] ?? '')
      : '';
    const last = names[names.length - 1] ?? '';
    const tail = SHARED_TAIL.exec(last)?.[0] ?? '';
    group.forEach((f, j) => {
      f.q.direction = first.direction;
      f.q.comparator = le ? '<=' : approx ? '≈' : f.q.comparator === '≈' && !approx ? '>=' : f.q.comparator;
      if (!approx && !le && group[group.length - 1].q.comparator === '>=') f.q.comparator = '>=';
      if (names.length !== group.length) {
        f.review = '一句列出多个目标，未能一一对应名称，请核对指标名称';
        return;
      }
      f.review = f.q.review;
      let name = names[j];
      if (j < names.length - 1 && tail && last.length > tail.length + 1 && !name.endsWith(tail)) name += tail;
      f.label = name + word;
    });
  }
}
