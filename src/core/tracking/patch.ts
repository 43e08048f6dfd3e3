// What a check writes into a tracking workbook: 状态 (mark + word), fill per status, 完成率, 说明, refreshed
// target texts, and the 汇总 sheet with counts, shortfalls and the 通报 paragraph.
// Every indicator row is restyled on every check, so highlights replace earlier ones instead of piling up.
import { summarize } from '../judge';
import { Judgement, STATUSES, STATUS_LABEL, type Status } from '../model';
import type { CellPatch, CellStyle, LayoutCell, Range, SheetLayout, WorkbookPatch } from '../layout/types';
import { heightForText, heightForLines } from '../layout/rowHeights';
import { SIZE, TEXT_INDENT } from '../layout/styles';
import { blockBreaks, pageCapacity, spanHeight } from '../layout/pages';
import { asOfLine, cnMonthDay, targetText } from './format';
import { asOfHeader, mainRowBreaks, TRACKING_STYLES, trackingPrint } from './layout';
import type { TrackingItemRead, TrackingRead } from './read';
import { inFirstHalf } from '../period';
import { MAIN_WIDTHS, COL, HEADER, SHEET, STATUS_FILL, STATUS_SYMBOL } from './sheet';

/** '▲ 进度滞后': the mark and the word, as written into 状态. */
export function statusText(status: Status): string {
  return `${STATUS_SYMBOL[status]} ${STATUS_LABEL[status]}`;
}

/** Reads a 状态 cell back ('▲ 进度滞后' or just '进度滞后') into a status, or null. */
export function parseStatusText(text: string): Status | null {
  const word = text.replace(/^[^\u4e00-\u9fff]+/, '').trim();
  return STATUSES.find((s) => STATUS_LABEL[s] === word) ?? null;
}

/** Rows whose whole progress part is tinted, not just the 状态 cell. */
const ROW_TINT: Status[] = ['shortfall', 'at-risk'];

/** Item status from its indicators' statuses: the most pressing one wins; 已达标 only when all are met. */
export function itemStatus(statuses: Status[]): Status {
  if (statuses.length === 0) return 'not-due';
  for (const s of ['shortfall', 'at-risk', 'missing', 'invalid'] as Status[]) if (statuses.includes(s)) return s;
  if (statuses.every((s) => s === 'met')) return 'met';
  if (statuses.every((s) => s === 'not-due')) return 'not-due';
  return 'on-track';
}

/** Check styles, keyed 'chk.<part>.<status>', built on the layout's own styles. */
function checkStyles(): Record<string, CellStyle> {
  const styles: Record<string, CellStyle> = { ...TRACKING_STYLES };
  for (const s of STATUSES) {
    const fill = STATUS_FILL[s];
    const tint = ROW_TINT.includes(s);
    styles[`chk.status.${s}`] = {
      ...TRACKING_STYLES.center,
      fill,
      font: { ...TRACKING_STYLES.center.font, bold: s === 'shortfall' },
    };
    styles[`chk.center.${s}`] = tint ? { ...TRACKING_STYLES.center, fill } : TRACKING_STYLES.center;
    styles[`chk.left.${s}`] = tint ? { ...TRACKING_STYLES.left, fill } : TRACKING_STYLES.left;
    styles[`chk.rate.${s}`] = tint ? { ...TRACKING_STYLES.rate, fill } : TRACKING_STYLES.rate;
  }
  return styles;
}

interface Counted {
  item: TrackingItemRead;
  status: Status;
  judgements: Judgement[];
}

function perItem(read: TrackingRead, judgements: Judgement[]): Counted[] {
  const byId = new Map(judgements.map((j) => [j.id, j]));
  return read.items.map((item) => {
    const js = item.indicators.map((id) => byId.get(id)).filter((j): j is Judgement => j !== undefined);
    return { item, status: itemStatus(js.map((j) => j.status)), judgements: js };
  });
}

/** The statuses a 通报 counts items by; 未填报, 数据有误 and 未到期 are the office's own business, said apart. */
const HEADLINE: Status[] = ['met', 'on-track', 'at-risk', 'shortfall'];

/** An item's status for the 通报: its slowest judged indicator; null while figures are owed or to be checked
 *  (an item isn't 已达标 with a figure missing) or when nothing is due yet. */
