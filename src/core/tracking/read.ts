// Reads a tracking workbook back (as a WorkbookGrid from any adapter): plan metadata, the targets from
// the 指标 sheet (with the user's corrections), the entered figures, and where to write results.
import { colLetters } from '../layout/address';
import {
  ComparatorSchema,
  Entry,
  EntryValue,
  Indicator,
  IndicatorKind,
  IndicatorSchema,
  InputError,
  type Comparator,
} from '../model';
import type { CellValue, GridSheet, WorkbookGrid } from '../layout/types';
import {
  COMPARATOR_LABEL,
  HEADER,
  KIND_LABEL,
  META_FORMAT,
  SHEET,
  TARGET_COLUMNS,
  type TargetColumnKey,
} from './sheet';
import { readProgress } from '../consolidate/progress';

/** Plan metadata from the hidden sheet; fields are null when the sheet or the field is missing. */
interface TrackingMetaRead {
  planId: string | null;
  planHash: string | null;
  year: number | null;
  title: string | null;
  schemaVersion: number | null;
  toolVersion: string | null;
}

/** An item of the plan as the main sheet shows it (for summaries per item and per lead unit). */
export interface TrackingItemRead {
  no: number;
  name: string;
  leadUnits: string[];
  /** Indicator ids on this item's rows, in order. */
  indicators: string[];
  /** The item's rows in the main sheet (1-based, inclusive). */
  first: number;
  last: number;
}

/** 1-based positions in the main sheet, for writing results back. */
interface TrackingPositions {
  sheet: string;
  headerRow: number;
  /** Column of each progress header (1-based). */
  columns: {
    id: number;
    label: number;
    h1Target: number;
    h1: number;
    annualTarget: number;
    annual: number;
    /** 上半年完成率 / 全年完成率, null in workbooks without them. */
    h1Rate: number | null;
    annualRate: number | null;
    /** The single 完成率 column of workbooks made before the two rate columns, else null. */
    rate: number | null;
    status: number;
    note: number | null;
    /** 进展情况 in the main sheet, null in workbooks without it. */
    progress: number | null;
  };
  /** Row (1-based) of each indicator id. */
  rows: Record<string, number>;
  /** Row heights of the main sheet in points, when the adapter reported them. */
  rowHeights?: Record<number, number>;
}

/** Everything readTracking finds in a tracking workbook. */
export interface TrackingRead {
  meta: TrackingMetaRead;
  /** Targets as the 指标 sheet has them now, in main-sheet order. */
  indicators: Indicator[];
  /** What was entered in 上半年完成 / 全年完成, one per indicator. */
  entries: Entry[];
  items: TrackingItemRead[];
  positions: TrackingPositions;
  /** The latest 进展情况 per indicator id from the 进展情况 sheet (units named when more than one reported). */
  progress: Record<string, string>;
  /** Indicators of the 指标 sheet with no row in the main sheet: not judged, and said so (never dropped silently). */
  unplaced: Indicator[];
}

const ID = /^\d+\.\d+$/;

function cellText(v: CellValue | undefined): string {
  if (v === null || v === undefined) return '';
  return String(v).trim();
}

/** 'A1'-style address of a 0-based position. */
function a1(r0: number, c0: number): string {
  return `${colLetters(c0 + 1)}${r0 + 1}`;
}

/** Finds the first row (0-based) containing all `texts`, returning the column of each. */
function findHeader(
  sheet: GridSheet,
  texts: string[],
  maxRows = 30,
): { row: number; cols: Map<string, number> } | null {
  for (let r = 0; r < Math.min(sheet.rows.length, maxRows); r++) {
    const row = sheet.rows[r] ?? [];
    const cols = new Map<string, number>();
    row.forEach((v, c) => {
      const t = cellText(v).replace(/\s+/g, '');
      if (texts.includes(t) && !cols.has(t)) cols.set(t, c);
    });
    if (texts.every((t) => cols.has(t))) return { row: r, cols };
  }
  return null;
}

const MAIN_KEYS = [HEADER.id, HEADER.h1, HEADER.annual, HEADER.status];

function readMeta(grid: WorkbookGrid): TrackingMetaRead {
  const sheet = grid.sheets.find((s) => s.name === SHEET.meta);
  const map = new Map<string, CellValue>();
  for (const row of sheet?.rows ?? []) if (row && cellText(row[0])) map.set(cellText(row[0]), row[1] ?? null);
  const str = (k: string) => (map.has(k) && cellText(map.get(k)) !== '' ? cellText(map.get(k)) : null);
  const num = (k: string) => {
    const s = str(k);
    return s !== null && Number.isFinite(Number(s)) ? Number(s) : null;
  };
  if (sheet && str('format') !== null && str('format') !== META_FORMAT) {
    throw new InputError(
      `hidden sheet ${SHEET.meta} is not Tuijin metadata`,
      `sheet ${SHEET.meta}`,
      '隐藏的计划信息表已被改动，无法识别',
    );
  }
  return {
    planId: str('planId'),
    planHash: str('planHash'),
    year: num('year'),
    title: str('title'),
    schemaVersion: num('schemaVersion'),
    toolVersion: str('toolVersion'),
  };
}

