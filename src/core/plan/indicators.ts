// Target extraction: an item's measurable targets, read from 年度任务目标 and the half-year work plans.
import type { Indicator, IndicatorKind, PlanItem } from '../model';
import { toHalfWidth } from '../text';
import { closeOf, targetClose } from '../period';
import { DatePhrase, eachMultiplier, findDates, maskQuoted, Quantity, scanQuantities } from './quantities';

type ItemText = Pick<PlanItem, 'no' | 'name' | 'annualGoal' | 'h1Plan' | 'h2Plan'>;

interface Found {
  q: Quantity;
  label: string;
  source: string;
  deadline: string | null;
  /** Offset of the figure in the text it was read from, for ordering. */
  at: number;
  review: string | null;
  /** The quarter-end date its own clause sets ("9月底前…10个"), if any. */
  quarter: string | null;
}

const NOT_APPROX_BEFORE = /[签预节制履特邀违集简婉缔践公合守大]/;
// Names with digits in them are names, not stray figures: PM2.5, PM10, 5G, 12345热线.
const NAME_WITH_DIGITS = /[A-Za-z]+\d+(?:\.\d+)?|\d+[A-Za-z]+|\d{5,}/g;
const CLAUSE_BREAK = /[，,；;。：:！？\n]/;
const LEADING_NOISE =
  /^(?:\d+[.、．)）]|[(（][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+[、是]|全年|每年|年内|到?年底前?|到?年末|\d{4}年(?:末|底)?前?|\d{1,2}月(?:份|底|末)?(?:前)?|进一步|部门联合|预计|力争|计划|累计|同时|其中|并|且|在|确保|全年|年度|分别)+/;
const TRAILING_NOISE =
  /(?:达到|达|不少于|至少|不低于|约|提升到|提升至|提高到|提高至|增加到|为|共|要|需|总计|合计|的|分别|稳定保持在|稳定在|保持在|保持|稳定|控制在|压缩至|压缩到|缩短至|缩短到|降至|降到|压减至|不超过|超过|突破)+$/;
const VERB_ONLY = /^(?:完成|开展|组织|举办|举行|办理|发放|为|对|向|给|实现|建设|推进|培育|培训|新建|提供|达|达到)*$/;
// A label that names the fall ("近视率比上一年降低", "降低孕产妇死亡率") is read as the size of the fall: ≥.
const DOWN_WORDS = /降低|下降|减少|压减/;

function cjkLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x3400 && c <= 0x9fff) n++;
  }
  return n;
}

/** Characters that can name something: CJK and Latin letters ("PM2.5" names a pollutant). */
function nameLength(s: string): number {
  return cjkLength(s) + (s.match(/[A-Za-z]/g)?.length ?? 0);
}

function trimLabel(s: string): string {
  let t = s.replace(/\s+/g, '').replace(/^[，,、；;：:。]+|[，,、；;：:。]+$/g, '');
  for (let i = 0; i < 3; i++) t = t.replace(LEADING_NOISE, '').replace(TRAILING_NOISE, '');
  return t;
}

/** The clause (between commas) around offset `at`. */
function clauseBounds(masked: string, at: number): [number, number] {
  // Bounded, so a cell of one endless clause stays linear.
  let a = at;
  while (a > 0 && at - a < 80 && !CLAUSE_BREAK.test(masked[a - 1])) a--;
  let b = at;
  while (b < masked.length && b - at < 80 && !CLAUSE_BREAK.test(masked[b])) b++;
  return [a, b];
}

