#!/usr/bin/env node
// A small mutation pass: applies one-line mutations of core logic one at a time, runs the jest files that
// should notice, and counts killed (a test failed) and survived. Not part of `npm test` (minutes, not seconds).
// Usage: npm run mutate [-- <id-prefix>...]   e.g. `npm run mutate -- J C` for judgement and consolidation only.
// Each mutant's source line is restored after its run, also on Ctrl-C.
'use strict';
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');

const root = path.join(__dirname, '..');
const JUDGE = ['test/core/judge.test.ts', 'test/core/judge-boundaries.test.ts', 'test/tracking/check.test.ts'];
const EXTRACT = [
  'test/core/extraction-rules.test.ts',
  'test/core/indicators.test.ts',
  'test/core/seed-plan.test.ts',
  'test/core/variant-plan.test.ts',
  'test/core/plan-corpus.test.ts',
];
const CONSOLIDATE = [
  'test/consolidate/rules-edges.test.ts',
  'test/consolidate/rules.test.ts',
  'test/consolidate/consolidate.test.ts',
];
const HASH = ['test/core/fingerprint-golden.test.ts', 'test/tracking/zip-hash.test.ts'];
const OFFICE = ['test/office/parity.test.ts', 'test/office/tracking.test.ts'];
const CONVENTIONS = [
  'test/core/status-table.test.ts',
  'test/core/dates.test.ts',
  'test/exceljs/read-dates.test.ts',
  'test/office/read-dates.test.ts',
  'test/office/parity.test.ts',
  'test/tracking/patch.test.ts',
];

