// Plans for the Office.js adapter tests and bench: the seed, and synthetic plans of any size.
import * as fs from 'fs';
import * as path from 'path';
import type { Indicator, Plan, PlanItem } from '../../src/core/model';
import { parsePlan } from '../../src/core/plan/parse';

export function seedPlan(): Plan {
  const file = path.join(__dirname, '..', '..', '..', 'seeds', '000_c36e4d77f78aadb1.txt');
  const alt = path.join(__dirname, '..', '..', 'seeds', '000_c36e4d77f78aadb1.txt');
  return parsePlan(fs.readFileSync(fs.existsSync(alt) ? alt : file, 'utf8'));
}

const UNITS = ['市妇联', '市教育局', '市卫健委', '市人社局', '市民政局'];

/** A plan with `n` count indicators, 2 per item, lead units cycling. */
export function syntheticPlan(n: number, year = 2023): Plan {
  const items: PlanItem[] = [];
  for (let i = 0; i * 2 < n; i++) {
    const no = i + 1;
    const indicators: Indicator[] = [];
    for (let k = 1; k <= 2 && i * 2 + k <= n; k++) {
      const annual = 100 * no + k;
      indicators.push({
        id: `${no}.${k}`,
        item: no,
        label: `第${no}项第${k}个指标`,
        unit: '人',
        kind: 'count',
        comparator: '>=',
        annual,
        h1: Math.round(annual / 2),
        h2: annual - Math.round(annual / 2),
        deadline: null,
        per: null,
        source: `全年完成${annual}人`,
        review: null,
      });
    }
    items.push({
      no,
      name: `重要事项${no}`,
      summary: `围绕妇女儿童发展开展第${no}项工作，落实年度任务。`,
      annualGoal: indicators.map((d) => d.source).join('；'),
      h1Plan: `上半年完成${indicators[0].h1}人`,
      h2Plan: '下半年全面完成',
      leadUnits: [UNITS[i % UNITS.length]],
      indicators,
    });
  }
  return { title: `烟台市测试 ${year} 年重要事项推进计划表`, year, items, warnings: [] };
}
