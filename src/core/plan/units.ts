// The unit lexicon: every unit a Chinese plan writes after a figure, with its kind and the base unit the tracking
// workbook keeps. 万/亿 in front of any unit ("4.6万余人", "3.6亿美元") are read apart, so they aren't listed here.

export type UnitKind =
  | 'count' // things and people counted: 个 家 所 人次 …
  | 'length'
  | 'area'
  | 'volume'
  | 'weight'
  | 'energy'
  | 'power'
  | 'container'
  | 'money' // 元, base 元
  | 'currency' // foreign money stays in its own unit
  | 'time' // time limits, usually <=
  | 'percent'
  | 'permille'
  | 'points' // 个百分点: a change
  | 'concentration'
  | 'capacity' // per year or day: 万吨/年
  | 'population'; // per head of population: /10万

export interface UnitEntry {
  /** As written. */
  unit: string;
  kind: UnitKind;
  /** The unit the indicator keeps. */
  base: string;
  /** Power of ten from this unit to the base (千米 → 公里: 0; ㎡ → 平方米: 0; 万元 → 元: 4). */
  exp: number;
}

const entries: Array<[string, UnitKind, string?, number?]> = [
  // Things and people counted.
  ...'个 家 所 处 座 套 张 部 条 辆 台 艘 架 间 栋 户 人 名 场 次 件 本 项 篇 批 期 份 类 宗 笔 例 株 棵 头 只 盏 根 块 支 册 幅 门 起 口 眼 趟 处次 人次 场次 家次 户次 车次 班次 架次 项次 个次 天次 辆次 艘次 吨次'
    .split(' ')
    .map((u) => [u, 'count'] as [string, UnitKind]),
  // Length, area, volume, weight.
  ['米', 'length'],
  ['延米', 'length'],
  ['公里', 'length'],
  ['千米', 'length', '公里'],
  ['km', 'length', '公里'],
  ['平方米', 'area'],
  ['平米', 'area', '平方米'],
  ['㎡', 'area', '平方米'],
  ['m²', 'area', '平方米'],
  ['平方公里', 'area'],
  ['亩', 'area'],
  ['公顷', 'area'],
  ['立方米', 'volume'],
  ['m³', 'volume', '立方米'],
  ['方', 'volume', '立方米'],
  ['吨', 'weight'],
  ['千克', 'weight', '公斤'],
  ['公斤', 'weight'],
  ['斤', 'weight'],
  ['克', 'weight'],
  // Energy and power; containers.
  ['千瓦时', 'energy'],
  ['兆瓦时', 'energy'],
  ['千瓦', 'power'],
  ['兆瓦', 'power'],
  ['吉瓦', 'power'],
  ['瓦', 'power'],
  ['标准箱', 'container'],
  ['TEU', 'container', '标准箱'],
  ['标箱', 'container', '标准箱'],
  // Money in base 元; foreign currency kept apart.
  ['元', 'money'],
  ['美元', 'currency'],
  ['欧元', 'currency'],
  ['港元', 'currency'],
  ['日元', 'currency'],
  // Time limits.
  ['小时', 'time'],
  ['个小时', 'time', '小时'],
  ['分钟', 'time'],
  ['天', 'time'],
  ['日', 'time'],
  ['工作日', 'time'],
  ['个工作日', 'time', '工作日'],
  ['个月', 'time'],
  // Rates, concentrations, capacities.
  ['%', 'percent'],
  ['‰', 'permille'],
  ['个百分点', 'points'],
  ['百分点', 'points', '个百分点'],
  ['微克/立方米', 'concentration'],
  ['μg/m³', 'concentration', '微克/立方米'],
  ['毫克/立方米', 'concentration'],
  ['毫克/升', 'concentration'],
  ['mg/L', 'concentration', '毫克/升'],
  ['吨/年', 'capacity'],
  ['吨/日', 'capacity'],
  ['吨/天', 'capacity', '吨/日'],
  ['立方米/日', 'capacity'],
  ['立方米/天', 'capacity', '立方米/日'],
  ['/10万', 'population'],
  ['/十万', 'population', '/10万'],
  ['/万', 'population'],
  ['/千', 'population'],
];

export const UNIT_LEXICON: ReadonlyMap<string, UnitEntry> = new Map(
  entries.map(([unit, kind, base, exp]) => [unit, { unit, kind, base: base ?? unit, exp: exp ?? 0 }]),
);

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** All units, longest first, as a regex alternation ("个百分点" before "个", "平方公里" before "公里"). */
export const UNIT_PATTERN = [...UNIT_LEXICON.keys()]
  .sort((a, b) => b.length - a.length)
  .map(escape)
  .join('|');

/** Words that, right after a unit, show it is part of another word ("3个部门", "2支持", "天然气"). */
export const NOT_AFTER: Record<string, RegExp> = {
  个: /^(?:部门|方面|阶段|层面|性)/,
  人: /^口/,
  方: /^[面案式向法位针略阵]/,
  天: /^然/,
  支: /^[持撑付援部]/,
  部: /^[门署分位]/,
  期: /^[间限末满]/,
  份: /^额/,
  名: /^(?:[单称录]|义(?!务))/,
  类: /^[别型]/,
  条: /^[件例款]/,
  例: /^如/,
  场: /^[所地景馆站]/,
  克: /^服/,
  门: /^[槛户类]/,
  头: /^[部等]/,
  次: /^[性供]/,
  起: /^[草点步始来码诉跑航]/,
  口: /^[岸罩径号碑袋令头]/,
  眼: /^[光界前睛镜]/,
};

export function unitEntry(unit: string): UnitEntry | undefined {
  return UNIT_LEXICON.get(unit);
}

/** Multipliers written before a unit, as powers of ten. */
export const MULTIPLIER_EXP: Record<string, number> = { 十万: 5, 百万: 6, 千万: 7, 万: 4, 亿: 8, 万亿: 12 };

/**
 * A decimal written as digits ("2.3"), times 10^exp, computed on the digits so 2.3亿 is 230000000 exactly
 * (2.3 * 1e8 in floating point is 229999999.99999997).
 */
export function scaleDecimal(digits: string, exp: number): number {
  const m = /^(\d*)(?:\.(\d*))?$/.exec(digits);
  if (!m) return NaN;
  let int = m[1] || '0';
  let frac = m[2] ?? '';
  if (exp >= 0) {
    const moved = frac.slice(0, exp).padEnd(exp, '0');
    int += moved;
    frac = frac.slice(exp);
  } else {
    const k = -exp;
    const padded = int.padStart(k + 1, '0');
    frac = padded.slice(padded.length - k) + frac;
    int = padded.slice(0, padded.length - k);
  }
  return Number(`${int}${frac ? '.' + frac : ''}`);
}