function headlineStatus(statuses: Status[]): Status | null {
  if (statuses.includes('shortfall')) return 'shortfall';
  if (statuses.includes('at-risk')) return 'at-risk';
  if (statuses.includes('missing') || statuses.includes('invalid')) return null;
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

/**
 * The 通报 to paste into a report, as a plan office writes one: counts by item (the basis said), zero categories
 * left out, items named where few, then a sentence per shortfall and lagging indicator with its lead unit and gap.
 * A second paragraph names the units with figures still to report. Raw counts stay in the 汇总 tables.
 */
export function bulletinText(read: TrackingRead, judgements: Judgement[], asOf: string): string {
  const counted = perItem(read, judgements);
  const total = read.items.length;
  const labelOf = new Map(read.indicators.map((i) => [i.id, i.label]));
  const nameOf = (c: Counted) => c.item.name || `第${c.item.no}项`;
  const leadOf = (c: Counted) => (c.item.leadUnits.length ? `（${c.item.leadUnits.join('、')}牵头）` : '');
  const heads = counted.map((c) => ({ c, s: headlineStatus(c.judgements.map((j) => j.status)) }));

  const parts: string[] = [];
  for (const s of HEADLINE) {
    const items = heads.filter((h) => h.s === s).map((h) => nameOf(h.c));
    if (items.length === 0) continue;
    const named =
      (s === 'at-risk' || s === 'shortfall') && items.length <= NAME_AT_MOST ? `（${items.join('、')}）` : '';
    parts.push(`${STATUS_LABEL[s]}${items.length}项${named}`);
  }
  const owing = heads.filter(
    (h) => h.s === null && h.c.judgements.some((j) => j.status === 'missing' || j.status === 'invalid'),
  ).length;
  const basis = '按事项统计（事项有多项指标的，以进度最慢的一项为准），';
  const indicatorCounts = HEADLINE.map((s) => [s, judgements.filter((j) => j.status === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${STATUS_LABEL[s]}${n}项`);
  const measured = judgements.filter((j) => HEADLINE.includes(j.status)).length;
  let first = `截至${cnMonthDay(asOf)}，${parts.length ? basis : ''}${total}项重要事项中，`;
  first += parts.length ? `${parts.join('，')}` : '尚无可评价的进展数据';
  if (owing > 0 && parts.length) first += `，另有${owing}项尚有指标未填报或数据待核实`;
  first += '。';
  if (indicatorCounts.length) first += `从指标看，有进展数据的${measured}项指标中，${indicatorCounts.join('、')}。`;

  // One sentence per indicator behind, the worst first.
  for (const s of ['shortfall', 'at-risk'] as const) {
    const lines: string[] = [];
    for (const c of counted) {
      for (const j of c.judgements.filter((x) => x.status === s)) {
        const label = c.judgements.length > 1 || c.item.indicators.length > 1 ? `${labelOf.get(j.id) ?? j.id}，` : '';
        // Up to the H1 close every figure is an H1 one; saying so in each sentence is noise.
        const gap = inFirstHalf(asOf) ? gapOf(j.message).replace('仅有上半年数据，', '') : gapOf(j.message);
        lines.push(`${nameOf(c)}${leadOf(c)}，${label}${gap}`);
      }
    }
    // A long list belongs in the tables below: the worst few by name, the rest counted.
    const shown = lines.slice(0, SENTENCES_AT_MOST);
    const more = lines.length > shown.length ? `；另有${lines.length - shown.length}项，详见下表` : '';
    if (lines.length) first += `${s === 'shortfall' ? '未达标的' : '进度滞后的'}：${shown.join('；')}${more}。`;
  }

  // Second paragraph: who still owes figures.
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
  return second ? `${first}\n${second}` : first;
}

/** The 汇总 sheet: 截至 line, counts by status (indicators and items), counts per lead unit,
 *  the list of shortfalls and lagging indicators, and the 通报 paragraph. */
function buildSummarySheet(read: TrackingRead, judgements: Judgement[], asOf: string): SheetLayout {
  const cells: LayoutCell[] = [];
  const merges: Range[] = [];
  const rowHeights: Record<number, number> = {};
  const widths = [14, 20, 8, 8, 8, 8, 8, 8, 8, 8, 26];
  const lastCol = widths.length;
  const put = (r: number, c: number, value: LayoutCell['value'], style: string) => cells.push({ r, c, value, style });
  /** Rows printed on the same page as the row below them (a section's subtitle and its table's header). */
  const keepWithNext = new Set<number>();
  const span = (r: number, c1: number, c2: number) => merges.push({ r1: r, c1, r2: r, c2 });
  const fullWidth = widths.reduce((a, b) => a + b, 0);
  // One line of the largest text on these rows (12 pt subtitles).
  const LINE = heightForLines(1, 12);
  let r = 1;
  put(r, 1, '推进情况汇总', 'title');
  span(r, 1, lastCol);
  rowHeights[r++] = 32;
  put(r, 1, asOfLine(asOf), 'subtitle');
  span(r, 1, lastCol);
  rowHeights[r++] = 22;

  // 通报 paragraph first: it is what people copy.
  const bulletin = bulletinText(read, judgements, asOf);
  put(r, 1, '通报', 'subtitle');
  keepWithNext.add(r);
  rowHeights[r++] = LINE;
  for (const paragraph of bulletin.split('\n')) {
    // Indented like a paragraph of a report (两个字符).
    const text = `　　${paragraph}`;
    put(r, 1, text, 'text');
    span(r, 1, lastCol);
    rowHeights[r++] = heightForText(text, fullWidth, SIZE.body);
  }
  r++;

  const counted = perItem(read, judgements);
  const byStatus = summarize(judgements);
  put(r, 1, '按状态统计', 'subtitle');
  keepWithNext.add(r);
  rowHeights[r++] = LINE;
  ['状态', '指标数', '事项数'].forEach((t, i) => put(r, [1, 3, 4][i], t, 'head'));
  put(r, 2, null, 'head');
  span(r, 1, 2);
  keepWithNext.add(r);
  rowHeights[r++] = LINE;
  for (const s of STATUSES) {
    put(r, 1, statusText(s), `chk.status.${s}`);
    put(r, 2, null, `chk.status.${s}`);
    span(r, 1, 2);
    put(r, 3, byStatus[s], 'center');
    put(r, 4, counted.filter((c) => c.status === s).length, 'center');
    rowHeights[r++] = LINE;
  }
  put(r, 1, '合计', 'head');
  put(r, 2, null, 'head');
  span(r, 1, 2);
  put(r, 3, judgements.length, 'head');
  put(r, 4, read.items.length, 'head');
  rowHeights[r++] = LINE;
  r++;

  // Per lead unit: an indicator counts for each of its item's lead units.
  put(r, 1, '按牵头单位统计（指标数）', 'subtitle');
  keepWithNext.add(r);
  rowHeights[r++] = LINE;
  put(r, 1, '牵头单位', 'head');
  put(r, 2, null, 'head');
  span(r, 1, 2);
  STATUSES.forEach((s, i) => put(r, 3 + i, STATUS_LABEL[s], 'head'));
  put(r, 3 + STATUSES.length, '合计', 'head');
  keepWithNext.add(r);
  rowHeights[r++] = Math.max(...STATUSES.map((s, i) => heightForText(STATUS_LABEL[s], widths[2 + i], SIZE.heading)));
  const units = new Map<string, Record<Status, number>>();
  for (const c of counted) {
    for (const unit of c.item.leadUnits.length > 0 ? c.item.leadUnits : ['（未注明）']) {
      const acc = units.get(unit) ?? summarize([]);
      for (const j of c.judgements) acc[j.status]++;
      units.set(unit, acc);
    }
  }
  for (const [unit, acc] of units) {
    put(r, 1, unit, 'left');
    put(r, 2, null, 'left');
    span(r, 1, 2);
    STATUSES.forEach((s, i) => put(r, 3 + i, acc[s], 'center'));
    put(
      r,
      3 + STATUSES.length,
      STATUSES.reduce((a, s) => a + acc[s], 0),
      'center',
    );
    rowHeights[r++] = heightForText(unit, widths[0] + widths[1], SIZE.body, TEXT_INDENT);
  }
  r++;

  // Shortfalls and lagging indicators, with their 说明.
  put(r, 1, '未达标、进度滞后、未填报及数据有误的指标', 'subtitle');
  keepWithNext.add(r);
  rowHeights[r++] = LINE;
  const listHead = ['牵头单位', '事项名称', '指标编号', '状态', '说明'];
  const listCols = [
    [1, 1],
    [2, 2],
    [3, 3],
    [4, 5],
    [6, lastCol],
  ];
  const listRow = (values: (string | null)[], style: (i: number) => string) => {
    values.forEach((v, i) => {
      const [c1, c2] = listCols[i];
      for (let c = c1; c <= c2; c++) put(r, c, c === c1 ? v : null, style(i));
      if (c2 > c1) span(r, c1, c2);
    });
  };
  listRow(listHead, () => 'head');
  keepWithNext.add(r);
  const spanWidth = ([c1, c2]: number[]) => widths.slice(c1 - 1, c2).reduce((a, b) => a + b, 0);
  rowHeights[r++] = Math.max(LINE, ...listHead.map((t, i) => heightForText(t, spanWidth(listCols[i]), SIZE.heading)));
  const noteWidth = widths.slice(5).reduce((a, b) => a + b, 0);
  const pressing: Status[] = ['shortfall', 'at-risk', 'missing', 'invalid'];
  let listed = 0;
  for (const s of pressing) {
    for (const c of counted) {
      for (const j of c.judgements.filter((x) => x.status === s)) {
        const lead = c.item.leadUnits.join('、');
        listRow([lead, c.item.name, j.id, statusText(s), j.message], (i) =>
          i === 3 ? `chk.status.${s}` : i === 4 || i === 1 ? 'left' : 'center',
        );
        rowHeights[r++] = Math.max(
          heightForText(j.message, noteWidth, SIZE.body, TEXT_INDENT),
          heightForText(c.item.name, widths[1], SIZE.body, TEXT_INDENT),
          heightForText(lead, widths[0], SIZE.body),
        );
        listed++;
      }
    }
  }
  if (listed === 0) {
    listRow(['无', null, null, null, null], () => 'center');
    rowHeights[r++] = heightForLines(1, SIZE.body);
  }

  // Indicators of 指标 with no row in the main sheet: not judged, and listed so nobody thinks they were.
  const unplaced = read.unplaced ?? [];
  if (unplaced.length) {
    r++;
    put(
      r,
      1,
      `未校验的指标（“指标”工作表中有，“${read.positions.sheet}”中没有这一行）：${unplaced.length}项`,
      'subtitle',
    );
    keepWithNext.add(r);
    rowHeights[r++] = LINE;
    listRow(['序号', '指标', '指标编号', '状态', '说明'], () => 'head');
    keepWithNext.add(r);
    rowHeights[r++] = LINE;
    for (const ind of unplaced) {
      const note = '推进计划表中没有这一行，未校验；请恢复该行，或从“指标”工作表中删除';
      listRow([String(ind.item), ind.label, ind.id, '未校验', note], (i) => (i === 4 || i === 1 ? 'left' : 'center'));
      rowHeights[r++] = Math.max(
        heightForText(note, noteWidth, SIZE.body, TEXT_INDENT),
        heightForText(ind.label, widths[1], SIZE.body, TEXT_INDENT),
      );
    }
  }

  // Page breaks between rows, never right under a subtitle or a table header.
  const print = trackingPrint('A4', undefined, asOf);
  const blocks: { first: number; height: number }[] = [];
  for (let row = 1; row < r; row++) {
    const first = row;
    while (keepWithNext.has(row) && row + 1 < r) row++;
    blocks.push({ first, height: spanHeight(rowHeights, first, row) });
  }
  return {
    name: SHEET.summary,
    state: 'visible',
    columnWidths: widths,
    rowHeights,
    cells,
    merges,
    protect: false,
    validations: [],
    print,
    rowBreaks: blockBreaks(pageCapacity(widths, print), 0, 0, blocks),
  };
}

/** Everything a check writes back, for the results of judging `read` at `asOf`:
 *  状态/完成率/说明 per indicator row with fills, refreshed target texts (from the 指标 sheet),
 *  raised row heights where 说明 needs them, the 汇总 sheet, and 截至 print headers.
 *  Entry cells keep their values (only their style is reset). */
export function buildCheckPatch(read: TrackingRead, judgements: Judgement[], asOf: string): WorkbookPatch {
  const pos = read.positions;
  const cols = pos.columns;
  const byId = new Map(judgements.map((j) => [j.id, j]));
  const entryOf = new Map(read.entries.map((e) => [e.id, e]));
  const cells: CellPatch[] = [];
  const minRowHeights: { sheet: string; r: number; height: number }[] = [];
  const sheet = pos.sheet;
  const year = read.meta.year ?? Number(asOf.slice(0, 4));
  const width = (c: number) => MAIN_WIDTHS[c - 1];
  const fraction = (rate: number | null) => (rate === null ? null : Math.round(rate * 10) / 1000);
  // A workbook from before the two rate columns: its one 完成率 column becomes 全年完成率, so it never mixes bases.
  const annualRateCol = cols.annualRate ?? cols.rate;
  if (cols.annualRate === null && cols.rate !== null) {
    cells.push({ sheet, r: pos.headerRow, c: cols.rate, value: HEADER.annualRate, style: 'head' });
  }
  for (const ind of read.indicators) {
    const r = pos.rows[ind.id];
    const j = byId.get(ind.id);
    if (r === undefined || !j) continue;
    const s = j.status;
    cells.push({ sheet, r, c: cols.status, value: statusText(s), style: `chk.status.${s}` });
    if (cols.h1Rate !== null)
      cells.push({ sheet, r, c: cols.h1Rate, value: fraction(j.h1Rate), style: `chk.rate.${s}` });
    if (annualRateCol !== null)
      cells.push({ sheet, r, c: annualRateCol, value: fraction(j.annualRate), style: `chk.rate.${s}` });
    if (cols.note !== null) cells.push({ sheet, r, c: cols.note, value: j.message, style: `chk.left.${s}` });
    if (cols.id > 0) cells.push({ sheet, r, c: cols.id, style: `chk.center.${s}` });
    if (cols.label > 0) cells.push({ sheet, r, c: cols.label, style: `chk.left.${s}` });
    if (cols.h1Target > 0)
      cells.push({ sheet, r, c: cols.h1Target, value: targetText(ind, 'h1', year), style: `chk.center.${s}` });
    if (cols.annualTarget > 0)
      cells.push({ sheet, r, c: cols.annualTarget, value: targetText(ind, 'annual', year), style: `chk.center.${s}` });
    // Entry cells: style reset to the entry tint, value untouched; a cell the user formatted as a percentage stays one.
    const entry = entryOf.get(ind.id);
    cells.push(
      { sheet, r, c: cols.h1, style: entry?.h1Percent ? 'entryPct' : 'entry' },
      { sheet, r, c: cols.annual, style: entry?.annualPercent ? 'entryPct' : 'entry' },
    );
    // 进展情况 comes from the consolidated returns; without a text the cell keeps what it holds.
    const progress = read.progress[ind.id];
    if (cols.progress !== null && progress !== undefined)
      cells.push({ sheet, r, c: cols.progress, value: progress, style: 'progressText' });
    const need = Math.max(
      cols.note !== null ? heightForText(j.message, width(COL.note), SIZE.body, TEXT_INDENT) : 0,
      cols.progress !== null && progress !== undefined
        ? heightForText(progress, width(COL.progress), SIZE.body, TEXT_INDENT)
        : 0,
    );
    if (need > 0) minRowHeights.push({ sheet, r, height: need });
  }
  const header = asOfHeader(asOf);
  // Page breaks again, for the heights after 说明 raised some rows (only when the adapter told us heights).
  let rowBreaks: WorkbookPatch['rowBreaks'];
  if (pos.rowHeights) {
    const heights = { ...pos.rowHeights };
    for (const m of minRowHeights) heights[m.r] = Math.max(heights[m.r] ?? 0, m.height);
    rowBreaks = [{ sheet, rows: mainRowBreaks(heights, read.items) }];
  }
  return {
    styles: checkStyles(),
    cells,
    sheets: [buildSummarySheet(read, judgements, asOf)],
    minRowHeights,
    printHeaders: [sheet, SHEET.targets, SHEET.summary].map((name) => ({ sheet: name, header })),
    ...(rowBreaks ? { rowBreaks } : {}),
  };
}
