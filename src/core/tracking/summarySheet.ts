// The 汇总 sheet a check writes: 截至 line, the 通报 paragraph, counts by status (indicators and items), counts
// per lead unit, the list of indicators behind or owed, and those the main sheet has no row for.
import { summarize } from '../judge';
import { type Judgement, STATUSES, STATUS_LABEL, type Status } from '../model';
import { PRESSING } from '../status';
import type { LayoutCell, Range, SheetLayout } from '../layout/types';
import { heightForLines, heightForText } from '../layout/rowHeights';
import { SIZE, TEXT_INDENT } from '../layout/styles';
import { blockBreaks, pageCapacity, spanHeight } from '../layout/pages';
import { chineseDate as cnDate } from '../dates';
import { trackingPrint } from './print';
import type { TrackingRead } from './read';
import { SHEET } from './sheet';
import { perItem, statusText, type Counted } from './statusPolicy';

const WIDTHS = [14, 20, 8, 8, 8, 8, 8, 8, 8, 8, 26];
const LAST_COL = WIDTHS.length;
const FULL_WIDTH = WIDTHS.reduce((a, b) => a + b, 0);
const NOTE_WIDTH = WIDTHS.slice(5).reduce((a, b) => a + b, 0);
/** Columns of the list tables: 牵头单位, 事项名称, 指标编号, 状态 (two columns), 说明 (the rest). */
const LIST_COLS = [
  [1, 1],
  [2, 2],
  [3, 3],
  [4, 5],
  [6, LAST_COL],
];
const spanWidth = ([c1, c2]: number[]) => WIDTHS.slice(c1 - 1, c2).reduce((a, b) => a + b, 0);

/** The sheet as it is drawn, row by row from the top. */
class Drawing {
  readonly cells: LayoutCell[] = [];
  readonly merges: Range[] = [];
  readonly rowHeights: Record<number, number> = {};
  /** Rows printed on the same page as the row below them (a section's subtitle and its table's header). */
  readonly keepWithNext = new Set<number>();
  /** The row being drawn. */
  r = 1;
  // One line of the largest text on these rows (12 pt subtitles).
  readonly LINE = heightForLines(1, 12);
  put(r: number, c: number, value: LayoutCell['value'], style: string): void {
    this.cells.push({ r, c, value, style });
  }
  span(r: number, c1: number, c2: number): void {
    this.merges.push({ r1: r, c1, r2: r, c2 });
  }
  /** Ends the current row at `height`. */
  next(height: number, keep = false): void {
    if (keep) this.keepWithNext.add(this.r);
    this.rowHeights[this.r++] = height;
  }
  subtitle(text: string): void {
    this.put(this.r, 1, text, 'subtitle');
    this.next(this.LINE, true);
  }
  /** A row of the list tables: values in LIST_COLS, styles by column. */
  listRow(values: (string | null)[], style: (i: number) => string): void {
    values.forEach((v, i) => {
      const [c1, c2] = LIST_COLS[i];
      for (let c = c1; c <= c2; c++) this.put(this.r, c, c === c1 ? v : null, style(i));
      if (c2 > c1) this.span(this.r, c1, c2);
    });
  }
}

function drawTitle(d: Drawing, asOf: string): void {
  d.put(d.r, 1, '推进情况汇总', 'title');
  d.span(d.r, 1, LAST_COL);
  d.next(32);
  d.put(d.r, 1, `截至 ${cnDate(asOf)}`, 'subtitle');
  d.span(d.r, 1, LAST_COL);
  d.next(22);
}

/** 通报 paragraph first: it is what people copy. */
function drawBulletin(d: Drawing, bulletin: string): void {
  d.subtitle('通报');
  for (const paragraph of bulletin.split('\n')) {
    // Indented like a paragraph of a report (两个字符).
    const text = `　　${paragraph}`;
    d.put(d.r, 1, text, 'text');
    d.span(d.r, 1, LAST_COL);
    d.next(heightForText(text, FULL_WIDTH, SIZE.body));
  }
  d.r++;
}

function drawStatusCounts(d: Drawing, read: TrackingRead, judgements: Judgement[], counted: Counted[]): void {
  const byStatus = summarize(judgements);
  d.subtitle('按状态统计');
  ['状态', '指标数', '事项数'].forEach((t, i) => d.put(d.r, [1, 3, 4][i], t, 'head'));
  d.put(d.r, 2, null, 'head');
  d.span(d.r, 1, 2);
  d.next(d.LINE, true);
  for (const s of STATUSES) {
    d.put(d.r, 1, statusText(s), `chk.status.${s}`);
    d.put(d.r, 2, null, `chk.status.${s}`);
    d.span(d.r, 1, 2);
    d.put(d.r, 3, byStatus[s], 'center');
    d.put(d.r, 4, counted.filter((c) => c.status === s).length, 'center');
    d.next(d.LINE);
  }
  d.put(d.r, 1, '合计', 'head');
  d.put(d.r, 2, null, 'head');
  d.span(d.r, 1, 2);
  d.put(d.r, 3, judgements.length, 'head');
  d.put(d.r, 4, read.items.length, 'head');
  d.next(d.LINE);
  d.r++;
}