function labelFor(
  text: string,
  masked: string,
  qs: Quantity[],
  i: number,
  itemName: string,
): { label: string; review: string | null } {
  const q = qs[i];
  const [a, b] = clauseBounds(masked, q.numStart);
  const prevEnd = i > 0 && qs[i - 1].end > a ? qs[i - 1].end : a;
  const nextStart = i + 1 < qs.length && qs[i + 1].start < b ? qs[i + 1].start : b;
  let before = text.slice(prevEnd, q.start);
  // Keep the direction word in the label ("近视率比上一年降低", "学历提升").
  if (q.direction || /(?:降低|下降|减少|压减|提高|提升|增加|增长|上升)\s*$/.test(text.slice(q.start, q.numStart)))
    before = text.slice(prevEnd, q.numStart);
  // "公告时间由45天压缩至20天": the words before 由/从 name it; the starting figure doesn't.
  const from = /[由从][^由从]*\d[^由从]*$/.exec(before);
  if (from) before = before.slice(0, from.index);
  // After another figure in the clause, a list break starts this target's own words ("…充电桩、新增公共停车泊位").
  const listBreak = prevEnd > a ? before.lastIndexOf('、') : -1;
  if (listBreak >= 0) before = before.slice(listBreak + 1);
  // A list ended by 等 ("月嫂、育婴…等技能培训活动") is named by what follows 等.
  const deng = before.lastIndexOf('等');
  if (deng >= 0 && deng < before.length - 2) before = before.slice(deng + 1);
  // Comparator words go; 约 inside a word stays (签约, 预约, 节约).
  let core = trimLabel(
    before
      .replace(/不少于|至少|不低于/g, '')
      .replace(/(.?)约/g, (m, p: string) => (p && NOT_APPROX_BEFORE.test(p) ? m : p)),
  );
  let review: string | null = null;
  // A long phrase is named by what follows its last verb ("…社区开展儿童绘本讲读故事会" → "儿童绘本讲读故事会").
  const verb = /.*(开展|举办|组织|发放|举行)/.exec(core);
  if (cjkLength(core) > 12 && verb && cjkLength(core.slice(verb[0].length)) >= 4) core = core.slice(verb[0].length);
  else if (cjkLength(core) > 20) review = '标签取自长句，请核对指标名称';
  // After "、" the words name the next target of a list ("幼儿园35所、义务教育学校113所"), not this one.
  // Its own words end at a list break too ("200个（标准桩）以上电动汽车公共充电桩、新增…").
  const rawAfter = text
    .slice(q.end, nextStart)
    .split('、')[0]
    .replace(/^\s*(?:[（(][^）)]*[）)])?\s*(?:及以上|以上)?/, '');
  let after = /^\s*[和及与]/.test(rawAfter) ? '' : trimLabel(rawAfter);
  // What follows a figure names it up to the next verb ("80名阅读推广人进学校…" → "阅读推广人").
  const cut = /^(.{2,}?)(进(?!行)|开展|参与|参加|深入|到|在|提供)/.exec(after);
  if (cut) after = cut[1];
  // Still too long to be a name: "…家庭进行“追光小屋”居室微改造" is named by who it is for.
  const doing = /^(.{2,}?)进行/.exec(after);
  if (doing && cjkLength(after) > 18) after = doing[1];
  const afterUsable = after !== '' && cjkLength(after) >= 2 && cjkLength(after) <= 18 && !/\d/.test(after);
  if (nameLength(core) >= 2 && !VERB_ONLY.test(core)) {
    return { label: afterUsable && cjkLength(after) <= 12 ? core + after : core, review };
  }
  if (afterUsable) return { label: core + after, review };
  // Only a verb ("全年培训2000人"): the verb names it well enough.
  if (cjkLength(core) >= 2) return { label: core, review };
  return { label: itemName, review: '原文没有说明这个数字指什么，标签取自事项名称' };
}

// Labels made only of generic words ("全市累计") borrow the noun of the target before them.
const GENERIC_LABEL = /^(?:全市|全区|累计|总数|总计|共|达到|达|到)+$/;
const LEADING_VERB = /^(?:新建|新增|建成|完成|开展|举办|组织|培训|发放)/;

const RATE_KINDS = new Set(['percent', 'permille', 'concentration', 'population']);

function kindOf(q: Quantity, label: string): IndicatorKind {
  if (q.unitKind === 'points' || q.direction) return 'change';
  if ((q.unitKind && RATE_KINDS.has(q.unitKind)) || /率|比例|比重|占比|人均|平均/.test(label) || q.per) return 'ratio';
  if (q.unitKind === 'time' || q.held || /总|累计|保有|覆盖/.test(label)) return 'level';
  return 'count';
}

