// Target extraction: an item's measurable targets, read from 年度任务目标 and the half-year work plans.
// The steps live next to this file: targets.ts (figures and their labels), pairing.ts (half-year figures to
// annual targets), drafts.ts (kinds and drafts).
import type { Indicator, PlanItem } from '../model';
import { toHalfWidth } from '../text';
import { targetClose } from '../period';
import { findDates } from './deadlines';
import { Draft, draftOf, milestone, milestoneLabel } from './drafts';
import { pairWithTargets } from './pairing';
import { eachMultiplier, maskQuoted } from './quantities';
import { similarity } from './similarity';
import { datedTasks, findTargets, type Found } from './targets';

type ItemText = Pick<PlanItem, 'no' | 'name' | 'annualGoal' | 'h1Plan' | 'h2Plan'>;

const ANNUAL_ONLY = /本目标为年度目标|年度目标，不分解|不作半年分解/;
// "完成全年任务的50%", "上半年完成年度计划的40%": the half is that share of each additive annual target.
const HALF_OF_YEAR = /(?:完成|达到)(?:全年|年度)(?:计划|任务|目标)(?:任务|目标)?的\s*(\d+(?:\.\d+)?)\s*%/;
// "占年度计划的50%": how far a figure already written goes, not a target of its own.
const SHARE_OF_YEAR = /占(?:全年|年度)(?:计划|任务|目标)(?:任务|目标)?的\s*\d+(?:\.\d+)?\s*%/g;
/** Matches a half-year text's figures to the annual targets; figures that match none become new targets. */
function applyHalf(drafts: Draft[], text: string, half: 'h1' | 'h2', year: number, itemName: string): void {
  const t = toHalfWidth(text);
  const blank = (m: string) => '□'.repeat(m.length);
  const found = findTargets(t.replace(HALF_OF_YEAR, blank).replace(SHARE_OF_YEAR, blank), year, itemName, {
    arabicOnly: false,
  });
  const used = new Set<number>();
  const milestones = quarterMilestones(drafts, found, used);
  pairWithTargets(drafts, found, used, t, half);
  fillShareOfYear(drafts, t, half);
  // New targets from the work plan: digits only ("开展1次…培训", "每场涵盖30家企业"). Chinese numerals there are
  // idiom ("组织一次观摩活动") unless they fill a target above.
  drafts.push(...milestones);
  addHalfTargets(drafts, found, used, t, half, year);
}

/** A figure due at the end of a quarter is a dated milestone of its target, not the half's figure. */
function quarterMilestones(drafts: Draft[], found: Found[], used: Set<number>): Draft[] {
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
  return milestones;
}

/** "完成全年任务的50%": each additive annual target the half gave no figure gets that share. */
function fillShareOfYear(drafts: Draft[], t: string, half: 'h1' | 'h2'): void {
  const share = HALF_OF_YEAR.exec(t);
  if (share) {
    for (const d of drafts) {
      if (d[half] === null && d.annual !== null && (d.kind === 'count' || d.kind === 'level')) {
        d[half] = Number(((d.annual * Number(share[1])) / 100).toPrecision(12));
      }
    }
  }
}

/** The half's figures that filled no annual target: a target the other half added, or a new one. */
function addHalfTargets(
  drafts: Draft[],
  found: Found[],
  used: Set<number>,
  t: string,
  half: 'h1' | 'h2',
  year: number,
): void {
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
