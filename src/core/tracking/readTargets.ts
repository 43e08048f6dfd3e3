// The 指标 sheet read back: every target as the user may have corrected it (figures typed as "22万", dates
// as 2023/6/30), checked cell by cell with a message naming the cell.
import { ComparatorSchema, Indicator, IndicatorKind, IndicatorSchema, InputError, type Comparator } from '../model';
import type { CellValue, GridSheet, WorkbookGrid } from '../layout/types';
import { cellText } from '../text';
import { a1, findHeader, ID } from './readHeader';
import { KIND_LABEL, SHEET, TARGET_COLUMNS, type TargetColumnKey } from './sheet';

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

/** The 指标 sheet's header row and the column of each field it has (0-based). */
function targetColumns(grid: WorkbookGrid): { sheet: GridSheet; row: number; colOf: Map<TargetColumnKey, number> } {
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
  return { sheet, row: head.row, colOf };
}

/** One row of the 指标 sheet (0-based `r`) as a target; null for a row without an id. */
function targetRow(row: CellValue[], r: number, colOf: Map<TargetColumnKey, number>): Indicator | null {
  const get = (key: TargetColumnKey): CellValue => {
    const c = colOf.get(key);
    return c === undefined ? null : (row[c] ?? null);
  };
  const where = (key: TargetColumnKey) => `cell ${SHEET.targets}!${a1(r, colOf.get(key) ?? 0)}`;
  const id = cellText(get('id'));
  if (id === '') return null;
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
  return {
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
}

/** Every target of the 指标 sheet by id, in sheet order. Throws InputError naming the cell of a bad one. */
export function readTargets(grid: WorkbookGrid): Map<string, Indicator> {
  const { sheet, row: head, colOf } = targetColumns(grid);
  const out = new Map<string, Indicator>();
  for (let r = head + 1; r < sheet.rows.length; r++) {
    const ind = targetRow(sheet.rows[r] ?? [], r, colOf);
    if (!ind) continue;
    const checked = IndicatorSchema.safeParse(ind);
    if (!checked.success)
      throw new InputError(
        `row ${r + 1} is not a valid indicator`,
        `sheet ${SHEET.targets}`,
        `第${r + 1}行不是有效的指标`,
      );
    if (out.has(ind.id))
      throw new InputError(
        `indicator ${ind.id} appears twice`,
        `cell ${SHEET.targets}!${a1(r, colOf.get('id') ?? 0)}`,
        `指标 ${ind.id} 出现了两次`,
      );
    out.set(ind.id, ind);
  }
  return out;
}
