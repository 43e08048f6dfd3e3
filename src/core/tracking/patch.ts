// What a check writes into a tracking workbook: 状态 (mark + word), fill per status, 完成率, 说明, refreshed
// target texts, and the 汇总 sheet with counts, shortfalls and the 通报 paragraph.
// Every indicator row is restyled on every check, so highlights replace earlier ones instead of piling up.
import { summarize } from '../judge';
import { Judgement, STATUSES, STATUS_LABEL, type Status } from '../model';
import type { CellPatch, CellStyle, LayoutCell, Range, SheetLayout, WorkbookPatch } from '../layout/types';
import { heightForText, heightForLines } from '../layout/rowHeights';
import { SIZE } from '../layout/styles';
import { cnDate, cnMonthDay, targetText } from './format';
import { asOfHeader, mainRowBreaks, TRACKING_STYLES, trackingPrint } from './layout';
import type { TrackingItemRead, TrackingRead } from './read';
import { MAIN_WIDTHS, COL, SHEET, STATUS_FILL, STATUS_SYMBOL } from './sheet';

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
export function checkStyles(): Record<string, CellStyle> {
  const styles: Record<string, CellStyle> = { ...TRACKING_STYLES };
  for (const s of STATUSES) {
    const fill = STATUS_FILL[s];
    const tint = ROW_TINT.includes(s);
    styles[`chk.status.${s}`] = { ...TRACKING_STYLES.center, fill, font: { ...TRACKING_STYLES.center.font, bold: s === 'shortfall' } };
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

/** The 通报 paragraph to paste into a report:
 *  "截至6月30日，20项重要事项中，已达标X项，按期推进Y项，进度滞后Z项（…），未达标W项（…）。" */
export function bulletinText(read: TrackingRead, judgements: Judgement[], asOf: string): string {
  const counted = perItem(read, judgements).filter((c) => c.judgements.length > 0 || c.item.indicators.length === 0);
  const total = read.items.length;
  const named = (s: Status) => counted.filter((c) => c.status === s).map((c) => c.item.name || `第${c.item.no}项`);
  const parts: string[] = [];
  const order: Status[] = ['met', 'on-track', 'at-risk', 'shortfall', 'missing', 'invalid', 'not-due'];
  for (const s of order) {
    const names = named(s);
    const always = s === 'met' || s === 'on-track' || s === 'at-risk' || s === 'shortfall';
    if (names.length === 0 && !always) continue;
    const list = names.length > 0 && (s === 'at-risk' || s === 'shortfall' || s === 'missing' || s === 'invalid') ? `（${names.join('、')}）` : '';
    parts.push(`${STATUS_LABEL[s]}${names.length}项${list}`);
  }
  return `截至${cnMonthDay(asOf)}，${total}项重要事项中，${parts.join('，')}。`;
}

/** The 汇总 sheet: 截至 line, counts by status (indicators and items), counts per lead unit,
 *  the list of shortfalls and lagging indicators, and the 通报 paragraph. */
export function buildSummarySheet(read: TrackingRead, judgements: Judgement[], asOf: string): SheetLayout {
  const cells: LayoutCell[] = [];
  const merges: Range[] = [];
  const rowHeights: Record<number, number> = {};
  const widths = [16, 24, 9, 9, 9, 9, 9, 9, 9, 9, 30];
  const lastCol = widths.length;
  const put = (r: number, c: number, value: LayoutCell['value'], style: string) => cells.push({ r, c, value, style });
  const span = (r: number, c1: number, c2: number) => merges.push({ r1: r, c1, r2: r, c2 });
  const fullWidth = widths.reduce((a, b) => a + b, 0);
  let r = 1;
  put(r, 1, '推进情况汇总', 'title');
  span(r, 1, lastCol);
  rowHeights[r++] = 32;
  put(r, 1, `截至 ${cnDate(asOf)}`, 'subtitle');
  span(r, 1, lastCol);
  rowHeights[r++] = 22;

  // 通报 paragraph first: it is what people copy.
  const bulletin = bulletinText(read, judgements, asOf);
  put(r, 1, '通报', 'subtitle');
  rowHeights[r++] = 20;
  put(r, 1, bulletin, 'text');
  span(r, 1, lastCol);
  rowHeights[r++] = heightForText(bulletin, fullWidth, SIZE.body);
  r++;

  const counted = perItem(read, judgements);
  const byStatus = summarize(judgements);
  put(r, 1, '按状态统计', 'subtitle');
  rowHeights[r++] = 20;
  ['状态', '指标数', '事项数'].forEach((t, i) => put(r, [1, 3, 4][i], t, 'head'));
  put(r, 2, null, 'head');
  span(r, 1, 2);
  rowHeights[r++] = 20;
  for (const s of STATUSES) {
    put(r, 1, statusText(s), `chk.status.${s}`);
    put(r, 2, null, `chk.status.${s}`);
    span(r, 1, 2);
    put(r, 3, byStatus[s], 'center');
    put(r, 4, counted.filter((c) => c.status === s).length, 'center');
    rowHeights[r++] = 18;
  }
  put(r, 1, '合计', 'head');
  put(r, 2, null, 'head');
  span(r, 1, 2);
  put(r, 3, judgements.length, 'head');
  put(r, 4, read.items.length, 'head');
  rowHeights[r++] = 18;
  r++;

  // Per lead unit: an indicator counts for each of its item's lead units.
  put(r, 1, '按牵头单位统计（指标数）', 'subtitle');
  rowHeights[r++] = 20;
  put(r, 1, '牵头单位', 'head');
  put(r, 2, null, 'head');
  span(r, 1, 2);
  STATUSES.forEach((s, i) => put(r, 3 + i, STATUS_LABEL[s], 'head'));
  put(r, 3 + STATUSES.length, '合计', 'head');
  rowHeights[r++] = 20;
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
    put(r, 3 + STATUSES.length, STATUSES.reduce((a, s) => a + acc[s], 0), 'center');
    rowHeights[r++] = heightForText(unit, widths[0] + widths[1], SIZE.body);
  }
  r++;

  // Shortfalls and lagging indicators, with their 说明.
  put(r, 1, '未达标、进度滞后、未填报及数据有误的指标', 'subtitle');
  rowHeights[r++] = 20;
  const listHead = ['牵头单位', '事项名称', '指标编号', '状态', '说明'];
  const listCols = [[1, 1], [2, 2], [3, 3], [4, 5], [6, lastCol]];
  const listRow = (values: (string | null)[], style: (i: number) => string) => {
    values.forEach((v, i) => {
      const [c1, c2] = listCols[i];
      for (let c = c1; c <= c2; c++) put(r, c, c === c1 ? v : null, style(i));
      if (c2 > c1) span(r, c1, c2);
    });
  };
  listRow(listHead, () => 'head');
  rowHeights[r++] = 20;
  const noteWidth = widths.slice(5).reduce((a, b) => a + b, 0);
  const pressing: Status[] = ['shortfall', 'at-risk', 'missing', 'invalid'];
  let listed = 0;
  for (const s of pressing) {
    for (const c of counted) {
      for (const j of c.judgements.filter((x) => x.status === s)) {
        const lead = c.item.leadUnits.join('、');
        listRow([lead, c.item.name, j.id, statusText(s), j.message], (i) => (i === 3 ? `chk.status.${s}` : i === 4 || i === 1 ? 'left' : 'center'));
        rowHeights[r++] = Math.max(
          heightForText(j.message, noteWidth, SIZE.body),
          heightForText(c.item.name, widths[1], SIZE.body),
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
    put(r, 1, `未校验的指标（“指标”工作表中有，“${read.positions.sheet}”中没有这一行）：${unplaced.length}项`, 'subtitle');
    rowHeights[r++] = 20;
    listRow(['序号', '指标', '指标编号', '状态', '说明'], () => 'head');
    rowHeights[r++] = 20;
    for (const ind of unplaced) {
      const note = '推进计划表中没有这一行，未校验；请恢复该行，或从“指标”工作表中删除';
      listRow([String(ind.item), ind.label, ind.id, '未校验', note], (i) => (i === 4 || i === 1 ? 'left' : 'center'));
      rowHeights[r++] = Math.max(heightForText(note, noteWidth, SIZE.body), heightForText(ind.label, widths[1], SIZE.body));
    }
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
    print: trackingPrint('A4', undefined, asOf),
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
  const cells: CellPatch[] = [];
  const minRowHeights: { sheet: string; r: number; height: number }[] = [];
  const sheet = pos.sheet;
  const year = read.meta.year ?? Number(asOf.slice(0, 4));
  const noteWidth = MAIN_WIDTHS[COL.note - 1];
  for (const ind of read.indicators) {
    const r = pos.rows[ind.id];
    const j = byId.get(ind.id);
    if (r === undefined || !j) continue;
    const s = j.status;
    cells.push({ sheet, r, c: cols.status, value: statusText(s), style: `chk.status.${s}` });
    if (cols.rate !== null) cells.push({ sheet, r, c: cols.rate, value: j.rate === null ? null : Math.round(j.rate * 10) / 1000, style: `chk.rate.${s}` });
    if (cols.note !== null) cells.push({ sheet, r, c: cols.note, value: j.message, style: `chk.left.${s}` });
    if (cols.id > 0) cells.push({ sheet, r, c: cols.id, style: `chk.center.${s}` });
    if (cols.label > 0) cells.push({ sheet, r, c: cols.label, style: `chk.left.${s}` });
    if (cols.h1Target > 0) cells.push({ sheet, r, c: cols.h1Target, value: targetText(ind, 'h1', year), style: `chk.center.${s}` });
    if (cols.annualTarget > 0) cells.push({ sheet, r, c: cols.annualTarget, value: targetText(ind, 'annual', year), style: `chk.center.${s}` });
    // Entry cells: style reset to the entry tint, value untouched.
    cells.push({ sheet, r, c: cols.h1, style: 'entry' }, { sheet, r, c: cols.annual, style: 'entry' });
    if (cols.note !== null) minRowHeights.push({ sheet, r, height: heightForText(j.message, noteWidth, SIZE.body) });
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