/** Splits text into sentences (。；) with their offsets. */
function sentences(text: string): Array<{ start: number; text: string }> {
  const out: Array<{ start: number; text: string }> = [];
  const re = /[^。；;！？\n]+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push({ start: m.index, text: m[0] });
  return out;
}

// The shared noun at the end of a list's last name ("城市、县城和农村生活垃圾处理覆盖率" → "覆盖率").
const SHARED_TAIL = /[\u3400-\u9fff]{0,2}(?:率|量|数|比例|占比|面积|浓度|人数|次数|规模|产量|总量)$/;
const LIST_SPLIT = /[、和及与]/;

/**
 * "A、B和C分别达到96%、92%和90%以上": one target per name, each with its own label; the cue word after 分别 and
 * the 以上/以内/左右 at the end hold for every figure.
 */
function enumerated(text: string, masked: string, qs: Quantity[], found: Found[], base: number): void {
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
  void base;
}

/** A date at the end of the first or third quarter inside the clause [a, b): "3月底前", "9月30日前", "三季度末". */
function quarterEnd(masked: string, dates: DatePhrase[], a: number, b: number, year: number): string | null {
  const named = /([一三])季度末/.exec(masked.slice(a, b));
  if (named) return closeOf(named[1] === '一' ? 'q1' : 'q3', year);
  // The month and day of either quarter's end, in whichever year the text names.
  const quarterEnds = [closeOf('q1', year).slice(4), closeOf('q3', year).slice(4)];
  const d = dates.find((x) => x.start >= a && x.start < b && quarterEnds.includes(x.date.slice(4)));
  return d ? d.date : null;
}

const FREQUENCY = /每(?:个)?(?:月|季度|季|周|旬|半年|天|日|星期)/;

/** The thing done in the clause before `clauseStart` when that clause is a frequency ("每季度召开一次政企座谈会"). */
function frequencyName(text: string, masked: string, clauseStart: number): string | null {
  const end = clauseStart - 1;
  if (end <= 0) return null;
  const [a] = clauseBounds(masked, end - 1);
  const clause = text.slice(a, end);
  if (!FREQUENCY.test(clause)) return null;
  const name = trimLabel(clause.replace(FREQUENCY, '').replace(/[一二两三四五六七八九十\d]+(?:次|场|期)/, ''));
  return cjkLength(name) >= 2 ? name : null;
}

function findTargets(text: string, year: number, itemName: string, opts: { arabicOnly: boolean }): Found[] {
  const found: Found[] = [];
  for (const s of sentences(toHalfWidth(text))) {
    const masked = maskQuoted(s.text);
    const qs = scanQuantities(masked, { arabicOnly: opts.arabicOnly, bare: true });
    if (!qs.length) continue;
    const dates: DatePhrase[] = findDates(masked, year);
    qs.forEach((q, i) => {
      const [a, b] = clauseBounds(masked, q.numStart);
      let { label, review } = labelFor(s.text, masked, qs, i, itemName);
      // "每月开展一次“村晚”活动，全年不少于12次": the frequency clause before names the yearly count.
      if (label === itemName && review) {
        const named = frequencyName(s.text, masked, a);
        if (named) [label, review] = [named, null];
      }
      const prev = found[found.length - 1];
      if (GENERIC_LABEL.test(label.replace(/[^\u3400-\u9fff]/g, '')) && prev) {
        label = prev.label.replace(LEADING_VERB, '') + (label.includes('累计') ? '累计' : '');
      }
      found.push({
        q,
        label,
        source: s.text.slice(a, b).trim(),
        deadline: dates.length ? dates[dates.length - 1].date : null,
        at: s.start + q.numStart,
        review: q.review ?? review,
        quarter: quarterEnd(masked, dates, a, b, year),
      });
    });
    enumerated(s.text, masked, qs, found, s.start);
  }
  for (const f of found) {
    if (/\d/.test(f.label.replace(NAME_WITH_DIGITS, '')) && !f.review) f.review = '标签含有数字，请核对指标名称';
  }
  return found;
}