// [id, file, exact text (must occur once), replacement, what it means, tests]
const MUTANTS = [
  [
    'J1',
    'src/core/judge.ts',
    ': actual >= target;',
    ': actual > target;',
    'meeting a ≥ target exactly is not enough',
    JUDGE,
  ],
  [
    'J2',
    'src/core/judge.ts',
    'const h1End = toTime(`${year}-06-30`);',
    'const h1End = toTime(`${year}-06-29`);',
    'H1 closes a day early',
    JUDGE,
  ],
  [
    'J3',
    'src/core/judge.ts',
    'const h1End = toTime(`${year}-06-30`);',
    'const h1End = toTime(`${year}-07-01`);',
    'H1 closes a day late',
    JUDGE,
  ],
  [
    'J4',
    'src/core/judge.ts',
    'actual >= target * 0.95',
    'actual >= target * 0.96',
    '≈ tolerance 4% instead of 5%',
    JUDGE,
  ],
  [
    'J5',
    'src/core/judge.ts',
    'if (latest >= expected) return',
    'if (latest > expected) return',
    'exactly pro rata counts as behind',
    JUDGE,
  ],
  [
    'J6',
    'src/core/judge.ts',
    '(h1Target * (now - start + DAY)) / (h1End - start + DAY)',
    '(h1Target * (now - start)) / (h1End - start)',
    'pro rata counts days exclusively',
    JUDGE,
  ],
  [
    'J7',
    'src/core/judge.ts',
    'Math.abs(v) > 100 * scale',
    'Math.abs(v) > 1000 * scale',
    'sanity bound 1000× instead of 100×',
    JUDGE,
  ],
  [
    'J8',
    'src/core/judge.ts',
    'if (additive && !flip && latest !== null',
    'if (additive && latest !== null',
    'a ≤ count is met before its period closes',
    JUDGE,
  ],
  [
    'J9',
    'src/core/judge.ts',
    'const yearClosed = now >= yearEnd;',
    'const yearClosed = now > yearEnd;',
    'the year closes a day late',
    JUDGE,
  ],
  [
    'J10',
    'src/core/judge.ts',
    'if (now >= h1End && h1Target !== null && h1End < yearEnd) {',
    'if (now > h1End && h1Target !== null && h1End < yearEnd) {',
    'H1 figure due a day late',
    JUDGE,
  ],
  [
    'J11',
    'src/core/judge.ts',
    'if (gap <= 0) return',
    'if (gap < 0) return',
    'exactly on target is worded as a gap',
    JUDGE,
  ],
  [
    'J12',
    'src/core/judge.ts',
    "if (v < 0 && ind.kind !== 'change')",
    'if (v < 0)',
    'negative changes become 数据有误',
    JUDGE,
  ],
  [
    'J13',
    'src/core/judge.ts',
    "if (unit === '%' && v > 100)",
    "if (unit === '%' && v >= 100)",
    '100% becomes 数据有误',
    JUDGE,
  ],
  [
    'J14',
    'src/core/judge.ts',
    'yr !== null && yr < h1) {',
    'yr !== null && yr <= h1) {',
    'a year figure equal to H1 becomes 数据有误',
    JUDGE,
  ],
  [
    'J15',
    'src/core/judge.ts',
    '  if (asOf >= due) {',
    '  if (asOf > due) {',
    'a milestone is overdue a day late',
    JUDGE,
  ],
  ['J16', 'src/core/judge.ts', 'if (now < start) {', 'if (now <= start) {', 'the plan year starts a day late', JUDGE],
  [
    'J17',
    'src/core/judge.ts',
    'const inH1 = yearEnd <= toTime(`${planYear}-06-30`);',
    'const inH1 = yearEnd < toTime(`${planYear}-06-30`);',
    'a target due 06-30 is not an H1 target',
    JUDGE,
  ],
  [
    'J18',
    'src/core/judge.ts',
    'expected = Number(expected.toPrecision(6));',
    'expected = Number(expected.toPrecision(2));',
    'pro-rata expectation rounded coarsely',
    JUDGE,
  ],
  [
    'J19',
    'src/core/judge.ts',
    'return Math.round((actual / target) * 1000) / 10;',
    'return Math.round((actual / target) * 100);',
    'rates lose their decimal',
    JUDGE,
  ],
  [
    'J20',
    'src/core/judge.ts',
    'const useH1 = now < h1End && h1Target !== null;',
    'const useH1 = now <= h1End && h1Target !== null;',
    'a rate is held to the H1 target on the H1 close',
    JUDGE,
  ],
  [
    'J21',
    'src/core/judge.ts',
    "if (yrRead.error) return makeJudgement(ind, 'invalid', h1, null, NO_RATES, yrRead.error);",
    '',
    'an unreadable year figure is ignored',
    JUDGE,
  ],
  [
    'J22',
    'src/core/judge.ts',
    'ind.deadline && ind.deadline.startsWith(String(year)) ? ind.deadline : `${year}-12-31`',
    '`${year}-12-31`',
    'deadlines before 12-31 ignored',
    JUDGE,
  ],
  [
    'E1',
    'src/core/plan/indicators.ts',
    '/总|累计|保有|覆盖/.test(label)',
    '/总|累计|保有/.test(label)',
    '覆盖 no longer makes a level',
    EXTRACT,
  ],
  [
    'E2',
    'src/core/plan/indicators.ts',
    'for (let i = 0; i < 3; i++) t = t.replace(LEADING_NOISE',
    'for (let i = 0; i < 1; i++) t = t.replace(LEADING_NOISE',
    'label noise trimmed once',
    EXTRACT,
  ],
  [
    'E3',
    'src/core/plan/quantities.ts',
    "if (kind === 'count' && !next.startsWith('的')) return false;",
    '',
    '"10个以上老旧小区" read as a qualifier',
    EXTRACT,
  ],
  [
    'E4',
    'src/core/plan/indicators.ts',
    'if (score > 0.2) pairs.push',
    'if (score > 0.5) pairs.push',
    'pairing threshold 0.5',
    EXTRACT,
  ],
  [
    'E5',
    'src/core/plan/quantities.ts',
    'if (v < 10 && !CHINESE_SMALL_OK.has(unitRaw)) continue;',
    'if (v < 3 && !CHINESE_SMALL_OK.has(unitRaw)) continue;',
    'Chinese-numeral idiom bound 3',
    EXTRACT,
  ],
  [
    'E6',
    'src/core/plan/indicators.ts',
    "if (q.unitKind === 'points' || q.direction) return 'change';",
    "if (q.unitKind === 'points') return 'change';",
    'a direction word no longer makes a change',
    EXTRACT,
  ],
  [
    'E7',
    'src/core/plan/indicators.ts',
    "/率|比例|比重|占比|人均|平均/.test(label) || q.per) return 'ratio';",
    "/率|比例|比重|占比|人均|平均/.test(label)) return 'ratio';",
    'a per-basis figure is not a ratio',
    EXTRACT,
  ],
  [
    'E8',
    'src/core/plan/quantities.ts',
    "held: cue?.cue === 'held',\n      review: null,",
    'held: false,\n      review: null,',
    '保持/稳定在 no longer held',
    EXTRACT,
  ],
  ['E9', 'src/core/plan/quantities.ts', "  if (cue === 'approx') cmp = '≈';", '', '约 no longer makes ≈', EXTRACT],
  [
    'E10',
    'src/core/plan/quantities.ts',
    "const directed = entry.kind !== 'count';",
    'const directed = true;',
    '"增加300个" read as a change',
    EXTRACT,
  ],
  [
    'C1',
    'src/core/consolidate/consolidate.ts',
    '(rank(id, c.unit) < rank(id, best.unit) ? c : best)',
    '(best)',
    'first file wins a conflict',
    CONSOLIDATE,
  ],
  [
    'C2',
    'src/core/consolidate/consolidate.ts',
    '(rank(id, c.unit) < rank(id, best.unit) ? c : best)',
    '(rank(id, c.unit) > rank(id, best.unit) ? c : best)',
    'the last-listed unit wins',
    CONSOLIDATE,
  ],
  [
    'C3',
    'src/core/consolidate/consolidate.ts',
    'const all =\n      prior && sameValue(prior.value, current) && !cands.some((c) => c.unit === prior.unit) ? [prior, ...cands] : cands;',
    'const all = cands;',
    'figures applied in an earlier run ignored',
    CONSOLIDATE,
  ],
  [
    'C4',
    'src/core/consolidate/consolidate.ts',
    '    if (chosen.prior) continue;',
    '',
    'a prior figure is written again',
    CONSOLIDATE,
  ],
  [
    'C5',
    'src/core/consolidate/consolidate.ts',
    "if (f.value < 0 && ind.kind !== 'change') return",
    'if (f.value < 0) return',
    'negative changes rejected',
    CONSOLIDATE,
  ],
  [
    'C6',
    'src/core/consolidate/consolidate.ts',
    'if (meta.planHash !== master.planHash) {',
    'if (false) {',
    'a form of another plan version accepted',
    CONSOLIDATE,
  ],
  [
    'C7',
    'src/core/consolidate/consolidate.ts',
    'if (distinct.length > 1) {',
    'if (distinct.length > 2) {',
    'two different figures not a conflict',
    CONSOLIDATE,
  ],
  [
    'C8',
    'src/core/consolidate/consolidate.ts',
    "if (current !== null && current !== '' && !sameValue(current, c.value)) notes.push('覆盖原值');",
    '',
    '覆盖原值 not logged',
    CONSOLIDATE,
  ],
  [
    'C9',
    'src/core/consolidate/consolidate.ts',
    'return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));',
    'return a === b;',
    'float noise makes a conflict',
    CONSOLIDATE,
  ],
  [
    'J23',
    'src/core/judge.ts',
    'const DONE = /^(已完成|完成|',
    'const DONE = /^(已完成|',
    '“完成” no longer means done',
    JUDGE,
  ],
  [
    'J24',
    'src/core/judge.ts',
    "const additive = ind.kind === 'count' || ind.kind === 'level';",
    "const additive = ind.kind === 'count';",
    'levels no longer judged pro rata',
    JUDGE,
  ],
  [
    'J25',
    'src/core/judge.ts',
    'h1End: Math.min(h1End, yearEnd)',
    'h1End: h1End',
    'a deadline before 06-30 no longer ends H1',
    JUDGE,
  ],
  [
    'E11',
    'src/core/plan/quantities.ts',
    'if (/每\\s*$/.test(masked.slice(Math.max(0, numStart - 2), numStart)) && !chinese) continue;',
    '',
    '"每10万人" read as a figure',
    EXTRACT,
  ],
  [
    'E12',
    'src/core/plan/quantities.ts',
    '  if (NOT_BEFORE_CUE[w]?.test(before)) return null;',
    '',
    '签约/送达 read as comparators',
    EXTRACT,
  ],
  [
    'E13',
    'src/core/plan/indicators.ts',
    "comparator: kind === 'change' && f.q.direction === 'down' && !DOWN_WORDS.test(f.label) ? '<=' : f.q.comparator,",
    'comparator: f.q.comparator,',
    'a fall to reach is no longer ≤',
    EXTRACT,
  ],
  [
    'E14',
    'src/core/plan/quantities.ts',
    "    if (entry.kind === 'time' && unitRaw === '日' &&",
    "    if (false && entry.kind === 'time' && unitRaw === '日' &&",
    '"6月30日" read as a time limit',
    EXTRACT,
  ],
  [
    'E15',
    'src/core/plan/quantities.ts',
    '    if (isFrequency(masked, numStart)) continue;',
    '',
    'frequencies ("每月一次") read as figures',
    EXTRACT,
  ],
  [
    'E16',
    'src/core/plan/quantities.ts',
    'if (\n      /[由从]\\s*$/.test(',
    'if (\n      false &&\n      /[由从]\\s*$/.test(',
    '"由45天压缩至20天": the start read as the target',
    EXTRACT,
  ],
  [
    'C10',
    'src/core/consolidate/consolidate.ts',
    '  if (!units.has(meta.unit)) {',
    '  if (false) {',
    'a unit the plan does not know accepted',
    CONSOLIDATE,
  ],
  [
    'C11',
    'src/core/consolidate/consolidate.ts',
    '  if (foreign.length) return',
    '  if (false) return',
    "figures for items not the unit's own accepted",
    CONSOLIDATE,
  ],
  [
    'C12',
    'src/core/consolidate/consolidate.ts',
    'v ? MILESTONE_TRUE : MILESTONE_FALSE',
    'v ? MILESTONE_FALSE : MILESTONE_TRUE',
    'a ticked milestone box read as 未完成',
    CONSOLIDATE,
  ],
  [
    'C13',
    'src/core/consolidate/consolidate.ts',
    'const changed = !before || text(before.text) !== text(c.value);',
    'const changed = true;',
    'an unchanged 进展情况 rewritten',
    CONSOLIDATE,
  ],
  [
    'H1',
    'src/core/hash.ts',
    'a = Math.imul(a, 0x85ebca6b) ^ Math.imul(b, 0xc2b2ae35);',
    'a = Math.imul(a, 0x85ebca6c) ^ Math.imul(b, 0xc2b2ae35);',
    'one fingerprint multiplier changed',
    HASH,
  ],
  [
    'H2',
    'src/core/hash.ts',
    'for (const k of Object.keys(obj).sort()) sorted[k] = obj[k];',
    'for (const k of Object.keys(obj)) sorted[k] = obj[k];',
    'canonical JSON keeps key order',
    HASH,
  ],
  [
    'O3',
    'src/core/layout/excelUnits.ts',
    'return columnPx(width) * PT_PER_PX;',
    'return (columnPx(width) + CELL_PADDING_PX) * PT_PER_PX;',
    'Office widths with the padding counted twice',
    OFFICE,
  ],
  [
    'O4',
    'src/core/layout/excelUnits.ts',
    'Math.round(inches * 72 * 100) / 100',
    'Math.round(inches * 70 * 100) / 100',
    'Office margins at 70 pt an inch',
    OFFICE,
  ],
  [
    'O7',
    'src/adapters/office/write.ts',
    'dv.ignoreBlanks = v.allowBlank;',
    'dv.ignoreBlanks = !v.allowBlank;',
    'validation blanks inverted',
    OFFICE,
  ],
  [
    'O8',
    'src/adapters/office/write.ts',
    "operator: 'GreaterThanOrEqualTo'",
    "operator: 'LessThanOrEqualTo'",
    'decimal rule ≥ → ≤',
    OFFICE,
  ],
  [
    'V1',
    'src/core/status.ts',
    'pressing: 2,',
    'pressing: null,',
    'at-risk no longer decides an item nor is listed in the 汇总',
    CONVENTIONS,
  ],
  [
    'V2',
    'src/core/status.ts',
    '(a, b) => (STATUS_TABLE[a].pressing ?? 0) - (STATUS_TABLE[b].pressing ?? 0),',
    '(a, b) => (STATUS_TABLE[b].pressing ?? 0) - (STATUS_TABLE[a].pressing ?? 0),',
    'pressing statuses sorted the other way round',
    CONVENTIONS,
  ],
  [
    'V3',
    'src/core/dates.ts',
    'if (!date1904 && days < PHANTOM_DAY) days += 1;',
    '',
    "the 1900 system's phantom leap day ignored",
    CONVENTIONS,
  ],
  [
    'V4',
    'src/core/dates.ts',
    'const SHIFT_1904 = 1462;',
    'const SHIFT_1904 = 1461;',
    '1904 dates a day off',
    CONVENTIONS,
  ],
  [
    'V5',
    'src/core/dates.ts',
    "if (/[hs]|上午|下午|am\\/pm|a\\/p/i.test(bare)) return 'time';",
    '',
    'time formats read as dates',
    CONVENTIONS,
  ],
  [
    'V6',
    'src/core/layout/print.ts',
    "return text.replace(/&(?![PN])/g, '&&');",
    'return text;',
    "a literal '&' in a header left as a code",
    CONVENTIONS,
  ],
];

