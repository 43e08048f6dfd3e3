// What a check writes into a tracking workbook: the 通报 paragraph (here), and the patch that puts it together
// with the main sheet's results (checkPatch.ts) and the 汇总 sheet (summarySheet.ts). Status words, marks and
// fills come from the status table (core/status.ts) through statusPolicy.ts.
import { type Judgement, STATUS_LABEL, STATUSES, type Status } from '../model';
import { PRESSING, statusInfo } from '../status';
import type { WorkbookPatch } from '../layout/types';
import { chineseMonthDay as cnMonthDay } from '../dates';
import { asOfHeader } from './print';
import type { TrackingRead } from './read';
import { SHEET } from './sheet';
import { checkStyles, perItem, type Counted } from './statusPolicy';
import { mainSheetChecked } from './checkPatch';
import { buildSummarySheet } from './summarySheet';

// Kept for importers: these names lived here before the split.
export { itemStatus, parseStatusText, statusText } from './statusPolicy';

/** The statuses a 通报 counts items by; 未填报, 数据有误 and 未到期 are the office's own business, said apart. */
const HEADLINE: Status[] = STATUSES.filter((s) => statusInfo(s).bulletin === 'counted');
/** Statuses the 通报 names items for and gives a sentence per indicator, the worst first. */
const NAMED: Status[] = PRESSING.filter((s) => statusInfo(s).named);
const owes = (s: Status) => statusInfo(s).bulletin === 'owed';

/** An item's status for the 通报: its slowest judged indicator; null while figures are owed or to be checked
 *  (an item isn't 已达标 with a figure missing) or when nothing is due yet. */
function headlineStatus(statuses: Status[]): Status | null {
  const worst = NAMED.find((s) => statuses.includes(s));
  if (worst) return worst;
  if (statuses.some(owes)) return null;
  const judged = statuses.filter((s) => HEADLINE.includes(s));
  if (judged.length === 0) return null;
  return judged.every((s) => s === 'met') ? 'met' : 'on-track';
}

/** Items named in brackets only when there are few of them; a long list belongs in the tables. */
const NAME_AT_MOST = 5;
/** Sentences per category (未达标, 进度滞后) in the 通报; the others are counted and left to the tables. */
const SENTENCES_AT_MOST = 6;

/** The 说明 without the notes on how figures were read (they follow a '；'). */
function gapOf(message: string): string {
  return message.split('；')[0];
}

const nameOf = (c: Counted) => c.item.name || `第${c.item.no}项`;
const leadOf = (c: Counted) => (c.item.leadUnits.length ? `（${c.item.leadUnits.join('、')}牵头）` : '');

/** The 通报's opening: items counted by status (the basis said, zero categories left out, items named where
 *  few), items with figures owed, then indicators counted. */