const KIND_BY_TEXT = new Map<string, IndicatorKind>();
for (const [k, label] of Object.entries(KIND_LABEL) as [IndicatorKind, string][]) {
  KIND_BY_TEXT.set(label, k);
  KIND_BY_TEXT.set(k, k);
}
const COMPARATOR_BY_TEXT = new Map<string, Comparator>([
  ['≥', '>='],
  ['>=', '>='],
  ['≤', '<='],
  ['<=', '<='],
  ['≈', '≈'],
  ['约', '≈'],
  ['=', '='],
  ['＝', '='],
]);
void COMPARATOR_LABEL;

/** A target figure typed into the 指标 sheet: a number, or text like "22万" / "3,200" / "52%". */
function targetNumber(v: CellValue, where: string): number | null {
  if (v === null || v === '') return null;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new InputError('target is not a finite number', where, '目标值不是有效数字');
    return v;
  }
  const s = String(v)
    .trim()
    .replace(/[０-９．]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/[,，\s]/g, '');
  if (s === '' || s === '—' || s === '-') return null;
  const m = /^(-?\d+(?:\.\d+)?)(万|亿)?[%‰]?$/.exec(s);
  if (!m) throw new InputError(`target "${String(v)}" is not a number`, where, `目标值“${String(v)}”不是数字`);
  return Number(m[1]) * (m[2] === '万' ? 1e4 : m[2] === '亿' ? 1e8 : 1);
}