const only = process.argv.slice(2);
const chosen = MUTANTS.filter(([id]) => !only.length || only.some((p) => id.startsWith(p)));
let restore = null;
process.on('SIGINT', () => {
  if (restore) restore();
  process.exit(130);
});

const jest = path.join(root, 'node_modules', '.bin', 'jest');
const results = [];
for (const [id, file, from, to, what, tests] of chosen) {
  const abs = path.join(root, file);
  const original = fs.readFileSync(abs, 'utf8');
  const at = original.indexOf(from);
  if (at < 0 || original.indexOf(from, at + 1) >= 0) {
    results.push({ id, what, result: at < 0 ? 'stale (text not found)' : 'stale (text not unique)' });
    console.log(`${id.padEnd(4)} ${results[results.length - 1].result}: ${what}`);
    continue;
  }
  restore = () => fs.writeFileSync(abs, original);
  fs.writeFileSync(abs, original.slice(0, at) + to + original.slice(at + from.length));
  const t0 = Date.now();
  let run;
  try {
    run = spawnSync(jest, ['--silent', '--bail', '--maxWorkers=2', ...tests], {
      cwd: root,
      encoding: 'utf8',
      timeout: 300000,
    });
  } finally {
    restore();
    restore = null;
  }
  const result = run.status === 0 ? 'SURVIVED' : 'killed';
  results.push({ id, what, result });
  console.log(`${id.padEnd(4)} ${result.padEnd(8)} ${((Date.now() - t0) / 1000).toFixed(0).padStart(3)}s  ${what}`);
}
const killed = results.filter((r) => r.result === 'killed').length;
const survived = results.filter((r) => r.result === 'SURVIVED');
const stale = results.filter((r) => r.result.startsWith('stale')).length;
console.log(
  `\n${killed} killed, ${survived.length} survived${stale ? `, ${stale} stale` : ''} of ${results.length}` +
    ` (score ${((100 * killed) / Math.max(1, killed + survived.length)).toFixed(0)}%)`,
);
if (survived.length) console.log(`survivors: ${survived.map((r) => r.id).join(' ')}`);
process.exitCode = stale ? 2 : 0;