/** Dated sentences without a figure: things to be done by a date ("5月份…开展“家庭教育宣传周”活动"). */
function datedTasks(
  text: string,
  year: number,
): Array<{ label: string; deadline: string; source: string; at: number }> {
  const out: Array<{ label: string; deadline: string; source: string; at: number }> = [];
  for (const s of sentences(toHalfWidth(text))) {
    const masked = maskQuoted(s.text);
    const dates = findDates(masked, year);
    if (!dates.length || scanQuantities(masked).length) continue;
    const d = dates[dates.length - 1];
    const label = trimLabel(s.text.slice(0, dates[0].start) + s.text.slice(dates[0].end)) || s.text.trim();
    out.push({ label, deadline: d.date, source: s.text.trim(), at: s.start });
  }
  return out;
}

function bigrams(s: string): Set<string> {
  const out = new Set<string>();
  const t = s.replace(/[^\u3400-\u9fff\w]/g, '');
  for (let i = 0; i + 1 < t.length; i++) out.add(t.slice(i, i + 2));
  return out;
}

function overlap(x: Set<string>, y: Set<string>): number {
  if (!x.size || !y.size) return 0;
  let common = 0;
  for (const g of x) if (y.has(g)) common++;
  return common / Math.min(x.size, y.size);
}

function similarity(a: string, b: string): number {
  return overlap(bigrams(a), bigrams(b));
}

interface Draft extends Omit<Indicator, 'id'> {
  fromHalf: boolean;
  at: number;
}

function draftOf(f: Found, itemNo: number): Draft {
  const kind = kindOf(f.q, f.label);
  return {
    item: itemNo,
    label: f.label,
    unit: f.q.unit,
    kind,
    comparator: kind === 'change' && f.q.direction === 'down' && !DOWN_WORDS.test(f.label) ? '<=' : f.q.comparator,
    annual: f.q.value,
    h1: null,
    h2: null,
    deadline: f.deadline,
    per: f.q.per,
    source: f.source,
    review: f.review,
    fromHalf: false,
    at: f.at,
  };
}

const ANNUAL_ONLY = /本目标为年度目标|年度目标，不分解|不作半年分解/;
// "完成全年任务的50%", "上半年完成年度计划的40%": the half is that share of each additive annual target.
const HALF_OF_YEAR = /(?:完成|达到)(?:全年|年度)(?:计划|任务|目标)(?:任务|目标)?的\s*(\d+(?:\.\d+)?)\s*%/;
// "占年度计划的50%": how far a figure already written goes, not a target of its own.
const SHARE_OF_YEAR = /占(?:全年|年度)(?:计划|任务|目标)(?:任务|目标)?的\s*\d+(?:\.\d+)?\s*%/g;
// Above this many same-unit pairs a half's figures are matched in order, so a huge cell stays linear.
const PAIR_LIMIT = 4096;