function isoDateOf(v: CellValue, where: string): string | null {
  const s = cellText(v);
  if (s === '') return null;
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?/.exec(s);
  if (!m)
    throw new InputError(
      `deadline "${s}" is not a date (use YYYY-MM-DD)`,
      where,
      `截止日期“${s}”不是日期（应写作 YYYY-MM-DD）`,
    );
  return `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
}

function readTargets(grid: WorkbookGrid): Map<string, Indicator> {
  const sheet = grid.sheets.find((s) => s.name === SHEET.targets);
  if (!sheet) {
    throw new InputError(
      `not a Tuijin tracking workbook: sheet ${SHEET.targets} (targets) is missing`,
      `sheet ${SHEET.targets}`,
      `这不是推进表：找不到“指标编号、上半年完成、全年完成、状态”列或“${SHEET.targets}”工作表。请打开本工具生成的推进表`,
    );
  }
  const texts = TARGET_COLUMNS.map((c) => c[1] as string);
  const head = findHeader(sheet, [texts[0], '全年目标', '类型', '比较']);
  if (!head)
    throw new InputError(
      `header row with 指标编号/全年目标/类型/比较 not found`,
      `sheet ${SHEET.targets}`,
      '找不到表头行（指标编号、全年目标、类型、比较）',
    );
  const colOf = new Map<TargetColumnKey, number>();
  for (const [key, text] of TARGET_COLUMNS) {
    const found = (sheet.rows[head.row] ?? []).findIndex((v) => cellText(v) === text);
    if (found >= 0) colOf.set(key, found);
  }
  const out = new Map<string, Indicator>();
  for (let r = head.row + 1; r < sheet.rows.length; r++) {
    const row = sheet.rows[r] ?? [];
    const get = (key: TargetColumnKey): CellValue => {
      const c = colOf.get(key);
      return c === undefined ? null : (row[c] ?? null);
    };
    const where = (key: TargetColumnKey) => `cell ${SHEET.targets}!${a1(r, colOf.get(key) ?? 0)}`;
    const id = cellText(get('id'));
    if (id === '') continue;
    if (!ID.test(id))
      throw new InputError(`"${id}" is not an indicator id like 3.1`, where('id'), `“${id}”不是指标编号（应形如 3.1）`);
    const kindText = cellText(get('kind'));
    const kind = KIND_BY_TEXT.get(kindText);
    if (!kind)
      throw new InputError(
        `type "${kindText}" is not one of 累计/存量/比率/增减/里程碑`,
        where('kind'),
        `类型“${kindText}”不是 累计/存量/比率/增减/里程碑 之一`,
      );
    const cmpText = cellText(get('comparator'));
    const comparator =
      COMPARATOR_BY_TEXT.get(cmpText) ??
      (ComparatorSchema.safeParse(cmpText).success ? (cmpText as Comparator) : undefined);
    if (!comparator)
      throw new InputError(
        `comparator "${cmpText}" is not one of ≥ ≤ ≈ =`,
        where('comparator'),
        `比较符“${cmpText}”不是 ≥ ≤ ≈ = 之一`,
      );
    const itemText = cellText(get('item')) || id.split('.')[0];
    const item = Number(itemText);
    if (!Number.isInteger(item) || item <= 0)
      throw new InputError(`序号 "${itemText}" is not a whole number`, where('item'), `序号“${itemText}”不是整数`);
    const per = cellText(get('per'));
    const ind: Indicator = {
      id,
      item,
      label: cellText(get('label')),
      unit: cellText(get('unit')),
      kind,
      comparator,
      annual: targetNumber(get('annual'), where('annual')),
      h1: targetNumber(get('h1'), where('h1')),
      h2: targetNumber(get('h2'), where('h2')),
      deadline: isoDateOf(get('deadline'), where('deadline')),
      per: per === '' ? null : per,
      source: cellText(get('source')),
      review: cellText(get('review')) || null,
    };
    const checked = IndicatorSchema.safeParse(ind);
    if (!checked.success)
      throw new InputError(
        `row ${r + 1} is not a valid indicator`,
        `sheet ${SHEET.targets}`,
        `第${r + 1}行不是有效的指标`,
      );
    if (out.has(id)) throw new InputError(`indicator ${id} appears twice`, where('id'), `指标 ${id} 出现了两次`);
    out.set(id, ind);
  }
  return out;
}

function entryValue(v: CellValue | undefined): EntryValue {
  if (v === undefined || v === null) return null;
  if (typeof v === 'string' && v.trim() === '') return null;
  return v;
}

/** Finds the main (entry) sheet: the one whose header row has 指标编号/上半年完成/全年完成/状态. */
function findMain(grid: WorkbookGrid): { sheet: GridSheet; row: number; cols: Map<string, number> } {
  const ordered = [...grid.sheets].sort((a, b) => Number(b.name === SHEET.main) - Number(a.name === SHEET.main));
  for (const sheet of ordered) {
    const head = findHeader(sheet, MAIN_KEYS);
    if (head) return { sheet, ...head };
  }
  const named = grid.sheets.find((s) => s.name === SHEET.main);
  if (named)
    throw new InputError(
      `header row with 指标编号, 上半年完成, 全年完成, 状态 not found`,
      `sheet ${SHEET.main}`,
      '找不到表头行（指标编号、上半年完成、全年完成、状态）',
    );
  const names = grid.sheets.map((s) => s.name).join(', ') || 'none';
  throw new InputError(
    `not a Tuijin tracking workbook: no sheet has the columns 指标编号/上半年完成/全年完成/状态 (sheets: ${names})`,
    undefined,
    `这不是推进表：找不到“指标编号、上半年完成、全年完成、状态”列或“${SHEET.targets}”工作表。请打开本工具生成的推进表`,
  );
}

/** Reads a tracking workbook: meta, indicators (from 指标, so corrected targets count), entries and
 *  positions. Throws InputError naming the sheet or cell when it isn't one or a cell is unusable. */
export function readTracking(grid: WorkbookGrid): TrackingRead {
  const meta = readMeta(grid);
  const main = findMain(grid);
  const targets = readTargets(grid);
  const head = main.row;
  const col = (t: string) => main.cols.get(t)!;
  // 序号/事项名称/牵头单位 sit on the header row or the group row above it (merged down).
  const itemCols = findHeader(
    { ...main.sheet, rows: main.sheet.rows.slice(Math.max(0, head - 1), head + 1) },
    [HEADER.no, HEADER.name],
    2,
  );
  const findCol = (t: string) => {
    for (const r of [head, head - 1]) {
      const c = (main.sheet.rows[r] ?? []).findIndex((v) => cellText(v) === t);
      if (c >= 0) return c;
    }
    return -1;
  };
  const noCol = itemCols ? findCol(HEADER.no) : -1;
  const nameCol = itemCols ? findCol(HEADER.name) : -1;
  const leadCol = findCol(HEADER.lead);
  const opt = (t: string) => (main.cols.has(t) ? main.cols.get(t)! : findCol(t));

  const indicators: Indicator[] = [];
  const entries: Entry[] = [];
  const rows: Record<string, number> = {};
  const percent = new Set((main.sheet.percentCells ?? []).map(([pr, pc]) => `${pr},${pc}`));
  const isPercent = (r0: number, c0: number) => percent.has(`${r0 + 1},${c0 + 1}`);
  const items: TrackingItemRead[] = [];
  let current: TrackingItemRead | null = null;
  for (let r = head + 1; r < main.sheet.rows.length; r++) {
    const row = main.sheet.rows[r] ?? [];
    // Merged item cells carry their value in the top row only.
    const noText = noCol >= 0 ? cellText(row[noCol]) : '';
    if (noText !== '' && /^\d+$/.test(noText)) {
      current = {
        no: Number(noText),
        name: nameCol >= 0 ? cellText(row[nameCol]) : '',
        leadUnits:
          leadCol >= 0
            ? cellText(row[leadCol])
                .split(/[、,，;；\s]+/)
                .filter(Boolean)
            : [],
        indicators: [],
        first: r + 1,
        last: r + 1,
      };
      if (items.length > 0) items[items.length - 1].last = Math.max(items[items.length - 1].last, r);
      items.push(current);
    }
    const id = cellText(row[col(HEADER.id)]);
    if (id === '') continue;
    if (!ID.test(id)) continue; // a note or a sub-header, not an indicator row
    const ind = targets.get(id);
    if (!ind) {
      throw new InputError(
        `indicator ${id} is not in sheet ${SHEET.targets}`,
        `cell ${main.sheet.name}!${a1(r, col(HEADER.id))}`,
        `指标 ${id} 不在“${SHEET.targets}”工作表中`,
      );
    }
    if (rows[id] !== undefined) {
      throw new InputError(
        `indicator ${id} appears twice`,
        `cell ${main.sheet.name}!${a1(r, col(HEADER.id))}`,
        `指标 ${id} 出现了两次`,
      );
    }
    rows[id] = r + 1;
    indicators.push(ind);
    const entry: Entry = { id, h1: entryValue(row[col(HEADER.h1)]), annual: entryValue(row[col(HEADER.annual)]) };
    if (isPercent(r, col(HEADER.h1))) entry.h1Percent = true;
    if (isPercent(r, col(HEADER.annual))) entry.annualPercent = true;
    entries.push(entry);
    if (!current || current.no !== ind.item) {
      current = items.find((it) => it.no === ind.item) ?? null;
      if (!current) {
        current = { no: ind.item, name: '', leadUnits: [], indicators: [], first: r + 1, last: r + 1 };
        items.push(current);
      }
    }
    current.indicators.push(id);
    current.last = Math.max(current.last, r + 1);
  }
  if (indicators.length === 0) {
    throw new InputError(
      'no indicator rows (指标编号 like 1.1) under the header',
      `sheet ${main.sheet.name}`,
      '表头下面没有指标行（指标编号如 1.1）',
    );
  }
  const c1 = (c: number) => (c >= 0 ? c + 1 : null);
  const unplaced = [...targets.values()].filter((ind) => rows[ind.id] === undefined);
  return {
    meta,
    indicators,
    entries,
    items,
    unplaced,
    positions: {
      sheet: main.sheet.name,
      headerRow: head + 1,
      columns: {
        id: col(HEADER.id) + 1,
        label: opt(HEADER.label) + 1,
        h1Target: opt(HEADER.h1Target) + 1,
        h1: col(HEADER.h1) + 1,
        annualTarget: opt(HEADER.annualTarget) + 1,
        annual: col(HEADER.annual) + 1,
        h1Rate: c1(opt(HEADER.h1Rate)),
        annualRate: c1(opt(HEADER.annualRate)),
        rate: c1(opt(HEADER.rate)),
        status: col(HEADER.status) + 1,
        note: c1(opt(HEADER.note)),
        progress: c1(opt(HEADER.progressText)),
      },
      rows,
      ...(main.sheet.rowHeights ? { rowHeights: main.sheet.rowHeights } : {}),
    },
    progress: latestProgress(grid, new Set(indicators.map((i) => i.id))),
  };
}

/** Latest 进展情况 text per indicator; with several reporting units each text is prefixed with its unit. */
function latestProgress(grid: WorkbookGrid, ids: Set<string>): Record<string, string> {
  const byId = new Map<string, { unit: string; text: string }[]>();
  for (const row of readProgress(grid)) {
    const id = cellText(row.id);
    const text = cellText(row.text);
    if (!ids.has(id) || text === '') continue;
    byId.set(id, [...(byId.get(id) ?? []), { unit: cellText(row.unit), text }]);
  }
  const out: Record<string, string> = {};
  for (const [id, texts] of byId)
    out[id] = texts.length === 1 ? texts[0].text : texts.map((t) => `${t.unit}：${t.text}`).join('\n');
  return out;
}
