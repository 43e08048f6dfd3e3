// Every plan in test/fixtures/plans against its hand-checked golden: each target found with the right value, unit,
// comparator, halves (and kind where the golden names it), no other figure taken, no trap taken, and lint warnings
// exactly on the items whose halves don't add up. Per-domain precision/recall: `node build/test/bench/corpus.js`.
import { PlanSchema } from '../../src/core/model';
import { details, goldens, scorePlan } from '../bench/corpus';

const all = goldens();

test('the corpus covers at least six domains', () => {
  expect(new Set(all.map((g) => g.golden.domain)).size).toBeGreaterThanOrEqual(6);
});

describe.each(all.map((g) => [`${g.golden.domain} (${g.name})`, g] as const))('%s', (_name, g) => {
  const s = scorePlan(g.name, g.golden, g.text);

  test('is a valid plan', () => {
    expect(() => PlanSchema.parse(s.plan)).not.toThrow();
  });

  test('finds every target right and takes nothing else', () => {
    expect(details(s)).toEqual([]);
    expect(s.right).toHaveLength(g.golden.targets.length);
  });

  test('takes no trap figure', () => {
    expect(s.trapsTaken).toEqual([]);
  });

  test('lint warns exactly where halves do not add up', () => {
    expect(s.warningItems).toEqual(g.golden.warnings);
    expect(s.plan.warnings.filter((w) => !w.message.startsWith('指标'))).toEqual([]);
  });
});