/** Matches a half-year text's figures to the annual targets; figures that match none become new targets. */
function applyHalf(drafts: Draft[], text: string, half: 'h1' | 'h2', year: number, itemName: string): void {
  const t = toHalfWidth(text);
  const blank = (m: string) => '□'.repeat(m.length);
  const found = findTargets(t.replace(HALF_OF_YEAR, blank).replace(SHARE_OF_YEAR, blank), year, itemName, {
    arabicOnly: false,
  });
  const used = new Set<number>();
  // Per-event figures pair only with per-event targets; a per-population basis is often left implicit in the plans.
  const perEvent = (per: string | null) => per !== null && !per.endsWith('人口');
  const key = (unit: string, per: string | null) => `${unit}|${perEvent(per)}`;
  const byKey = new Map<string, number[]>();
  drafts.forEach((d, di) => {
    if (d.fromHalf) return;
    const list = byKey.get(key(d.unit, d.per)) ?? [];
    list.push(di);
    byKey.set(key(d.unit, d.per), list);
  });
  const foundByKey = new Map<string, number[]>();
  // A figure due at the end of a quarter is a dated milestone of its target, not the half's figure.
  const milestones: Draft[] = [];
  found.forEach((f, fi) => {
    if (!f.quarter || drafts.every((d) => d.fromHalf || d.unit !== f.q.unit || similarity(d.label, f.label) < 0.5))
      return;
    used.add(fi);
    const m = draftOf(f, drafts[0]?.item ?? 0);
    Object.assign(m, {
      label: `${f.label}${f.q.value}${f.q.unit}`,
      unit: '',
      kind: 'milestone',
      comparator: '=',
      annual: null,
      per: null,
    });
    m.deadline = f.quarter;
    m.fromHalf = true;
    milestones.push(m);
  });
  found.forEach((f, fi) => {
    if (used.has(fi)) return;
    const list = foundByKey.get(key(f.q.unit, f.q.per)) ?? [];
    list.push(fi);
    foundByKey.set(key(f.q.unit, f.q.per), list);
  });
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
    // Best pairs first, one figure per target: most similar label; a lone target of its unit gets a bonus.
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
    pairs.sort((x, y) => y.score - x.score);
    for (const p of pairs) {
      if (matched.has(p.d) || used.has(p.f)) continue;
      // Matched on the unit alone, with labels that share nothing: a guess.
      assign(p.d, p.f, p.sim < 0.2 ? `${halfName}数字仅按单位对应，请核对` : null);
    }
  }
  const share = HALF_OF_YEAR.exec(t);
  if (share) {
    for (const d of drafts) {
      if (d[half] === null && d.annual !== null && (d.kind === 'count' || d.kind === 'level')) {
        d[half] = Number(((d.annual * Number(share[1])) / 100).toPrecision(12));
      }
    }
  }
  // New targets from the work plan: digits only ("开展1次…培训", "每场涵盖30家企业"). Chinese numerals there are
  // idiom ("组织一次观摩活动") unless they fill a target above.
  drafts.push(...milestones);
  // Targets the other half's plan already added, by unit: the same target named again fills this half.
  const fromHalf = new Map<string, Draft[]>();
  for (const d of drafts) {
    if (!d.fromHalf) continue;
    const list = fromHalf.get(`${d.unit}|${d.per}`) ?? [];
    list.push(d);
    fromHalf.set(`${d.unit}|${d.per}`, list);
  }
  found.forEach((f, fi) => {
    if (used.has(fi) || f.q.chinese) return;
    const k = `${f.q.unit}|${f.q.per}`;
    // Only the last few of a unit are compared, so a huge cell stays linear.
    const existing = (fromHalf.get(k) ?? [])
      .slice(-16)
      .find((d) => d[half] === null && similarity(d.label, f.label) >= 0.8);
    const value = f.q.value * eachMultiplier(t, f.q);
    if (existing) {
      existing[half] = value;
      return;
    }
    const d = draftOf(f, drafts[0]?.item ?? 0);
    d.fromHalf = true;
    d.annual = null;
    d[half] = value;
    d.deadline = f.deadline ?? targetClose(half === 'h1' ? 'h1' : 'annual', year);
    drafts.push(d);
    const list = fromHalf.get(k) ?? [];
    list.push(d);
    fromHalf.set(k, list);
  });
}