function countsSentences(counted: Counted[], judgements: Judgement[], asOf: string): string {
  const heads = counted.map((c) => ({ c, s: headlineStatus(c.judgements.map((j) => j.status)) }));
  const parts: string[] = [];
  for (const s of HEADLINE) {
    const items = heads.filter((h) => h.s === s).map((h) => nameOf(h.c));
    if (items.length === 0) continue;
    const named = NAMED.includes(s) && items.length <= NAME_AT_MOST ? `（${items.join('、')}）` : '';
    parts.push(`${STATUS_LABEL[s]}${items.length}项${named}`);
  }
  const owing = heads.filter((h) => h.s === null && h.c.judgements.some((j) => owes(j.status))).length;
  const basis = '按事项统计（事项有多项指标的，以进度最慢的一项为准），';
  const indicatorCounts = HEADLINE.map((s) => [s, judgements.filter((j) => j.status === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${STATUS_LABEL[s]}${n}项`);
  const measured = judgements.filter((j) => HEADLINE.includes(j.status)).length;
  let first = `截至${cnMonthDay(asOf)}，${parts.length ? basis : ''}${counted.length}项重要事项中，`;
  first += parts.length ? `${parts.join('，')}` : '尚无可评价的进展数据';
  if (owing > 0 && parts.length) first += `，另有${owing}项尚有指标未填报或数据待核实`;
  first += '。';
  if (indicatorCounts.length) first += `从指标看，有进展数据的${measured}项指标中，${indicatorCounts.join('、')}。`;
  return first;
}

/** The 通报's second paragraph: who still owes figures, and how many figures are to be checked. */
function owedParagraph(counted: Counted[], labelOf: Map<string, string>): string {
  const owed = new Map<string, string[]>();
  let invalid = 0;
  for (const c of counted) {
    for (const j of c.judgements) {
      if (j.status === 'invalid') invalid++;
      if (j.status !== 'missing') continue;
      for (const unit of c.item.leadUnits.length ? c.item.leadUnits : ['（未注明牵头单位）']) {
        owed.set(unit, [...(owed.get(unit) ?? []), labelOf.get(j.id) ?? j.id]);
      }
    }
  }
  let second = '';
  if (owed.size > 0) {
    const units = [...owed].map(
      ([unit, labels]) => `${unit}（${labels.length <= 3 ? labels.join('、') : `${labels.length}项指标`}）`,
    );
    second = `${units.join('、')}尚未填报应报数据，请抓紧报送。`;
  }
  if (invalid > 0) second += `另有${invalid}项指标的填报数据需核实。`;
  if (second === '') second = '应报数据均已填报。';
  return second;
}

/**
 * The 通报 to paste into a report, as a plan office writes one: counts by item (the basis said), zero categories
 * left out, items named where few, then a sentence per shortfall and lagging indicator with its lead unit and gap.
 * A second paragraph names the units with figures still to report. Raw counts stay in the 汇总 tables.
 */
export function bulletinText(read: TrackingRead, judgements: Judgement[], asOf: string): string {
  const counted = perItem(read, judgements);
  const labelOf = new Map(read.indicators.map((i) => [i.id, i.label]));
  let first = countsSentences(counted, judgements, asOf);

  // One sentence per indicator behind, the worst first.
  for (const s of NAMED) {
    const lines: string[] = [];
    for (const c of counted) {
      for (const j of c.judgements.filter((x) => x.status === s)) {
        const label = c.judgements.length > 1 || c.item.indicators.length > 1 ? `${labelOf.get(j.id) ?? j.id}，` : '';
        // Up to 06-30 every figure is an H1 one; saying so in each sentence is noise.
        const gap = asOf.slice(5) <= '06-30' ? gapOf(j.message).replace('仅有上半年数据，', '') : gapOf(j.message);
        lines.push(`${nameOf(c)}${leadOf(c)}，${label}${gap}`);
      }
    }
    // A long list belongs in the tables below: the worst few by name, the rest counted.
    const shown = lines.slice(0, SENTENCES_AT_MOST);
    const more = lines.length > shown.length ? `；另有${lines.length - shown.length}项，详见下表` : '';
    if (lines.length) first += `${STATUS_LABEL[s]}的：${shown.join('；')}${more}。`;
  }

  const second = owedParagraph(counted, labelOf);
  return second ? `${first}\n${second}` : first;
}

/** Everything a check writes back, for the results of judging `read` at `asOf`: the main sheet's 状态/完成率/说明
 *  with fills and heights, the 汇总 sheet with the 通报, and 截至 print headers. */
export function buildCheckPatch(read: TrackingRead, judgements: Judgement[], asOf: string): WorkbookPatch {
  const header = asOfHeader(asOf);
  const main = mainSheetChecked(read, judgements, asOf);
  return {
    styles: checkStyles(),
    cells: main.cells,
    sheets: [buildSummarySheet(read, judgements, asOf, bulletinText(read, judgements, asOf))],
    minRowHeights: main.minRowHeights,
    printHeaders: [read.positions.sheet, SHEET.targets, SHEET.summary].map((name) => ({ sheet: name, header })),
    ...(main.rowBreaks ? { rowBreaks: main.rowBreaks } : {}),
  };
}