/** Per lead unit: an indicator counts for each of its item's lead units. */
function drawUnitCounts(d: Drawing, counted: Counted[]): void {
  d.subtitle('按牵头单位统计（指标数）');
  d.put(d.r, 1, '牵头单位', 'head');
  d.put(d.r, 2, null, 'head');
  d.span(d.r, 1, 2);
  STATUSES.forEach((s, i) => d.put(d.r, 3 + i, STATUS_LABEL[s], 'head'));
  d.put(d.r, 3 + STATUSES.length, '合计', 'head');
  d.next(Math.max(...STATUSES.map((s, i) => heightForText(STATUS_LABEL[s], WIDTHS[2 + i], SIZE.heading))), true);
  const units = new Map<string, Record<Status, number>>();
  for (const c of counted) {
    for (const unit of c.item.leadUnits.length > 0 ? c.item.leadUnits : ['（未注明）']) {
      const acc = units.get(unit) ?? summarize([]);
      for (const j of c.judgements) acc[j.status]++;
      units.set(unit, acc);
    }
  }
  for (const [unit, acc] of units) {
    d.put(d.r, 1, unit, 'left');
    d.put(d.r, 2, null, 'left');
    d.span(d.r, 1, 2);
    STATUSES.forEach((s, i) => d.put(d.r, 3 + i, acc[s], 'center'));
    d.put(
      d.r,
      3 + STATUSES.length,
      STATUSES.reduce((a, s) => a + acc[s], 0),
      'center',
    );
    d.next(heightForText(unit, WIDTHS[0] + WIDTHS[1], SIZE.body, TEXT_INDENT));
  }
  d.r++;
}

/** Shortfalls, lagging, missing and invalid indicators, the most pressing first, with their 说明. */
function drawPressing(d: Drawing, counted: Counted[]): void {
  const words = PRESSING.map((s) => STATUS_LABEL[s]);
  d.subtitle(`${words.slice(0, -1).join('、')}及${words[words.length - 1]}的指标`);
  const listHead = ['牵头单位', '事项名称', '指标编号', '状态', '说明'];
  d.listRow(listHead, () => 'head');
  d.next(Math.max(d.LINE, ...listHead.map((t, i) => heightForText(t, spanWidth(LIST_COLS[i]), SIZE.heading))), true);
  let listed = 0;
  for (const s of PRESSING) {
    for (const c of counted) {
      for (const j of c.judgements.filter((x) => x.status === s)) {
        const lead = c.item.leadUnits.join('、');
        d.listRow([lead, c.item.name, j.id, statusText(s), j.message], (i) =>
          i === 3 ? `chk.status.${s}` : i === 4 || i === 1 ? 'left' : 'center',
        );
        d.next(
          Math.max(
            heightForText(j.message, NOTE_WIDTH, SIZE.body, TEXT_INDENT),
            heightForText(c.item.name, WIDTHS[1], SIZE.body, TEXT_INDENT),
            heightForText(lead, WIDTHS[0], SIZE.body),
          ),
        );
        listed++;
      }
    }
  }
  if (listed === 0) {
    d.listRow(['无', null, null, null, null], () => 'center');
    d.next(heightForLines(1, SIZE.body));
  }
}

/** Indicators of 指标 with no row in the main sheet: not judged, and listed so nobody thinks they were. */
function drawUnplaced(d: Drawing, read: TrackingRead): void {
  const unplaced = read.unplaced ?? [];
  if (!unplaced.length) return;
  d.r++;
  d.subtitle(`未校验的指标（“指标”工作表中有，“${read.positions.sheet}”中没有这一行）：${unplaced.length}项`);
  d.listRow(['序号', '指标', '指标编号', '状态', '说明'], () => 'head');
  d.next(d.LINE, true);
  for (const ind of unplaced) {
    const note = '推进计划表中没有这一行，未校验；请恢复该行，或从“指标”工作表中删除';
    d.listRow([String(ind.item), ind.label, ind.id, '未校验', note], (i) => (i === 4 || i === 1 ? 'left' : 'center'));
    d.next(
      Math.max(
        heightForText(note, NOTE_WIDTH, SIZE.body, TEXT_INDENT),
        heightForText(ind.label, WIDTHS[1], SIZE.body, TEXT_INDENT),
      ),
    );
  }
}

/** Page breaks between rows, never right under a subtitle or a table header. */
function pageBreaks(d: Drawing, print: ReturnType<typeof trackingPrint>): number[] {
  const blocks: { first: number; height: number }[] = [];
  for (let row = 1; row < d.r; row++) {
    const first = row;
    while (d.keepWithNext.has(row) && row + 1 < d.r) row++;
    blocks.push({ first, height: spanHeight(d.rowHeights, first, row) });
  }
  return blockBreaks(pageCapacity(WIDTHS, print), 0, 0, blocks);
}

/** The 汇总 sheet for judging `read` at `asOf`, with `bulletin` (the 通报 text) on top. */
export function buildSummarySheet(
  read: TrackingRead,
  judgements: Judgement[],
  asOf: string,
  bulletin: string,
): SheetLayout {
  const d = new Drawing();
  const counted = perItem(read, judgements);
  drawTitle(d, asOf);
  drawBulletin(d, bulletin);
  drawStatusCounts(d, read, judgements, counted);
  drawUnitCounts(d, counted);
  drawPressing(d, counted);
  drawUnplaced(d, read);
  const print = trackingPrint('A4', undefined, asOf);
  return {
    name: SHEET.summary,
    state: 'visible',
    columnWidths: WIDTHS.slice(),
    rowHeights: d.rowHeights,
    cells: d.cells,
    merges: d.merges,
    protect: false,
    validations: [],
    print,
    rowBreaks: pageBreaks(d, print),
  };
}