/** Reads an item's indicators. Ids are "<序号>.<k>" in order of appearance: 年度任务目标 first, then the plans. */
export function extractIndicators(item: ItemText, year: number): Indicator[] {
  const drafts: Draft[] = findTargets(item.annualGoal, year, item.name, { arabicOnly: false }).map((f) =>
    draftOf(f, item.no),
  );
  const milestonesFromGoal = datedTasks(item.annualGoal, year);
  const merged = item.h2Plan === item.h1Plan;
  const annualOnly = ANNUAL_ONLY.test(item.h1Plan) || ANNUAL_ONLY.test(item.h2Plan);
  if (!annualOnly) {
    applyHalf(drafts, item.h1Plan, 'h1', year, item.name);
    if (!merged) applyHalf(drafts, item.h2Plan, 'h2', year, item.name);
    // One text for both halves (a merged cell, or the same plan twice): each half has the same targets.
    else for (const d of drafts) d.h2 = d.h1;
  }
  for (const d of drafts) {
    d.item = item.no;
    if (!d.fromHalf || d.kind === 'milestone') continue;
    // A target found only in the work plans: an additive one sums its halves; a rate holds in each.
    d.annual = d.kind === 'count' ? (d.h1 ?? 0) + (d.h2 ?? 0) : (d.h2 ?? d.h1);
    if (d.h1 !== null && d.h2 !== null) d.deadline = targetClose('annual', year);
  }
  // Both halves restating the annual figure ("13处…全部主体完工", "13处…全部交付") is a stock reached by a date.
  for (const d of drafts) {
    if (d.kind === 'count' && d.annual !== null && d.h1 === d.annual && d.h2 === d.annual) d.kind = 'level';
    // "达到150项 … 达到200项" against 200项 for the year: the halves are written as running totals.
    if (d.kind === 'count' && d.annual !== null && d.h1 !== null && d.h2 === d.annual && d.h1 < d.annual && d.h1 > 0) {
      d.kind = 'level';
      d.review ??= '上下半年数字像是累计数（下半年等于全年），按存量处理，请核对';
    }
  }

  const indicators: Indicator[] = [];
  const push = (d: Omit<Draft, 'fromHalf' | 'at'>) => {
    indicators.push({
      id: `${item.no}.${indicators.length + 1}`,
      item: item.no,
      label: d.label,
      unit: d.unit,
      kind: d.kind,
      comparator: d.comparator,
      annual: d.annual,
      h1: d.h1,
      h2: d.h2,
      deadline: d.deadline,
      per: d.per,
      source: d.source,
      review: d.review,
    });
  };
  // Goal order: figures and dated tasks as they appear in the goal text.
  const goalOrdered: Array<{ at: number; push: () => void }> = [];
  for (const d of drafts.filter((x) => !x.fromHalf)) goalOrdered.push({ at: d.at, push: () => push(d) });
  for (const m of milestonesFromGoal) {
    goalOrdered.push({ at: m.at, push: () => push(milestone(item.no, m.label, m.deadline, m.source)) });
  }
  goalOrdered.sort((a, b) => a.at - b.at).forEach((g) => g.push());
  for (const d of drafts.filter((x) => x.fromHalf)) push(d);

  // A qualitative item: its work plans are the milestones.
  if (!indicators.length) {
    const halves: Array<[string, string]> = merged
      ? [[item.h1Plan, targetClose('annual', year)]]
      : [
          [item.h1Plan, targetClose('h1', year)],
          [item.h2Plan, targetClose('annual', year)],
        ];
    for (const [text, periodEnd] of halves) {
      if (!text.trim()) continue;
      const dates = findDates(maskQuoted(toHalfWidth(text)), year);
      const deadline = dates.length ? dates[dates.length - 1].date : periodEnd;
      push(milestone(item.no, milestoneLabel(text), deadline, text));
    }
  }
  return indicators;
}

function milestone(itemNo: number, label: string, deadline: string, source: string): Omit<Draft, 'fromHalf' | 'at'> {
  return {
    item: itemNo,
    label,
    unit: '',
    kind: 'milestone',
    comparator: '=',
    annual: null,
    h1: null,
    h2: null,
    deadline,
    per: null,
    source,
    review: null,
  };
}

/** The part of a work plan that carries its date ("三是…于6月30日前上报"), else the plan itself. */
function milestoneLabel(text: string): string {
  const parts = toHalfWidth(text)
    .split(/[；;。]/)
    .map((p) => p.trim())
    .filter(Boolean);
  const dated = parts.find((p) => /\d{1,2}月/.test(p));
  return trimLabel(dated ?? parts.join('；')) || text.trim();
}
